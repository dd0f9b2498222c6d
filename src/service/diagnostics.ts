// The checker's diagnostics as the editor shows them: LSP severity, `code` with a `codeDescription`
// link to docs/diagnostics.md#<code>, and tags (unnecessary, deprecated). Pure.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { DiagnosticSeverity, DiagnosticTag, type Diagnostic } from 'vscode-languageserver-types';
import type { Snapshot } from './snapshot';
import { pathToUri } from './uri';

/** Public home of the diagnostics reference, used when the docs are not shipped next to the code. */
export const DOCS_BASE_URL = 'https://github.com/luamod/luamod/blob/main/docs/diagnostics.md';

const SEVERITY: Record<string, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

const UNNECESSARY = new Set(['unused-local', 'unreachable-code']);

/** The diagnostics of a snapshot, ready to publish. */
export function documentDiagnostics(snap: Snapshot): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const d of snap.analysis.diagnostics) {
    const level = d.severity; // editor overrides are merged into the project's checker settings
    const tags: DiagnosticTag[] = [];
    if (UNNECESSARY.has(d.code) || d.tags?.includes('unnecessary')) tags.push(DiagnosticTag.Unnecessary);
    if (d.code === 'deprecated' || d.tags?.includes('deprecated')) tags.push(DiagnosticTag.Deprecated);
    const diag: Diagnostic = {
      range: d.range,
      severity: SEVERITY[level] ?? DiagnosticSeverity.Warning,
      code: d.code,
      codeDescription: { href: docsLink(d.code) },
      source: 'luamod',
      message: d.message,
    };
    if (tags.length) diag.tags = tags;
    if (d.data !== undefined || d.args !== undefined) diag.data = { ...(d.args ? { args: d.args } : {}), ...(d.data !== undefined ? { data: d.data } : {}) };
    out.push(diag);
  }
  return out;
}

/** Where the docs live: the local copy when they ship with the server, else the public page. */
const DOCS_BASE = ((): string => {
  const candidates = [resolve(__dirname, '../docs/diagnostics.md'), resolve(__dirname, '../../docs/diagnostics.md')];
  const local = candidates.find((p) => existsSync(p));
  return local ? pathToUri(local) : DOCS_BASE_URL;
})();

/** The documentation link of a diagnostic code: `docs/diagnostics.md#<code>`. */
export function docsLink(code: string): string {
  return `${DOCS_BASE}#${code}`;
}
