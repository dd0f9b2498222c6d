// textDocument/completion and completionItem/resolve: modules in require(""), members after `.`
// and `:`, locals, globals, keywords, call snippets and auto-require.
import type { CompletionItem, CompletionParams } from 'vscode-languageserver/node';
import { completion, resolveCompletion } from '../../../src/service/completion';
import { adaptCompletion, completionClientOf } from '../../../src/service/completion-client';
import { defineFeature, needsPosition, onSnapshot } from '../feature';

export const completionFeature = defineFeature({
  method: 'textDocument/completion',
  capabilities: () => ({
    completionProvider: { triggerCharacters: ['.', ':', '"', "'", '@'], resolveProvider: true },
  }),
  fallback: { isIncomplete: false, items: [] },
  validate: needsPosition,
  // Shaped to the client's capabilities: plain text without snippet support, documentation inline
  // for clients that never send completionItem/resolve (Neovim 0.7).
  handle: onSnapshot((snap, p: CompletionParams, ctx) =>
    adaptCompletion(completion(snap, p.position, ctx.settings()), completionClientOf(ctx.client()), (item) => resolveCompletion(snap, item))),
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
