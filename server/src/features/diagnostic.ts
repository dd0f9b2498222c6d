// textDocument/diagnostic (pull): the same diagnostics the server pushes to clients that do not pull.
import { DocumentDiagnosticReportKind, type DocumentDiagnosticParams } from 'vscode-languageserver/node';
import { documentDiagnostics } from '../../../src/service/diagnostics';
import { defineFeature, needsDocument } from '../feature';

export const diagnosticFeature = defineFeature({
  method: 'textDocument/diagnostic',
  capabilities: () => ({
    diagnosticProvider: { identifier: 'luamod', interFileDependencies: false, workspaceDiagnostics: false },
  }),
  fallback: { kind: DocumentDiagnosticReportKind.Full, items: [] },
  validate: needsDocument,
  handle: (p: DocumentDiagnosticParams, ctx) => {
    const snap = ctx.snapshot(p.textDocument.uri);
    const items = snap && ctx.settings().diagnostics.enable ? documentDiagnostics(snap) : [];
    return { kind: DocumentDiagnosticReportKind.Full, items };
  },
});
