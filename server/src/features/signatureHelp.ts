// textDocument/signatureHelp: the called function's signature, active parameter and its docs.
import type { SignatureHelpParams } from 'vscode-languageserver/node';
import { signatureHelp } from '../../../src/service/signatureHelp';
import { defineFeature, needsPosition } from '../feature';

export const signatureHelpFeature = defineFeature({
  method: 'textDocument/signatureHelp',
  capabilities: () => ({ signatureHelpProvider: { triggerCharacters: ['(', ','], retriggerCharacters: [','] } }),
  fallback: null,
  validate: needsPosition,
  handle: (p: SignatureHelpParams, ctx) => {
    const snap = ctx.snapshot(p.textDocument.uri);
    return snap ? signatureHelp(snap, p.position) : null;
  },
});
