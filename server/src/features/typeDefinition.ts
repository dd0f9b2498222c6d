// textDocument/typeDefinition: where the type of the value under the cursor is declared.
import type { TypeDefinitionParams } from 'vscode-languageserver/node';
import { typeDefinition } from '../../../src/service/typeDefinition';
import { defineFeature, needsPosition, onSnapshot } from '../feature';

export const typeDefinitionFeature = defineFeature({
  method: 'textDocument/typeDefinition',
  capabilities: () => ({ typeDefinitionProvider: true }),
  fallback: null,
  validate: needsPosition,
  handle: onSnapshot((snap, p: TypeDefinitionParams) => typeDefinition(snap, p.position)),
});
