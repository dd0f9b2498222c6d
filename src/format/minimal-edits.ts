// The smallest set of line edits that turns one text into another, so an editor keeps the cursor,
// folds and marks on the lines formatting did not touch (instead of one whole-document replacement).
import { diffLines } from 'diff';

/** Replace lines `[startLine, endLine)` (0-based) with `text` (whole lines, each ending in a newline). */
export interface LineEdit { readonly startLine: number; readonly endLine: number; readonly text: string }

/** Line edits from `before` to `after`; adjacent removals and additions merge into one edit. */
export function minimalLineEdits(before: string, after: string): LineEdit[] {
  if (before === after) return [];
  const edits: LineEdit[] = [];
  let line = 0;
  let pending: { startLine: number; endLine: number; text: string } | undefined;
  const flush = () => { if (pending) edits.push(pending); pending = undefined; };
  for (const part of diffLines(before, after)) {
    const count = part.count ?? 0;
    if (!part.added && !part.removed) {
      flush();
      line += count;
    } else if (part.removed) {
      pending ??= { startLine: line, endLine: line, text: '' };
      pending.endLine += count;
      line += count;
    } else {
      pending ??= { startLine: line, endLine: line, text: '' };
      pending.text += part.value;
    }
  }
  flush();
  return edits;
}

/** Applies line edits (as an editor would) — the inverse check used by tests and `--check`. */
export function applyLineEdits(text: string, edits: readonly LineEdit[]): string {
  const lines = text.split(/(?<=\n)/);
  for (const e of [...edits].sort((a, b) => b.startLine - a.startLine)) {
    lines.splice(e.startLine, e.endLine - e.startLine, ...(e.text ? e.text.split(/(?<=\n)/) : []));
  }
  return lines.join('');
}
