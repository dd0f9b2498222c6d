// Suppression comments: `---@diagnostic disable-next-line: a, b`, `---@diagnostic disable: a`
// (until `---@diagnostic enable: a` or the end of the file), `disable-line`. No codes means all.
// LuaLS's diagnostic names are accepted: the equivalent ones act as luamod's code, the others are
// ignored. luacheck's inline options are honoured too (luacheck-comments.ts).
import type { Chunk, Comment } from 'luaparse';
import { DIAGNOSTIC_CODES } from './diagnostic-codes';
import { luacheckSilences, readLuacheckComments } from './luacheck-comments';
import type { LineIndex } from './positions';
import { suggest } from './suggest';

/** LuaLS diagnostic names that mean one of luamod's codes (same names need no entry). */
const LUALS_EQUIVALENTS: Readonly<Record<string, string>> = {
  'lowercase-global': 'accidental-global', 'global-element': 'accidental-global',
  'inject-field': 'undefined-field', 'undefined-doc-name': 'annotation-error', 'undefined-doc-class': 'annotation-error',
  'undefined-doc-param': 'annotation-error', 'doc-field-no-class': 'annotation-error', 'unknown-diag-code': 'annotation-error',
  'unused-function': 'unused-local', 'cast-local-type': 'assign-type-mismatch', 'cast-type-mismatch': 'assign-type-mismatch',
  'missing-return': 'return-type-mismatch', 'missing-return-value': 'return-type-mismatch', 'redundant-return-value': 'return-type-mismatch',
  'call-non-callable': 'not-callable',
};

/** LuaLS diagnostic names with no luamod equivalent: accepted in `---@diagnostic` and ignored. */
const LUALS_OTHERS: ReadonlySet<string> = new Set([
  'ambiguity-1', 'ambiguous-syntax', 'await-in-sync', 'circle-doc-class', 'close-non-object', 'code-after-break', 'codestyle-check',
  'count-down-loop', 'different-requires', 'discard-returns', 'duplicate-doc-alias', 'duplicate-doc-field', 'duplicate-doc-param',
  'duplicate-set-field', 'empty-block', 'global-in-nil-env', 'incomplete-signature-doc', 'invisible', 'missing-fields',
  'missing-global-doc', 'missing-local-export-doc', 'name-style-check', 'newfield-call', 'newline-call', 'no-unknown',
  'redefined-local', 'redundant-return', 'redundant-value', 'spell-check', 'trailing-space', 'unbalanced-assignments',
  'undefined-env-child', 'unknown-cast-variable', 'unknown-operator', 'unused-label', 'unused-vararg', 'luadoc-miss-type-name',
  'luadoc-miss-see-name', 'luadoc-miss-symbol', 'luadoc-miss-field-name', 'luadoc-miss-class-name', 'luadoc-miss-alias-name',
  'luadoc-miss-param-name', 'luadoc-miss-module-name', 'exp-in-action', 'miss-name', 'miss-symbol', 'err-nonstandard-symbol',
  'action-after-return', 'keyword', 'unknown-symbol',
]);

export interface Suppressions {
  /** True when `code` is suppressed on 0-based `line` (`name`: the finding's name, for luacheck's filters). */
  isSuppressed(code: string, line: number, name?: string): boolean;
  /** Codes named in `---@diagnostic` lines that do not exist (offsets of the name; the closest code). */
  readonly unknownCodes: ReadonlyArray<{ code: string; start: number; end: number; suggestion?: string }>;
}

const KNOWN_CODES: ReadonlySet<string> = new Set(DIAGNOSTIC_CODES);

interface Span { code: string | '*'; from: number; to: number }

export function readSuppressions(comments: readonly Comment[], lines: LineIndex, chunk?: Chunk): Suppressions {
  const spans: Span[] = [];
  const open = new Map<string, number>();
  const unknownCodes: Array<{ code: string; start: number; end: number; suggestion?: string }> = [];
  for (const c of comments) {
    const m = /^---\s*@diagnostic\s+(disable-next-line|disable-line|disable|enable)\s*(?::\s*(.*))?$/.exec(c.raw.trim());
    if (!m) continue;
    const named = (m[2] ?? '').split(',').map((s) => s.trim()).filter(Boolean);
    const codes = named.flatMap((n) => (KNOWN_CODES.has(n) ? [n] : LUALS_EQUIVALENTS[n] ? [LUALS_EQUIVALENTS[n]!] : []));
    let from = c.raw.indexOf(':');
    for (const code of named) {
      from = c.raw.indexOf(code, from);
      if (!KNOWN_CODES.has(code) && !LUALS_EQUIVALENTS[code] && !LUALS_OTHERS.has(code)) unknownCodes.push({ code, start: c.range[0] + from, end: c.range[0] + from + code.length, suggestion: suggest(code, DIAGNOSTIC_CODES) });
      from += code.length;
    }
    // Only LuaLS names luamod does not have: nothing to silence here.
    if (named.length && !codes.length) continue;
    const list = codes.length ? codes : ['*'];
    const line = lines.lineOf(c.range[0]);
    for (const code of list) {
      if (m[1] === 'disable-next-line') spans.push({ code, from: line + 1, to: line + 1 });
      else if (m[1] === 'disable-line') spans.push({ code, from: line, to: line });
      else if (m[1] === 'disable') { if (!open.has(code)) open.set(code, line); }
      else {
        const from = open.get(code);
        if (from !== undefined) { spans.push({ code, from, to: line }); open.delete(code); }
        if (code === '*') { for (const [k, f] of open) spans.push({ code: k, from: f, to: line }); open.clear(); }
      }
    }
  }
  for (const [code, from] of open) spans.push({ code, from, to: Infinity });
  const luacheck = chunk && comments.some((c) => c.raw.includes('luacheck:')) ? readLuacheckComments(comments, lines, chunk) : [];
  return {
    unknownCodes,
    isSuppressed: (code, line, name) => spans.some((s) => (s.code === '*' || s.code === code) && s.from <= line && line <= s.to) ||
      luacheck.some((s) => luacheckSilences(s, code, line, name)),
  };
}
