// Checks that an LSP range lies inside a document: lines and characters counted as LSP does
// (line breaks \n, \r\n, \r; characters in UTF-16 code units).

export interface LspPosition { line: number; character: number }
export interface LspRange { start: LspPosition; end: LspPosition }

/** The lines of `text` as LSP counts them (without their breaks). */
export function lspLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

/** Why `range` is not a valid range of a document with `lines`, or undefined when it is. */
export function rangeProblem(range: LspRange | undefined, lines: readonly string[]): string | undefined {
  if (!range || !range.start || !range.end) return 'missing range';
  for (const [name, p] of [['start', range.start], ['end', range.end]] as const) {
    if (!Number.isInteger(p.line) || !Number.isInteger(p.character)) return `${name} is not integral: ${JSON.stringify(p)}`;
    if (p.line < 0 || p.line >= lines.length) return `${name}.line ${p.line} outside 0..${lines.length - 1}`;
    if (p.character < 0 || p.character > lines[p.line]!.length) return `${name}.character ${p.character} outside line ${p.line} (length ${lines[p.line]!.length})`;
  }
  if (range.start.line > range.end.line || (range.start.line === range.end.line && range.start.character > range.end.character)) {
    return `start after end: ${JSON.stringify(range)}`;
  }
  return undefined;
}
