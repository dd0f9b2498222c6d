// workspace/diagnostic (pull): the diagnostics of every workspace file (workspace-diagnostics.ts).
// The capability (`workspaceDiagnostics: true`) is declared with textDocument/diagnostic in
// diagnostic.ts. The answer waits until the background pass has checked every file; with a
// partialResultToken the reports are streamed as $/progress while it runs (the response is then
// empty, as the protocol asks). Files the client already has (same resultId) are `unchanged`.
import { WorkspaceDiagnosticRequest, type WorkspaceDiagnosticParams, type WorkspaceDocumentDiagnosticReport } from 'vscode-languageserver/node';
import { defineFeature } from '../feature';
import { previousResultIds } from '../workspace-diagnostics';

export const workspaceDiagnosticFeature = defineFeature({
  method: 'workspace/diagnostic',
  fallback: { items: [] as WorkspaceDocumentDiagnosticReport[] },
  validate: (params: unknown) => {
    const p = params as { previousResultIds?: unknown } | null;
    if (typeof p !== 'object' || p === null) return 'params must be an object';
    return Array.isArray(p.previousResultIds) ? undefined : 'params.previousResultIds must be an array';
  },
  handle: async (p: WorkspaceDiagnosticParams, ctx, token) => {
    const wd = ctx.workspaceDiagnostics;
    const previous = previousResultIds(p.previousResultIds);
    const partial = p.partialResultToken;
    const sent = new Map<string, string | undefined>();
    const stream = (items: WorkspaceDocumentDiagnosticReport[]) => {
      if (partial === undefined || items.length === 0) return;
      for (const r of items) sent.set(r.uri, r.resultId);
      void ctx.connection.sendProgress(WorkspaceDiagnosticRequest.partialResult, partial, { items });
    };
    // While the pass runs, stream what changed for the client (unchanged files are left for the end).
    const onSlice = (uris: readonly string[]) => stream(wd.reports(previous, uris).filter((r) => r.kind === 'full'));
    await wd.settled(token, partial === undefined ? undefined : onSlice);
    const rest = wd.reports(previous, undefined, true).filter((r) => !sent.has(r.uri) || sent.get(r.uri) !== r.resultId);
    if (sent.size === 0) return { items: rest };
    stream(rest);
    return { items: [] };
  },
});
