// Workspace diagnostics: the problems of every indexed Lua file, open or not. After the workspace
// index has listed the files, each closed file is read and checked in the background, a time slice
// at a time (setImmediate between slices, so requests for open documents are answered meanwhile).
// Results are kept as LSP diagnostics only (no syntax trees), each with a resultId (a hash of the
// diagnostics), and are served two ways:
//   - pull (`workspace/diagnostic`): every workspace file, the open ones from their buffer (with their
//     version), the closed ones from disk; files whose resultId the client already has are `unchanged`;
//   - push (clients without pull support): `textDocument/publishDiagnostics` for closed files, only
//     when their diagnostics change (open documents are pushed by the scheduler, as before).
// Open documents always win: a closed file's disk result is never reported while it is open, and
// closing it reports its disk result instead of clearing its diagnostics.
import { createHash } from 'node:crypto';
import {
  type CancellationToken,
  type Diagnostic,
  DocumentDiagnosticReportKind,
  type WorkspaceDocumentDiagnosticReport,
} from 'vscode-languageserver/node';
import { documentDiagnostics } from '../../src/service/diagnostics';
import { createSnapshot, type Snapshot } from '../../src/service/snapshot';
import { normalizeUri, uriToPath } from '../../src/service/uri';
import type { ServerContext } from './context';
import { readWorkspaceFileSync } from './read-workspace-file';
import { MAX_INDEXED_BYTES } from './workspace-index';

/**
 * How long one background slice may check files before letting requests through (a file is never
 * split: the slice ends after the file that crosses the limit). Answering a request takes several
 * event-loop turns (read, handle, the writer's queue), each of which may wait for one slice.
 */
const SLICE_MS = 4;

export interface WorkspaceDiagnostics {
  /** Whether workspace diagnostics are on (`diagnostics.enable`, `diagnostics.workspace`, `indexWorkspace`). */
  enabled(): boolean;
  /** An indexing run finished: from now on, keep every indexed file checked (re-checks them all). */
  start(): void;
  /** Re-checks every indexed file (settings, configuration or manifests changed); clears everything when off. */
  recheckAll(): void;
  /** A watched `.lua` file changed (after the index took it into account): re-check it or clear it. */
  fileChanged(uri: string): void;
  /**
   * An open document was closed. Returns true when its workspace diagnostics take over (the file
   * is re-checked from disk, first in line); false when its diagnostics should be cleared as before.
   */
  documentClosed(uri: string): boolean;
  /**
   * Resolves once every indexed file is checked (or at once when off, or when `token` is
   * cancelled). `onSlice` is called with the files checked by each background slice meanwhile.
   */
  settled(token?: CancellationToken, onSlice?: (uris: readonly string[]) => void): Promise<void>;
  /**
   * Reports for `uris` (default: every workspace file) against the client's previous resultIds;
   * with `gone`, also an empty report for each previous file that is no longer a workspace file.
   */
  reports(previous: ReadonlyMap<string, string>, uris?: readonly string[], gone?: boolean): WorkspaceDocumentDiagnosticReport[];
  dispose(): void;
}

interface Result {
  readonly resultId: string;
  readonly items: Diagnostic[];
}

/** The diagnostics of a snapshot as published (computed once per snapshot); none when diagnostics are off. */
export function diagnosticsOf(ctx: ServerContext, snap: Snapshot): Diagnostic[] {
  if (!ctx.settings().diagnostics.enable) return [];
  return snap.memo('lsp-diagnostics', () => documentDiagnostics(snap));
}

/** A resultId that changes exactly when the diagnostics change. */
export function resultIdOf(items: readonly Diagnostic[]): string {
  return createHash('sha1').update(JSON.stringify(items)).digest('base64url').slice(0, 20);
}

