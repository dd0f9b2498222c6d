// textDocument/inlayHint: parameter names at module calls and inferred local types (configurable).
import type { InlayHintParams } from 'vscode-languageserver/node';
import { inlayHints } from '../../../src/service/inlayHint';
import { defineFeature, needsRange } from '../feature';

export const inlayHintFeature = defineFeature({
  method: 'textDocument/inlayHint',
  capabilities: () => ({ inlayHintProvider: true }),
  fallback: [],
  validate: needsRange,
  handle: (p: InlayHintParams, ctx) => {
    const snap = ctx.snapshot(p.textDocument.uri);
    return snap ? inlayHints(snap, p.range, ctx.settings()) : [];
  },
});
