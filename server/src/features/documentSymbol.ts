// textDocument/documentSymbol: the hierarchical outline (functions, locals, table fields).
import type { DocumentSymbolParams } from 'vscode-languageserver/node';
import { documentSymbol } from '../../../src/service/documentSymbol';
import { defineFeature, needsDocument, onSnapshot } from '../feature';

export const documentSymbolFeature = defineFeature({
  method: 'textDocument/documentSymbol',
  capabilities: () => ({ documentSymbolProvider: { label: 'luamod' } }),
  fallback: [],
  validate: needsDocument,
  handle: onSnapshot((snap, p: DocumentSymbolParams) => documentSymbol(snap)),
});
