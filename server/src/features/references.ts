// textDocument/references: every use of the symbol under the cursor in the document.
import type { ReferenceParams } from 'vscode-languageserver/node';
import { references } from '../../../src/service/references';
import { defineFeature, needsPosition } from '../feature';

export const referencesFeature = defineFeature({
  method: 'textDocument/references',
  capabilities: () => ({ referencesProvider: true }),
  fallback: [],
  validate: needsPosition,
  handle: (p: ReferenceParams, ctx) => {
    const snap = ctx.snapshot(p.textDocument.uri);
    return snap ? references(snap, p.position, p.context?.includeDeclaration ?? true) : [];
  },
});
