// textDocument/definition: locals, functions, fields; module members jump to their manifest;
// globals defined in another workspace file jump there (through the index).
import type { DefinitionParams } from 'vscode-languageserver/node';
import { definition } from '../../../src/service/definition';
import { defineFeature, needsPosition } from '../feature';

export const definitionFeature = defineFeature({
  method: 'textDocument/definition',
  capabilities: () => ({ definitionProvider: true }),
  fallback: null,
  validate: needsPosition,
  handle: (p: DefinitionParams, ctx) => {
    const snap = ctx.snapshot(p.textDocument.uri);
    return snap ? definition(snap, p.position, ctx.index.entries()) : null;
  },
});
