// Test helper: Lua fixtures with `$0` cursor markers (it never occurs in Lua). Returns the text
// without markers and each marker's LSP position.
export interface Fixture {
  readonly text: string;
  /** Position of every `$0`, in order. */
  readonly cursors: ReadonlyArray<{ line: number; character: number }>;
  /** The first cursor. */
  readonly cursor: { line: number; character: number };
}

export function fixture(source: string): Fixture {
  const cursors: Array<{ line: number; character: number }> = [];
  let text = '';
  let line = 0;
  let col = 0;
  for (let i = 0; i < source.length; i++) {
    if (source.startsWith('$0', i)) {
      cursors.push({ line, character: col });
      i++;
      continue;
    }
    const ch = source[i]!;
    text += ch;
    if (ch === '\n') {
      line++;
      col = 0;
    } else col++;
  }
  return { text, cursors, cursor: cursors[0] ?? { line: 0, character: 0 } };
}

/** Applies LSP text edits (non-overlapping) to `text`. */
export function applyEdits(
  text: string,
  edits: ReadonlyArray<{ range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }>,
): string {
  const lines = text.split('\n');
  const offset = (p: { line: number; character: number }) =>
    lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  let out = text;
  for (const e of sorted) out = out.slice(0, offset(e.range.start)) + e.newText + out.slice(offset(e.range.end));
  return out;
}
