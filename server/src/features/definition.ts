// textDocument/definition: locals, functions, fields; module members jump to their manifest;
// globals defined in another workspace file jump there (through the index).
import type { DefinitionParams } from 'vscode-languageserver/node';
import { definition } from '../../../src/service/definition';
import { defineFeature, needsPosition, onSnapshot } from '../feature';

export const definitionFeature = defineFeature({
  method: 'textDocument/definition',
  capabilities: () => ({ definitionProvider: true }),
  fallback: null,
  validate: needsPosition,
  handle: onSnapshot((snap, p: DefinitionParams, ctx) => definition(snap, p.position, ctx.index.entries())),
});
