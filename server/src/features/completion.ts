// textDocument/completion and completionItem/resolve: modules in require(""), members after `.`
// and `:`, locals, globals, keywords, call snippets and auto-require.
import type { CompletionItem, CompletionParams } from 'vscode-languageserver/node';
import { completion, resolveCompletion } from '../../../src/service/completion';
import { defineFeature, needsPosition, onSnapshot } from '../feature';

export const completionFeature = defineFeature({
  method: 'textDocument/completion',
  capabilities: () => ({
    completionProvider: { triggerCharacters: ['.', ':', '"', "'", '@'], resolveProvider: true },
  }),
  fallback: { isIncomplete: false, items: [] },
  validate: needsPosition,
  handle: onSnapshot((snap, p: CompletionParams, ctx) => completion(snap, p.position, ctx.settings())),
});

export const completionResolveFeature = defineFeature({
  method: 'completionItem/resolve',
  fallback: null as unknown as CompletionItem,
  fallbackFor: (item: CompletionItem) => item,
  validate: (p) => (typeof p === 'object' && p !== null && typeof (p as { label?: unknown }).label === 'string' ? undefined : 'a CompletionItem with a label is required'),
  handle: (item: CompletionItem, ctx) => {
    const uri = (item.data as { uri?: unknown } | undefined)?.uri;
    const snap = typeof uri === 'string' ? ctx.snapshot(uri) : undefined;
    return snap ? resolveCompletion(snap, item) : item;
  },
});
