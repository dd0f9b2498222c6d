// Push diagnostics: debounced per document (settings.diagnostics.debounceMs, 100 ms by default) and
// published only for the version they were computed on. Clients that pull (textDocument/diagnostic)
// get no pushes; they are asked to refresh when configuration changes. Closed workspace files are
// workspace-diagnostics.ts's business.
import type { ServerContext } from './context';
import { diagnosticsOf } from './workspace-diagnostics';

export interface DiagnosticsScheduler {
  /** (Re)starts the debounce timer of one document. */
  schedule(uri: string): void;
  /** Re-checks every open document (configuration or manifests changed). */
  refreshAll(): void;
  /** Forgets a closed document; clears its diagnostics unless `keep` (workspace diagnostics take over). */
  clear(uri: string, keep?: boolean): void;
  dispose(): void;
}

export function createDiagnosticsScheduler(ctx: ServerContext): DiagnosticsScheduler {
  const timers = new Map<string, NodeJS.Timeout>();
  const pulls = () => Boolean(ctx.client().textDocument?.diagnostic);

  function publish(uri: string): void {
    timers.delete(uri);
    try {
      const snap = ctx.documents.snapshot(uri);
      if (!snap) return;
      const diagnostics = diagnosticsOf(ctx, snap);
      // A newer edit may have arrived while checking: only publish for the current version.
      if (ctx.documents.snapshot(uri)?.version !== snap.version) return;
      void ctx.connection.sendDiagnostics({ uri, version: snap.version, diagnostics });
    } catch (err) {
      ctx.log.error(`diagnostics for ${uri} failed`, err);
    }
  }

  return {
    schedule(uri) {
      if (pulls()) return;
      const old = timers.get(uri);
      if (old) clearTimeout(old);
      timers.set(uri, setTimeout(() => publish(uri), ctx.settings().diagnostics.debounceMs));
    },
    refreshAll() {
      if (pulls()) {
        if (ctx.client().workspace?.diagnostics?.refreshSupport) void ctx.connection.languages.diagnostics.refresh();
        return;
      }
      for (const uri of ctx.documents.openUris()) this.schedule(uri);
    },
    clear(uri, keep) {
      const old = timers.get(uri);
      if (old) clearTimeout(old);
      timers.delete(uri);
      if (!pulls() && !keep) void ctx.connection.sendDiagnostics({ uri, diagnostics: [] });
    },
    dispose() {
      for (const t of timers.values()) clearTimeout(t);
      timers.clear();
    },
  };
}
