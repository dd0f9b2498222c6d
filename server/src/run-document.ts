// Runs a document's text in the embedded runtime for `luamod/runScript` (built-in modules, the
// settings' timeout) and maps the runtime's answer onto the protocol's RunScriptResult.
import { basename, dirname, relative, sep } from 'node:path';
import { runIsolated } from './script-worker';
import type { RunScriptResult } from '../../src/protocol/luamod-protocol';
import type { ServerContext } from './context';
import { uriToPath } from '../../src/service/uri';
import { configFor, isWorkflowScript } from '../../src/config/config';

/** Runs `text` (the document `uri`, starting at `lineOffset`) and reports output, result and error. */
export async function runDocument(ctx: ServerContext, uri: string, text: string, lineOffset: number, timeoutMs?: number): Promise<RunScriptResult> {
  const path = uriToPath(uri);
  const limit = Math.min(timeoutMs && timeoutMs > 0 ? timeoutMs : Infinity, ctx.settings().run.timeoutMs);
  const root = path ? (ctx.projectFor(uri).root ?? dirname(path)) : undefined;
  const config = path ? configFor(path).config : undefined;
  // In a worker thread: a script stuck inside one library call cannot block the server.
  const r = await runIsolated({
    source: text,
    chunkName: path ? chunkNameOf(path, root) : uri,
    timeoutMs: limit,
    ...(path && root
      ? {
          fsRoot: root,
          // require: runtime.path and runtime.external of the document's config, under the project root.
          project: { root, ...(config ? { path: config.runtimePath, external: config.external } : {}) },
          // A workflow script (`--!workflow` first line, or the config's `workflows` globs) runs in workflow mode.
          workflow: config !== undefined && isWorkflowScript(config, path, lineOffset === 0 ? text : ''),
        }
      : {}),
  });
  // An error raised in a required module is not on a line of `uri`: its message names the file.
  const elsewhere = r.error?.chunk;
  const line = r.error?.line !== undefined && elsewhere === undefined ? r.error.line + lineOffset : undefined;
  const result = r.result.length === 0 ? undefined : r.result.map(renderValue).join('\t');
  return {
    output: r.output,
    ...(result !== undefined ? { result } : {}),
    ...(r.error
      ? {
          error: {
            message: elsewhere !== undefined ? `${elsewhere}${r.error.line !== undefined ? `:${r.error.line}` : ''}: ${r.error.message}` : r.error.message,
            kind: errorKind(r.error),
            ...(line !== undefined ? { line } : {}),
            ...(r.error.stack ? { traceback: r.error.stack } : {}),
          },
        }
      : {}),
    durationMs: Math.round(r.durationMs * 100) / 100,
  };
}

/** The document's chunk name: its path relative to the project root (as required modules are named), else its file name. */
function chunkNameOf(path: string, root: string | undefined): string {
  const rel = root ? relative(root, path) : '';
  return rel && !rel.startsWith('..') ? rel.split(sep).join('/') : basename(path);
}

/**
 * The protocol's error kind: `syntax` (the chunk did not compile: the runtime reports it without a
 * traceback), `timeout` (the run hit its time limit), a module error kind, or `runtime`.
 */
function errorKind(e: { message: string; kind?: string; stack?: string }): string {
  if (e.kind === 'TIMEOUT' && /time limit/.test(e.message)) return 'timeout';
  if (e.kind) return e.kind;
  return e.stack ? 'runtime' : 'syntax';
}

/** A Lua value as text: strings as they are, tables as JSON-like text. */
function renderValue(v: unknown): string {
  if (v === null || v === undefined) return 'nil';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  try {
    return JSON.stringify(v);
  } catch {
    return String(v);
  }
}
