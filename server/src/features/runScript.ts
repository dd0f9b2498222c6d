// luamod/runScript: runs a document (or the given text) in the embedded runtime with the
// workspace's modules and returns its output, result and error (see src/protocol).
import { readFileSync } from 'node:fs';
import { RunScriptMethod, type RunScriptParams, type RunScriptResult } from '../../../src/protocol/luamod-protocol';
import { runDocument } from '../run-document';
import { defineFeature } from '../feature';
import { uriToPath } from '../../../src/service/uri';

export const runScriptFeature = defineFeature({
  method: RunScriptMethod,
  fallback: null as unknown as RunScriptResult,
  validate: (p) => (typeof (p as { uri?: unknown } | null)?.uri === 'string' ? undefined : 'params.uri must be a string'),
  handle: async (p: RunScriptParams, ctx): Promise<RunScriptResult> => {
    const text = typeof p.text === 'string' ? p.text : (ctx.documents.snapshot(p.uri)?.text ?? readDisk(p.uri));
    if (text === undefined) {
      return { output: '', error: { message: `unknown document ${p.uri}`, kind: 'runtime' }, durationMs: 0 };
    }
    return runDocument(ctx, p.uri, text, p.lineOffset ?? 0, p.timeoutMs);
  },
});

function readDisk(uri: string): string | undefined {
  const path = uriToPath(uri);
  if (!path) return undefined;
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}
