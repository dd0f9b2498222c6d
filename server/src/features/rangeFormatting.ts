// textDocument/rangeFormatting: StyLua formats the statements the range touches (minimal edits).
import type { DocumentRangeFormattingParams } from 'vscode-languageserver/node';
import { defineFeature, needsRange, onSnapshot } from '../feature';
import { format } from './formatting';

export const rangeFormattingFeature = defineFeature({
  method: 'textDocument/rangeFormatting',
  capabilities: () => ({ documentRangeFormattingProvider: true }),
  fallback: [],
  validate: needsRange,
  handle: onSnapshot((snap, p: DocumentRangeFormattingParams, ctx) => format(snap, ctx, p.range)),
});
