// textDocument/hover: the type in luamod notation, docs, classes, yields and error kinds.
import type { HoverParams } from 'vscode-languageserver/node';
import { hover } from '../../../src/service/hover';
import { defineFeature, needsPosition, onSnapshot } from '../feature';

export const hoverFeature = defineFeature({
  method: 'textDocument/hover',
  capabilities: () => ({ hoverProvider: true }),
  fallback: null,
  validate: needsPosition,
  handle: onSnapshot((snap, p: HoverParams) => hover(snap, p.position)),
});
