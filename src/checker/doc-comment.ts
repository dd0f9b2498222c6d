// The documentation comment written above a declaration (`--` or `---` lines right before it), as
// markdown: prose as written, `---@param`/`---@return` lines as a list. Hover shows it for the
// user's own locals, functions and fields, and a project module's members carry it to the files
// that require the module (src/checker/module-exports.ts).
import type { LineIndex } from './positions';

const MAX_LINES = 40;

/** The comment block ending on the line before `offset`'s line, or undefined when there is none. */
export function docCommentAt(lines: LineIndex, offset: number): string | undefined {
  const line = lines.lineOf(offset);
  const declLine = lines.lineText(line);
  // Only when the declaration starts its line (not `x = 1; local y` in the middle of a line).
  const before = declLine.slice(0, offset - lines.lineStarts[line]!);
  if (!/^\s*((local\s+)?function\s+|local\s+)?[\w.:]*$/.test(before)) return undefined;
  const raw: string[] = [];
  for (let l = line - 1; l >= 0 && raw.length < MAX_LINES; l--) {
    const text = lines.lineText(l).trim();
    if (!text.startsWith('--') || /^--\[=*\[/.test(text)) break;
    raw.unshift(text);
  }
  const out: string[] = [];
  for (const r of raw) {
    const body = r.replace(/^-{2,}\s?/, '');
    if (/^@diagnostic\b/.test(body)) continue;
    const tag = /^@(param|return|field|type|class|alias|deprecated)\s*(.*)$/.exec(body);
    if (tag) out.push(`- \`@${tag[1]}\` ${tag[2]!.replace(/^(\S+)/, '`$1`')}`);
    else out.push(body);
  }
  const text = out.join('\n').trim();
  return text ? text : undefined;
}

/** `---@param name type description` lines above a declaration: name → description. */
export function paramDocsAt(lines: LineIndex, offset: number): Record<string, string> {
  const out: Record<string, string> = {};
  const line = lines.lineOf(offset);
  for (let l = line - 1; l >= 0 && line - l <= MAX_LINES; l--) {
    const text = lines.lineText(l).trim();
    if (!text.startsWith('--')) break;
    const m = /^---@param\s+([A-Za-z_]\w*)\??\s+\S+\s*(.*)$/.exec(text);
    if (m && m[2]) out[m[1]!] = m[2].replace(/^[-—:]\s*/, '');
  }
  return out;
}
