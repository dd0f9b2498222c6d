// textDocument/references: every use of the symbol under the cursor in the document; for a global
// the user's files define, also its uses in the other workspace files (open buffers or disk).
import { readFile, stat } from 'node:fs/promises';
import type { CancellationToken, Location, ReferenceParams } from 'vscode-languageserver/node';
import { globalNameAt, globalReferencesIn, references } from '../../../src/service/references';
import { uriToPath } from '../../../src/service/uri';
import type { ServerContext } from '../context';
import { defineFeature, needsPosition } from '../feature';

/** Files above this size are not searched for references. */
const MAX_SEARCH_BYTES = 2 * 1024 * 1024;

export const referencesFeature = defineFeature({
  method: 'textDocument/references',
  capabilities: () => ({ referencesProvider: true }),
  fallback: [],
  validate: needsPosition,
  handle: async (p: ReferenceParams, ctx, token): Promise<Location[]> => {
    const snap = ctx.snapshot(p.textDocument.uri);
    if (!snap) return [];
    const here = references(snap, p.position, p.context?.includeDeclaration ?? true);
    const name = globalNameAt(snap, p.position);
    return name ? [...here, ...(await elsewhere(ctx, snap.uri, name, token))] : here;
  },
});

/** Uses of global `name` in every other workspace file. */
async function elsewhere(ctx: ServerContext, self: string, name: string, token: CancellationToken): Promise<Location[]> {
  const uris = new Set([...ctx.index.uris(), ...ctx.documents.openUris()]);
  uris.delete(self);
  const out: Location[] = [];
  let n = 0;
  for (const uri of uris) {
    if (token.isCancellationRequested) break;
    const text = ctx.documents.snapshot(uri)?.text ?? (await readSmall(uri));
    if (text !== undefined) out.push(...globalReferencesIn(uri, text, name));
    if (++n % 50 === 0) await new Promise((r) => setImmediate(r));
  }
  return out;
}

async function readSmall(uri: string): Promise<string | undefined> {
  const path = uriToPath(uri);
  if (!path) return undefined;
  try {
    if ((await stat(path)).size > MAX_SEARCH_BYTES) return undefined;
    return await readFile(path, 'utf8');
  } catch {
    return undefined;
  }
}
