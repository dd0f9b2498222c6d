// textDocument/selectionRange: expand selection along the syntax tree.
import type { SelectionRangeParams } from 'vscode-languageserver/node';
import { selectionRanges } from '../../../src/service/selectionRange';
import { defineFeature, needsDocument } from '../feature';

export const selectionRangeFeature = defineFeature({
  method: 'textDocument/selectionRange',
  capabilities: () => ({ selectionRangeProvider: true }),
  fallback: [],
  validate: (p) => needsDocument(p) ?? (Array.isArray((p as { positions?: unknown }).positions) ? undefined : 'params.positions must be an array'),
  handle: (p: SelectionRangeParams, ctx) => {
    const snap = ctx.snapshot(p.textDocument.uri);
    return snap ? selectionRanges(snap, p.positions) : [];
  },
});
