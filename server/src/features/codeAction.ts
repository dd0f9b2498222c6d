// textDocument/codeAction: quick fixes for the checker's diagnostics (add require, switch . and :,
// did-you-mean, suppress on this line, remove unused local).
import { CodeActionKind, type CodeActionParams } from 'vscode-languageserver/node';
import { codeActions } from '../../../src/service/codeAction';
import { defineFeature, needsRange, onSnapshot } from '../feature';

export const codeActionFeature = defineFeature({
  method: 'textDocument/codeAction',
  capabilities: () => ({ codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] } }),
  fallback: [],
  validate: needsRange,
  handle: onSnapshot((snap, p: CodeActionParams, ctx) => codeActions(snap, p.range, p.context?.diagnostics ?? [], ctx.settings())),
});
