// textDocument/diagnostic (pull): the same diagnostics the server pushes to clients that do not pull,
// with a resultId (a hash of the diagnostics): a client that already has them gets `unchanged`.
// The capability also announces workspace/diagnostic (workspaceDiagnostic.ts).
import { DocumentDiagnosticReportKind, type DocumentDiagnosticParams, type DocumentDiagnosticReport } from 'vscode-languageserver/node';
import { defineFeature, needsDocument } from '../feature';
import { diagnosticsOf, resultIdOf } from '../workspace-diagnostics';

export const diagnosticFeature = defineFeature({
  method: 'textDocument/diagnostic',
  capabilities: () => ({
    diagnosticProvider: { identifier: 'luamod', interFileDependencies: false, workspaceDiagnostics: true },
  }),
  fallback: { kind: DocumentDiagnosticReportKind.Full, items: [] } as DocumentDiagnosticReport,
  validate: needsDocument,
  handle: (p: DocumentDiagnosticParams, ctx): DocumentDiagnosticReport | undefined => {
    const snap = ctx.snapshot(p.textDocument.uri);
    if (!snap) return undefined; // unknown document: the fallback (no diagnostics)
    const items = diagnosticsOf(ctx, snap);
    const resultId = resultIdOf(items);
    return p.previousResultId === resultId
      ? { kind: DocumentDiagnosticReportKind.Unchanged, resultId }
      : { kind: DocumentDiagnosticReportKind.Full, resultId, items };
  },
});
