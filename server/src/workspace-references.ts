// Uses of a user global, or of a project module's member, across the workspace: the indexed files
// and the open buffers, read from the buffer when open, else from disk (small files only). Used by
// references and rename.
import { readWorkspaceFile } from './read-workspace-file';
import type { CancellationToken, Location } from 'vscode-languageserver/node';
import { globalReferencesIn } from '../../src/service/references';
import { projectMemberOccurrences, type ProjectMember } from '../../src/service/module-members';
import { normalizeUri, pathToUri, uriToPath } from '../../src/service/uri';
import type { ServerContext } from './context';

/** Files above this size are not searched. */
const MAX_SEARCH_BYTES = 2 * 1024 * 1024;

/** Uses of global `name` in every workspace file but `self`. */
export async function globalUsesElsewhere(ctx: ServerContext, self: string, name: string, token?: CancellationToken): Promise<Location[]> {
  const uris = new Set([...ctx.index.uris(), ...ctx.documents.openUris()]);
  uris.delete(self);
  const out: Location[] = [];
  let n = 0;
  for (const uri of uris) {
    if (token?.isCancellationRequested) break;
    const text = ctx.documents.snapshot(uri)?.text ?? (await readSmall(uri, ctx.workspaceFolders()));
    if (text !== undefined) out.push(...globalReferencesIn(uri, text, name));
    if (++n % 50 === 0) await new Promise((r) => setImmediate(r));
  }
  return out;
}

/** Whether another workspace file defines global `name` at its top level. */
export function globalDefinedElsewhere(ctx: ServerContext, self: string, name: string): boolean {
  for (const e of ctx.index.entries()) if (e.global && e.name === name && e.uri !== self) return true;
  return false;
}

async function readSmall(uri: string, folders: readonly string[]): Promise<string | undefined> {
  const path = uriToPath(uri);
  if (!path) return undefined;
  return (await readWorkspaceFile(path, folders, MAX_SEARCH_BYTES)).text;
}

/**
 * Every occurrence of a project module's member in the workspace: the module's file and every file
 * that uses it (open buffers first, else the disk), as locations; the definition is the first.
 */
export async function projectMemberUses(ctx: ServerContext, member: ProjectMember, token?: CancellationToken): Promise<Location[]> {
  const uris = new Set([pathToUri(member.file), ...ctx.documents.openUris().map(normalizeUri), ...ctx.index.uris()]);
  const out: Location[] = [];
  let n = 0;
  for (const uri of uris) {
    if (token?.isCancellationRequested) break;
    const open = ctx.documents.text(uri);
    if (open === undefined && !ctx.index.has(uri) && uriToPath(uri) !== member.file) continue;
    const text = open ?? (await readSmall(uri, ctx.workspaceFolders()));
    if (text === undefined || !text.includes(member.name)) continue;
    const snap = ctx.snapshot(uri);
    if (!snap) continue;
    for (const o of projectMemberOccurrences(snap, member)) out.push({ uri: snap.uri, range: snap.rangeOf(o.start, o.end) });
    if (++n % 20 === 0) await new Promise((r) => setImmediate(r));
  }
  return out;
}
