// textDocument/foldingRange: blocks, tables, long comments and strings, runs of comments.
import type { FoldingRangeParams } from 'vscode-languageserver/node';
import { foldingRanges } from '../../../src/service/foldingRange';
import { defineFeature, needsDocument, onSnapshot } from '../feature';

export const foldingRangeFeature = defineFeature({
  method: 'textDocument/foldingRange',
  capabilities: () => ({ foldingRangeProvider: true }),
  fallback: [],
  validate: needsDocument,
  handle: onSnapshot((snap, p: FoldingRangeParams) => foldingRanges(snap)),
});
