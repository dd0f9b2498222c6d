// textDocument/documentHighlight: reads and writes of the symbol under the cursor.
import type { DocumentHighlightParams } from 'vscode-languageserver/node';
import { documentHighlight } from '../../../src/service/documentHighlight';
import { defineFeature, needsPosition } from '../feature';

export const documentHighlightFeature = defineFeature({
  method: 'textDocument/documentHighlight',
  capabilities: () => ({ documentHighlightProvider: true }),
  fallback: [],
  validate: needsPosition,
  handle: (p: DocumentHighlightParams, ctx) => {
    const snap = ctx.snapshot(p.textDocument.uri);
    return snap ? documentHighlight(snap, p.position) : [];
  },
});
