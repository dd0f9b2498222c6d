// The edit that adds `local name = require("name")` at the top of a document: after a `#!` or
// `--!workflow` line and leading comments, and after the last existing top-level `require`.
import type { TextEdit } from 'vscode-languageserver-types';
import type { Snapshot } from './snapshot';

/** The edit inserting the require line for module `name` (as a local of the same name). */
export function requireEdit(snap: Snapshot, name: string): TextEdit | undefined {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) return undefined;
  const line = insertionLine(snap);
  const pos = { line, character: 0 };
  return { range: { start: pos, end: pos }, newText: `local ${name} = require("${name}")\n` };
}

function insertionLine(snap: Snapshot): number {
  let lastRequire = -1;
  for (const b of snap.analysis.moduleBindings) {
    const text = snap.lines.lineText(b.range.start.line);
    if (/^\s*local\s+\w+\s*=\s*require\b/.test(text)) lastRequire = Math.max(lastRequire, b.range.end.line);
  }
  if (lastRequire >= 0) return lastRequire + 1;
  let line = 0;
  while (line < snap.lines.lineCount && /^(#!|--)/.test(snap.lines.lineText(line)) && !/^--\[=*\[/.test(snap.lines.lineText(line))) line++;
  return line;
}
