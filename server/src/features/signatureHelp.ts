// textDocument/signatureHelp: the called function's signature, active parameter and its docs.
import type { SignatureHelpParams } from 'vscode-languageserver/node';
import { signatureHelp } from '../../../src/service/signatureHelp';
import { defineFeature, needsPosition, onSnapshot } from '../feature';

export const signatureHelpFeature = defineFeature({
  method: 'textDocument/signatureHelp',
  capabilities: () => ({ signatureHelpProvider: { triggerCharacters: ['(', ','], retriggerCharacters: [','] } }),
  fallback: null,
  validate: needsPosition,
  handle: onSnapshot((snap, p: SignatureHelpParams) => signatureHelp(snap, p.position)),
});