export function createWorkspaceDiagnostics(ctx: ServerContext): WorkspaceDiagnostics {
  const results = new Map<string, Result>();
  /** Files waiting to be checked, in order. */
  let queue = new Set<string>();
  /** Push mode: the resultId last pushed for each closed file whose client-side list is not empty. */
  const pushed = new Map<string, string>();
  let started = false;
  /** The first pass after start() asks for no refresh: pulls made meanwhile were held until it ended. */
  let firstPass = true;
  let running = false;
  let disposed = false;
  /** Pull mode: something changed since the last pass, so the client is asked to pull again. */
  let changed = false;
  const waiters = new Set<{ done: () => void; onSlice?: (uris: readonly string[]) => void }>();

  const pulls = () => Boolean(ctx.client().textDocument?.diagnostic);
  const enabled = () => {
    const s = ctx.settings();
    return s.diagnostics.enable && s.diagnostics.workspace && s.indexWorkspace;
  };
  const idle = () => !enabled() || disposed || (started && !running && queue.size === 0 && !ctx.index.indexing());

  function push(uri: string, result: Result | undefined): void {
    if (pulls() || ctx.documents.isOpen(uri)) return;
    const items = result?.items ?? [];
    const last = pushed.get(uri);
    if (items.length === 0) {
      if (last === undefined) return;
      pushed.delete(uri);
    } else {
      if (last === result!.resultId) return;
      pushed.set(uri, result!.resultId);
    }
    void ctx.connection.sendDiagnostics({ uri, diagnostics: items });
  }

  function remove(uri: string): void {
    if (results.delete(uri)) changed = true;
    push(uri, undefined);
  }

  /** Checks one closed file from disk; never throws. */
  function check(uri: string): void {
    if (!ctx.index.has(uri)) return remove(uri);
    if (ctx.documents.isOpen(uri)) return; // reported from its buffer; re-checked when closed
    const path = uriToPath(uri);
    let result: Result;
    try {
      if (!path) return remove(uri);
      const read = readWorkspaceFileSync(path, ctx.workspaceFolders(), MAX_INDEXED_BYTES);
      if (read.error) return remove(uri);
      const snap = createSnapshot(uri, -1, read.text, ctx.projectFor(uri), path);
      const items = diagnosticsOf(ctx, snap);
      result = { resultId: resultIdOf(items), items };
    } catch (err) {
      ctx.log.warn(`workspace diagnostics: cannot check ${path ?? uri}: ${err instanceof Error ? err.message : String(err)}`);
      return remove(uri);
    }
    if (results.get(uri)?.resultId !== result.resultId) changed = true;
    results.set(uri, result);
    push(uri, result);
  }

  async function run(): Promise<void> {
    if (running) return;
    running = true;
    try {
      while (queue.size > 0 && !disposed && enabled()) {
        await new Promise((r) => setImmediate(r)); // requests for open documents go first
        if (queue.size === 0 || disposed || !enabled()) break;
        const deadline = performance.now() + SLICE_MS;
        const slice: string[] = [];
        for (const uri of queue) {
          queue.delete(uri);
          check(uri);
          slice.push(uri);
          if (performance.now() >= deadline) break;
        }
        for (const w of waiters) {
          try {
            w.onSlice?.(slice);
          } catch (err) {
            ctx.log.error('workspace diagnostics: reporting a slice failed', err);
          }
        }
      }
    } catch (err) {
      ctx.log.error('workspace diagnostics failed', err);
      queue.clear();
    } finally {
      running = false;
      settle();
    }
  }

  function settle(): void {
    if (!idle()) return;
    for (const w of waiters) w.done();
    waiters.clear();
    if (changed && started && !firstPass && pulls() && ctx.client().workspace?.diagnostics?.refreshSupport) {
      void ctx.connection.languages.diagnostics.refresh();
    }
    if (started) firstPass = false;
    changed = false;
  }

  function enqueue(uris: Iterable<string>): void {
    for (const uri of uris) queue.add(uri);
    void run();
  }

  function clearAll(): void {
    queue.clear();
    for (const uri of [...results.keys(), ...pushed.keys()]) remove(uri);
    settle();
  }

  return {
    enabled,
    start() {
      started = true;
      this.recheckAll();
    },
    recheckAll() {
      if (!started || ctx.index.indexing()) return; // start() follows the indexing run
      if (!enabled()) return clearAll();
      const uris = new Set(ctx.index.uris());
      for (const uri of [...results.keys(), ...pushed.keys()]) if (!uris.has(uri)) remove(uri);
      enqueue(uris);
      settle();
    },
    fileChanged(uri) {
      if (!started || ctx.index.indexing() || !enabled()) return;
      if (ctx.index.has(uri)) enqueue([uri]);
      else remove(uri);
    },
    documentClosed(uri) {
      if (!started || !enabled() || !ctx.index.has(uri)) return false;
      // The closed buffer's diagnostics may differ from the file's: force the next push.
      if (!pulls()) pushed.set(uri, '');
      results.delete(uri);
      queue = new Set([uri, ...queue]);
      void run();
      return true;
    },
    settled(token, onSlice) {
      if (idle() || token?.isCancellationRequested) return Promise.resolve();
      return new Promise((resolve) => {
        const waiter = { done: () => resolve(), onSlice };
        waiters.add(waiter);
        token?.onCancellationRequested(() => {
          waiters.delete(waiter);
          resolve();
        });
      });
    },
    reports(previous, uris, gone) {
      const out: WorkspaceDocumentDiagnosticReport[] = [];
      const on = enabled();
      const all = uris ?? (on ? ctx.index.uris() : []);
      for (const uri of all) {
        let version: number | null = null;
        let result: Result | undefined;
        const open = ctx.documents.isOpen(uri) ? ctx.documents.snapshot(uri) : undefined;
        if (open) {
          const items = diagnosticsOf(ctx, open);
          result = { resultId: resultIdOf(items), items };
          version = open.version;
        } else {
          result = results.get(uri);
        }
        if (!on || !result) continue;
        out.push(
          previous.get(uri) === result.resultId
            ? { kind: DocumentDiagnosticReportKind.Unchanged, uri, version, resultId: result.resultId }
            : { kind: DocumentDiagnosticReportKind.Full, uri, version, resultId: result.resultId, items: result.items },
        );
      }
      if (gone) {
        const known = new Set(all);
        for (const uri of previous.keys()) {
          if (known.has(uri) || ctx.documents.isOpen(uri)) continue;
          out.push({ kind: DocumentDiagnosticReportKind.Full, uri, version: null, items: [] });
        }
      }
      return out;
    },
    dispose() {
      disposed = true;
      queue.clear();
      for (const w of waiters) w.done();
      waiters.clear();
    },
  };
}

/** The client's previous resultIds by normalised URI. */
export function previousResultIds(list: ReadonlyArray<{ uri: string; value: string }> | undefined): Map<string, string> {
  const out = new Map<string, string>();
  for (const p of list ?? []) if (typeof p?.uri === 'string' && typeof p.value === 'string') out.set(normalizeUri(p.uri), p.value);
  return out;
}
