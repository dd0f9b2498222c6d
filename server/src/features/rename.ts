// textDocument/prepareRename and textDocument/rename: locals, functions and the user's table
// fields; module members are refused with a clear message (a JSON-RPC error the client shows).
import { ErrorCodes, ResponseError, type PrepareRenameParams, type RenameParams } from 'vscode-languageserver/node';
import { prepareRename, rename } from '../../../src/service/rename';
import { defineFeature, needsPosition } from '../feature';

export const prepareRenameFeature = defineFeature({
  method: 'textDocument/prepareRename',
  fallback: null,
  validate: needsPosition,
  handle: (p: PrepareRenameParams, ctx) => {
    const snap = ctx.snapshot(p.textDocument.uri);
    if (!snap) return null;
    const r = prepareRename(snap, p.position);
    if ('error' in r) throw new ResponseError(ErrorCodes.InvalidRequest, r.error);
    return r;
  },
});

export const renameFeature = defineFeature({
  method: 'textDocument/rename',
  capabilities: (client) => ({ renameProvider: client.textDocument?.rename?.prepareSupport ? { prepareProvider: true } : true }),
  fallback: null,
  validate: (p) => needsPosition(p) ?? (typeof (p as { newName?: unknown }).newName === 'string' ? undefined : 'params.newName must be a string'),
  handle: (p: RenameParams, ctx) => {
    const snap = ctx.snapshot(p.textDocument.uri);
    if (!snap) return null;
    const r = rename(snap, p.position, p.newName);
    if ('error' in r) throw new ResponseError(ErrorCodes.InvalidRequest, r.error);
    return r.edit;
  },
});
