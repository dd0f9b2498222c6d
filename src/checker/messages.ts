// The messages table: the checker emits `{code, args}`; the text shown by the CLI, the server and
// the docs comes from here (`code` or `code/variant` keys, `{arg}` placeholders).
import type { DiagnosticCode } from './diagnostic-codes';

/** Arguments of a diagnostic. `variant` selects a message; `suggestion` adds "did you mean". */
export type MessageArgs = Readonly<Record<string, string | number | undefined>>;

export const MESSAGES: Readonly<Record<string, string>> = {
  'syntax-error': '{message}',
  'undefined-global': "undefined global '{name}'",
  'accidental-global': "assignment to undeclared global '{name}' inside a function (missing 'local'?)",
  'unknown-module': "unknown module '{name}'",
  'unknown-module/tried': "unknown module '{name}' (no file {tried})",
  'undefined-field': "{owner} has no field '{name}'",
  'missing-parameter': "missing argument '{param}' ({expected}): expected {min} argument(s), got {got}",
  'redundant-parameter': 'expected at most {max} argument(s), got {got}',
  'param-type-mismatch': "argument #{index} '{param}': expected {expected}, got {got}",
  'param-type-mismatch/field': "argument #{index} '{param}': field '{field}': expected {expected}, got {got}",
  'param-type-mismatch/missing-field': "argument #{index} '{param}': missing field '{field}' ({expected})",
  'param-type-mismatch/extra-field': "argument #{index} '{param}': {expected} has no field '{field}'",
  'assign-type-mismatch': "cannot assign to '{name}': expected {expected}, got {got}",
  'return-type-mismatch': 'return value #{index}: expected {expected}, got {got}',
  'return-type-mismatch/count': 'expected {expected} return value(s), got {got}',
  'need-check-nil': "'{name}' may be nil ({action}); check it first",
  'method-call-style': "'{name}' is a method: call it with ':' ({owner})",
  'method-call-style/function': "'{name}' is a plain function: call it with '.' ({owner})",
  'readonly-assign': "cannot assign to '{name}': module '{module}' is read-only",
  'not-callable': "'{name}' is not callable: expected a function, got {got}",
  'duplicate-index': "duplicate key {key} in table constructor",
  'workflow-unsafe': "module '{module}' is not workflow-safe (classes: {classes})",
  'workflow-unsafe/project': "module '{module}' is not workflow-safe: {reason}",
  'not-yieldable': "'{name}' yields, but is called inside {context} where Lua cannot yield",
  'deprecated': "'{name}' is deprecated: {note}",
  'deprecated/plain': "'{name}' is deprecated",
  'unused-local': "unused local '{name}'",
  'unused-local/param': "unused parameter '{name}'",
  'unused-local/function': "unused local function '{name}'",
  'unreachable-code': 'unreachable code',
  'annotation-error': 'malformed annotation',
  'annotation-error/syntax': 'cannot read the type of ---@{tag}: {message}',
  'annotation-error/missing': '---@{tag} needs {what}',
  'annotation-error/unknown-type': "unknown type '{name}'",
  'annotation-error/unknown-code': "unknown diagnostic code '{name}'",
  'annotation-error/cycle': "{kind} '{name}' is defined in terms of itself ({cycle})",
  'file-too-large': 'file not checked: {size} bytes is more than the limit of {limit} bytes (maxFileSize)',
  'too-many-diagnostics': '{count} more diagnostics not shown (the limit is {limit} per file, maxDiagnostics)',
};

/** The message of a diagnostic (`did you mean` appended when args.suggestion is set). */
export function formatMessage(code: DiagnosticCode, args: MessageArgs): string {
  const template = (args.variant !== undefined ? MESSAGES[`${code}/${args.variant}`] : undefined) ?? MESSAGES[code] ?? code;
  const text = template.replace(/\{(\w+)\}/g, (_, key: string) => String(args[key] ?? ''));
  return args.suggestion !== undefined ? `${text} (did you mean '${args.suggestion}'?)` : text;
}
