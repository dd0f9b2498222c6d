// textDocument/hover: the type in luamod notation, docs, classes, yields and error kinds.
import type { HoverParams } from 'vscode-languageserver/node';
import { hover } from '../../../src/service/hover';
import { defineFeature, needsPosition } from '../feature';

export const hoverFeature = defineFeature({
  method: 'textDocument/hover',
  capabilities: () => ({ hoverProvider: true }),
  fallback: null,
  validate: needsPosition,
  handle: (p: HoverParams, ctx) => {
    const snap = ctx.snapshot(p.textDocument.uri);
    return snap ? hover(snap, p.position) : null;
  },
});
