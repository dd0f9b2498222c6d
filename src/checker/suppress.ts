// Suppression comments: `---@diagnostic disable-next-line: a, b`, `---@diagnostic disable: a`
// (until `---@diagnostic enable: a` or the end of the file), `disable-line`. No codes means all.
import type { Comment } from 'luaparse';
import type { LineIndex } from './positions';

export interface Suppressions {
  /** True when `code` is suppressed on 0-based `line`. */
  isSuppressed(code: string, line: number): boolean;
}

interface Span { code: string | '*'; from: number; to: number }

export function readSuppressions(comments: readonly Comment[], lines: LineIndex): Suppressions {
  const spans: Span[] = [];
  const open = new Map<string, number>();
  for (const c of comments) {
    const m = /^---\s*@diagnostic\s+(disable-next-line|disable-line|disable|enable)\s*(?::\s*(.*))?$/.exec(c.raw.trim());
    if (!m) continue;
    const codes = (m[2] ?? '').split(',').map((s) => s.trim()).filter(Boolean);
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
    isSuppressed: (code, line) => spans.some((s) => (s.code === '*' || s.code === code) && s.from <= line && line <= s.to),
  };
}
