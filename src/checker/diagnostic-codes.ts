// The one table of diagnostic codes: code, default severity, summary and docs anchor. Settings, the
// config schema, docs/diagnostics.md and the tests are all checked against this table.

export type Severity = 'error' | 'warning' | 'info' | 'hint';
/** A configured level: a severity or `off`. */
export type SeverityLevel = Severity | 'off';

export interface DiagnosticCodeInfo {
  readonly code: DiagnosticCode;
  readonly severity: Severity;
  readonly summary: string;
  /** Anchor in docs/diagnostics.md. */
  readonly docs: string;
}

export const DIAGNOSTIC_CODES = [
  'syntax-error', 'undefined-global', 'accidental-global', 'unknown-module', 'undefined-field', 'missing-parameter',
  'redundant-parameter', 'param-type-mismatch', 'assign-type-mismatch', 'return-type-mismatch',
  'need-check-nil', 'method-call-style', 'readonly-assign', 'not-callable', 'duplicate-index',
  'workflow-unsafe', 'not-yieldable', 'deprecated', 'unused-local', 'unreachable-code', 'annotation-error',
  'file-too-large', 'too-many-diagnostics',
] as const;

/** The default of `maxDiagnostics`: most diagnostics reported per file. */
export const DEFAULT_MAX_DIAGNOSTICS = 1000;

/**
 * Codes that report a limit of the tool rather than a finding in the code: they need inputs too
 * large for a documentation example (test/security covers them instead).
 */
export const LIMIT_CODES: ReadonlySet<DiagnosticCode> = new Set(['file-too-large', 'too-many-diagnostics']);

export type DiagnosticCode = (typeof DIAGNOSTIC_CODES)[number];

const row = (code: DiagnosticCode, severity: Severity, summary: string): DiagnosticCodeInfo =>
  ({ code, severity, summary, docs: `docs/diagnostics.md#${code}` });

/** Every code, in documentation order. */
export const DIAGNOSTICS: Readonly<Record<DiagnosticCode, DiagnosticCodeInfo>> = {
  'syntax-error': row('syntax-error', 'error', 'The text does not parse.'),
  'undefined-global': row('undefined-global', 'warning', 'Read of a global that no manifest, config or assignment defines.'),
  'accidental-global': row('accidental-global', 'warning', 'Assignment to an undeclared global inside a function (a missing `local`?).'),
  'unknown-module': row('unknown-module', 'error', '`require` of a name no module or manifest provides.'),
  'undefined-field': row('undefined-field', 'error', 'A member that a module, interface, closed record or inferred table does not have.'),
  'missing-parameter': row('missing-parameter', 'error', 'Fewer arguments than required parameters.'),
  'redundant-parameter': row('redundant-parameter', 'warning', 'More arguments than parameters (no variadic).'),
  'param-type-mismatch': row('param-type-mismatch', 'error', 'An argument not assignable to its parameter.'),
  'assign-type-mismatch': row('assign-type-mismatch', 'error', 'Assignment to an annotated variable or field of another type.'),
  'return-type-mismatch': row('return-type-mismatch', 'error', 'A return that contradicts `---@return`.'),
  'need-check-nil': row('need-check-nil', 'warning', 'Indexing, calling, arithmetic or `#` on a value that may be nil.'),
  'method-call-style': row('method-call-style', 'error', '`t.method()` on an interface method, or `m:fn()` on a plain function.'),
  'readonly-assign': row('readonly-assign', 'error', 'Writing into a module table.'),
  'not-callable': row('not-callable', 'error', 'Calling a value whose type is not a function.'),
  'duplicate-index': row('duplicate-index', 'warning', 'The same key twice in a table constructor.'),
  'workflow-unsafe': row('workflow-unsafe', 'error', 'A workflow script uses a module that is not workflow-safe.'),
  'not-yieldable': row('not-yieldable', 'warning', 'A yielding host function called where Lua cannot yield.'),
  'deprecated': row('deprecated', 'warning', 'Use of a member marked deprecated.'),
  'unused-local': row('unused-local', 'hint', 'A local, local function or parameter never read.'),
  'unreachable-code': row('unreachable-code', 'hint', 'Statements that can never run.'),
  'annotation-error': row('annotation-error', 'warning', 'A `---@` annotation that cannot be read, names an unknown type, or an unknown diagnostic code.'),
  'file-too-large': row('file-too-large', 'warning', 'A file larger than `maxFileSize` (default 4 MiB): not read or checked.'),
  'too-many-diagnostics': row('too-many-diagnostics', 'info', 'More diagnostics than `maxDiagnostics` (default 1000) in one file: the rest are counted, not listed.'),
};
