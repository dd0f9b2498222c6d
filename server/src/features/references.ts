// textDocument/references: every use of the symbol under the cursor in the document; for a global
// the user's files define, also its uses in the other workspace files (open buffers or disk).
import type { Location, ReferenceParams } from 'vscode-languageserver/node';
import { globalNameAt, references } from '../../../src/service/references';
import { defineFeature, needsPosition, onSnapshot } from '../feature';
import { globalUsesElsewhere } from '../workspace-references';

export const referencesFeature = defineFeature({
  method: 'textDocument/references',
  capabilities: () => ({ referencesProvider: true }),
  fallback: [],
  validate: needsPosition,
  handle: onSnapshot(async (snap, p: ReferenceParams, ctx, token): Promise<Location[]> => {
    const here = references(snap, p.position, p.context?.includeDeclaration ?? true);
    const name = globalNameAt(snap, p.position);
    return name ? [...here, ...(await globalUsesElsewhere(ctx, snap.uri, name, token))] : here;
  }),
});
