// textDocument/documentHighlight: reads and writes of the symbol under the cursor.
import type { DocumentHighlightParams } from 'vscode-languageserver/node';
import { documentHighlight } from '../../../src/service/documentHighlight';
import { defineFeature, needsPosition, onSnapshot } from '../feature';

export const documentHighlightFeature = defineFeature({
  method: 'textDocument/documentHighlight',
  capabilities: () => ({ documentHighlightProvider: true }),
  fallback: [],
  validate: needsPosition,
  handle: onSnapshot((snap, p: DocumentHighlightParams) => documentHighlight(snap, p.position)),
});
