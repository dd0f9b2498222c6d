// workspace/symbol: symbols of every indexed file plus the manifests' modules, types and members.
import type { WorkspaceSymbolParams } from 'vscode-languageserver/node';
import { workspaceSymbol } from '../../../src/service/workspaceSymbol';
import { defineFeature } from '../feature';

export const workspaceSymbolFeature = defineFeature({
  method: 'workspace/symbol',
  capabilities: () => ({ workspaceSymbolProvider: true }),
  fallback: [],
  validate: (p) => (typeof (p as { query?: unknown } | null)?.query === 'string' ? undefined : 'params.query must be a string'),
  handle: (p: WorkspaceSymbolParams, ctx) => {
    const open = ctx.documents.openUris().map((u) => ctx.documents.snapshot(u)).filter((s) => s !== undefined);
    return workspaceSymbol(p.query, ctx.index.entries(), open, ctx.projectFor(ctx.documents.openUris()[0] ?? 'untitled:workspace'));
  },
});
