// textDocument/semanticTokens/full and /range: locals, parameters, globals, module members
// (modifiers readonly and defaultLibrary), methods, properties.
import type { SemanticTokensParams, SemanticTokensRangeParams } from 'vscode-languageserver/node';
import { semanticTokens, semanticTokensLegend } from '../../../src/service/semanticTokens';
import { defineFeature, needsDocument, needsRange, onSnapshot } from '../feature';

export const semanticTokensFullFeature = defineFeature({
  method: 'textDocument/semanticTokens/full',
  capabilities: () => ({ semanticTokensProvider: { legend: semanticTokensLegend, full: true, range: true } }),
  fallback: { data: [] },
  validate: needsDocument,
  handle: onSnapshot((snap, p: SemanticTokensParams) => semanticTokens(snap)),
});

export const semanticTokensRangeFeature = defineFeature({
  method: 'textDocument/semanticTokens/range',
  fallback: { data: [] },
  validate: needsRange,
  handle: onSnapshot((snap, p: SemanticTokensRangeParams) => semanticTokens(snap, p.range)),
});
