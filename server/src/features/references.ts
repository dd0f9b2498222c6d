// textDocument/references: every use of the symbol under the cursor in the document; for a global
// the user's files define, also its uses in the other workspace files (open buffers or disk); for a
// member of a project module (`util.add`, or `M.add` in util.lua), its uses in every file.
import type { Location, ReferenceParams } from 'vscode-languageserver/node';
import { globalNameAt, references } from '../../../src/service/references';
import { defineFeature, needsPosition, onSnapshot } from '../feature';
import { globalUsesElsewhere, projectMemberUses } from '../workspace-references';
import { projectMemberAt } from '../../../src/service/module-members';
import { projectMemberLocation } from '../../../src/service/definition';
import { normalizeUri } from '../../../src/service/uri';
import type { Range } from 'vscode-languageserver/node';

function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

export const referencesFeature = defineFeature({
  method: 'textDocument/references',
  capabilities: () => ({ referencesProvider: true }),
  fallback: [],
  validate: needsPosition,
  handle: onSnapshot(async (snap, p: ReferenceParams, ctx, token): Promise<Location[]> => {
    // A project module's member: its definition and uses in every file of the workspace.
    const member = projectMemberAt(snap, snap.offsetAt(p.position));
    if (member) {
      const all = await projectMemberUses(ctx, member, token);
      const includeDeclaration = p.context?.includeDeclaration ?? true;
      const def = projectMemberLocation(snap, member.file, member.name);
      return includeDeclaration ? all : all.filter((l) => !(normalizeUri(l.uri) === normalizeUri(def.uri) && sameRange(l.range, def.range)));
    }
    const here = references(snap, p.position, p.context?.includeDeclaration ?? true);
    const name = globalNameAt(snap, p.position);
    return name ? [...here, ...(await globalUsesElsewhere(ctx, snap.uri, name, token))] : here;
  }),
});
