// textDocument/semanticTokens/full and /range: locals, parameters, globals, module members
// (modifiers readonly and defaultLibrary), methods, properties.
import type { SemanticTokensParams, SemanticTokensRangeParams } from 'vscode-languageserver/node';
import { semanticTokens, semanticTokensLegend } from '../../../src/service/semanticTokens';
import { defineFeature, needsDocument, needsRange } from '../feature';

export const semanticTokensFullFeature = defineFeature({
  method: 'textDocument/semanticTokens/full',
  capabilities: () => ({ semanticTokensProvider: { legend: semanticTokensLegend, full: true, range: true } }),
  fallback: { data: [] },
  validate: needsDocument,
  handle: (p: SemanticTokensParams, ctx) => {
    const snap = ctx.snapshot(p.textDocument.uri);
    return snap ? semanticTokens(snap) : { data: [] };
  },
});

export const semanticTokensRangeFeature = defineFeature({
  method: 'textDocument/semanticTokens/range',
  fallback: { data: [] },
  validate: needsRange,
  handle: (p: SemanticTokensRangeParams, ctx) => {
    const snap = ctx.snapshot(p.textDocument.uri);
    return snap ? semanticTokens(snap, p.range) : { data: [] };
  },
});
