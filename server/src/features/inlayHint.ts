// textDocument/inlayHint: parameter names at module calls and inferred local types (configurable).
import type { InlayHintParams } from 'vscode-languageserver/node';
import { inlayHints } from '../../../src/service/inlayHint';
import { defineFeature, needsRange, onSnapshot } from '../feature';

export const inlayHintFeature = defineFeature({
  method: 'textDocument/inlayHint',
  capabilities: () => ({ inlayHintProvider: true }),
  fallback: [],
  validate: needsRange,
  handle: onSnapshot((snap, p: InlayHintParams, ctx) => inlayHints(snap, p.range, ctx.settings())),
});
