// textDocument/prepareRename and textDocument/rename: locals, functions, the user's table fields,
// the user's globals (in every workspace file) and project modules' members (in the module's file
// and every file using them); host modules' members are refused with a clear message (a JSON-RPC
// error the client shows).
import { ErrorCodes, ResponseError, type PrepareRenameParams, type RenameParams, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver/node';
import { globalNameAt } from '../../../src/service/references';
import { prepareRename, rename } from '../../../src/service/rename';
import { defineFeature, needsPosition, onSnapshot } from '../feature';
import { globalDefinedElsewhere, globalUsesElsewhere, projectMemberUses } from '../workspace-references';
import { projectMemberAt } from '../../../src/service/module-members';

export const prepareRenameFeature = defineFeature({
  method: 'textDocument/prepareRename',
  fallback: null,
  validate: needsPosition,
  handle: onSnapshot((snap, p: PrepareRenameParams, ctx) => {
    const name = globalNameAt(snap, p.position);
    const r = prepareRename(snap, p.position, { globalDefinedElsewhere: !!name && globalDefinedElsewhere(ctx, snap.uri, name) });
    if ('error' in r) throw new ResponseError(ErrorCodes.InvalidRequest, r.error);
    return r;
  }),
});

export const renameFeature = defineFeature({
  method: 'textDocument/rename',
  capabilities: (client) => ({ renameProvider: client.textDocument?.rename?.prepareSupport ? { prepareProvider: true } : true }),
  fallback: null,
  validate: (p) => needsPosition(p) ?? (typeof (p as { newName?: unknown }).newName === 'string' ? undefined : 'params.newName must be a string'),
  handle: onSnapshot(async (snap, p: RenameParams, ctx, token): Promise<WorkspaceEdit | null> => {
    const name = globalNameAt(snap, p.position);
    const r = rename(snap, p.position, p.newName, { globalDefinedElsewhere: !!name && globalDefinedElsewhere(ctx, snap.uri, name) });
    if ('error' in r) throw new ResponseError(ErrorCodes.InvalidRequest, r.error);
    // A project module's member: its definition and every use, in every file that requires the module.
    const member = projectMemberAt(snap, snap.offsetAt(p.position));
    if (member) {
      const edits: Record<string, TextEdit[]> = {};
      for (const loc of await projectMemberUses(ctx, member, token)) (edits[loc.uri] ??= []).push({ range: loc.range, newText: p.newName });
      return { changes: edits };
    }
    if (!name) return r.edit;
    // A global: rename its uses in the other files too.
    const changes: Record<string, TextEdit[]> = { ...r.edit.changes };
    for (const loc of await globalUsesElsewhere(ctx, snap.uri, name, token)) {
      (changes[loc.uri] ??= []).push({ range: loc.range, newText: p.newName });
    }
    return { changes };
  }),
});
