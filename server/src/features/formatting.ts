// textDocument/formatting and textDocument/rangeFormatting: StyLua's style as minimal edits.
// The style is exactly `luamod fmt`'s (stylua.toml / .stylua.toml, else .editorconfig, else StyLua's
// defaults); the request's `options` (tabSize, insertSpaces) are ignored, so that format-on-save and
// `luamod fmt --check` in CI never disagree (docs/formatting.md).
import type { DocumentFormattingParams, Range } from 'vscode-languageserver/node';
import { formattingEdits, styleOfSnapshot } from '../../../src/service/formatting';
import type { Snapshot } from '../../../src/service/snapshot';
import type { ServerContext } from '../context';
import { defineFeature, needsDocument, onSnapshot } from '../feature';

/** The edits for one formatting request (whole document, or the statements `range` touches). */
export function format(snap: Snapshot, ctx: ServerContext, range?: Range) {
  const style = styleOfSnapshot(snap);
  if (style.problem) ctx.log.warn(`configuration problem: ${style.problem}`);
  const result = formattingEdits(snap, style.options, range);
  if (result.error) ctx.log.info(`${snap.uri}: ${result.error}`);
  return result.edits;
}

export const formattingFeature = defineFeature({
  method: 'textDocument/formatting',
  capabilities: () => ({ documentFormattingProvider: true }),
  fallback: [],
  validate: needsDocument,
  handle: onSnapshot((snap, _p: DocumentFormattingParams, ctx) => format(snap, ctx)),
});
