// textDocument/selectionRange: expand selection along the syntax tree.
import type { SelectionRangeParams } from 'vscode-languageserver/node';
import { selectionRanges } from '../../../src/service/selectionRange';
import { defineFeature, needsDocument, onSnapshot } from '../feature';

export const selectionRangeFeature = defineFeature({
  method: 'textDocument/selectionRange',
  capabilities: () => ({ selectionRangeProvider: true }),
  fallback: [],
  validate: (p) => needsDocument(p) ?? (Array.isArray((p as { positions?: unknown }).positions) ? undefined : 'params.positions must be an array'),
  handle: onSnapshot((snap, p: SelectionRangeParams) => selectionRanges(snap, p.positions)),
});
