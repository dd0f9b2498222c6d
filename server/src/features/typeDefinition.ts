// textDocument/typeDefinition: where the type of the value under the cursor is declared.
import type { TypeDefinitionParams } from 'vscode-languageserver/node';
import { typeDefinition } from '../../../src/service/typeDefinition';
import { defineFeature, needsPosition } from '../feature';

export const typeDefinitionFeature = defineFeature({
  method: 'textDocument/typeDefinition',
  capabilities: () => ({ typeDefinitionProvider: true }),
  fallback: null,
  validate: needsPosition,
  handle: (p: TypeDefinitionParams, ctx) => {
    const snap = ctx.snapshot(p.textDocument.uri);
    return snap ? typeDefinition(snap, p.position) : null;
  },
});
