// Annotated fixtures: a line `--   ^^^ code` marks the expected diagnostic on the nearest code line
// above it, columns counted in that line (the `--` takes columns 0-1, so marked code is indented).
// `--^^^ code1, code2` marks several codes on one span.

export interface Expected { line: number; start: number; end: number; code: string }

const MARKER = /^(\s*--\s*)(\^+)\s+([\w-]+(?:\s*,\s*[\w-]+)*)\s*$/;

/** The expectations written in `text`, with 0-based lines and UTF-16 columns. */
export function readMarkers(text: string): Expected[] {
  const out: Expected[] = [];
  const lines = text.split(/\r?\n/);
  let target = -1;
  lines.forEach((line, i) => {
    const m = MARKER.exec(line);
    if (!m) { target = i; return; }
    const start = m[1]!.length;
    for (const code of m[3]!.split(/\s*,\s*/)) out.push({ line: target, start, end: start + m[2]!.length, code });
  });
  return out;
}
