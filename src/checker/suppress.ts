// Suppression comments: `---@diagnostic disable-next-line: a, b`, `---@diagnostic disable: a`
// (until `---@diagnostic enable: a` or the end of the file), `disable-line`. No codes means all.
import type { Comment } from 'luaparse';
import { DIAGNOSTIC_CODES } from './diagnostic-codes';
import type { LineIndex } from './positions';
import { suggest } from './suggest';

export interface Suppressions {
  /** True when `code` is suppressed on 0-based `line`. */
  isSuppressed(code: string, line: number): boolean;
  /** Codes named in `---@diagnostic` lines that do not exist (offsets of the name; the closest code). */
  readonly unknownCodes: ReadonlyArray<{ code: string; start: number; end: number; suggestion?: string }>;
}

const KNOWN_CODES: ReadonlySet<string> = new Set(DIAGNOSTIC_CODES);

interface Span { code: string | '*'; from: number; to: number }

export function readSuppressions(comments: readonly Comment[], lines: LineIndex): Suppressions {
  const spans: Span[] = [];
  const open = new Map<string, number>();
  const unknownCodes: Array<{ code: string; start: number; end: number; suggestion?: string }> = [];
  for (const c of comments) {
    const m = /^---\s*@diagnostic\s+(disable-next-line|disable-line|disable|enable)\s*(?::\s*(.*))?$/.exec(c.raw.trim());
    if (!m) continue;
    const codes = (m[2] ?? '').split(',').map((s) => s.trim()).filter(Boolean);
    let from = c.raw.indexOf(':');
    for (const code of codes) {
      from = c.raw.indexOf(code, from);
      if (!KNOWN_CODES.has(code)) unknownCodes.push({ code, start: c.range[0] + from, end: c.range[0] + from + code.length, suggestion: suggest(code, DIAGNOSTIC_CODES) });
      from += code.length;
    }
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
  return {
    unknownCodes,
    isSuppressed: (code, line) => spans.some((s) => (s.code === '*' || s.code === code) && s.from <= line && line <= s.to),
  };
}
