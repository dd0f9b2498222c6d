// textDocument/formatting and rangeFormatting: StyLua's formatting as minimal line edits, so the
// editor keeps the cursor, folds and marks on untouched lines. The style is the document's own
// (stylua.toml / .stylua.toml above it, else .editorconfig), the same as `luamod fmt`.
import type { Range, TextEdit } from 'vscode-languageserver-types';
import { formatLua, type FormatResult } from '../format/format-lua';
import { minimalLineEdits } from '../format/minimal-edits';
import { styleFor, type StyleOptions } from '../format/style-options';
import type { Snapshot } from './snapshot';

/** The document's style; an untitled document, or one whose StyLua config is broken, gets the defaults. */
export function styleOfSnapshot(snap: Snapshot): { options: StyleOptions; problem?: string } {
  if (!snap.path) return { options: {} };
  try {
    return { options: styleFor(snap.path).options };
  } catch (e) {
    return { options: {}, problem: (e as Error).message };
  }
}

/**
 * The edits that format the document (or only the statements `range` touches). A document that
 * does not parse gets no edits: formatting never loses text.
 */
export function formattingEdits(snap: Snapshot, options: StyleOptions, range?: Range): { edits: TextEdit[]; error?: string } {
  const bytes = range ? byteRange(snap, range) : undefined;
  const result: FormatResult = formatLua(snap.text, options, bytes);
  if (!result.ok) return { edits: [], error: `not formatted: ${result.message}${result.line ? ` (line ${result.line})` : ''}` };
  const lineCount = snap.lines.lineCount;
  const edits = minimalLineEdits(snap.text, result.text).map((e): TextEdit => ({
    range: {
      start: { line: e.startLine, character: 0 },
      end: e.endLine < lineCount ? { line: e.endLine, character: 0 } : snap.positionAt(snap.text.length),
    },
    newText: e.text,
  }));
  return { edits };
}

/** UTF-8 byte offsets of an LSP range (StyLua counts bytes; LSP counts UTF-16 code units). */
function byteRange(snap: Snapshot, range: Range): { start: number; end: number } {
  const start = snap.offsetAt(range.start);
  const end = snap.offsetAt(range.end);
  return { start: Buffer.byteLength(snap.text.slice(0, start), 'utf8'), end: Buffer.byteLength(snap.text.slice(0, end), 'utf8') };
}
