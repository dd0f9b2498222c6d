// luamod/runScript: runs a document (or the given text) in the embedded runtime with the
// workspace's modules and returns its output, result and error (see src/protocol).
import { RunScriptMethod, type RunScriptParams, type RunScriptResult } from '../../../src/protocol/luamod-protocol';
import { runDocument } from '../run-document';
import { defineFeature } from '../feature';
import { uriToPath } from '../../../src/service/uri';
import type { ServerContext } from '../context';
import { readWorkspaceFileSync } from '../read-workspace-file';

export const runScriptFeature = defineFeature({
  method: RunScriptMethod,
  fallback: null as unknown as RunScriptResult,
  validate: (p) => (typeof (p as { uri?: unknown } | null)?.uri === 'string' ? undefined : 'params.uri must be a string'),
  handle: async (p: RunScriptParams, ctx): Promise<RunScriptResult> => {
    const text = typeof p.text === 'string' ? p.text : (ctx.documents.snapshot(p.uri)?.text ?? readDisk(ctx, p.uri));
    if (typeof text !== 'string') {
      return { output: '', error: { message: text?.problem ?? `unknown document ${p.uri}`, kind: 'runtime' }, durationMs: 0 };
    }
    return runDocument(ctx, p.uri, text, p.lineOffset ?? 0, p.timeoutMs);
  },
});

/** A closed file's text: only a regular file inside a workspace folder, within maxFileSize. */
function readDisk(ctx: ServerContext, uri: string): string | { problem: string } | undefined {
  const path = uriToPath(uri);
  if (!path) return undefined;
  const read = readWorkspaceFileSync(path, ctx.workspaceFolders(), ctx.projectFor(uri).maxFileSize);
  if (read.error?.kind === 'not-found') return undefined;
  return read.error ? { problem: `cannot run ${path}: ${read.error.message}` } : read.text;
}
