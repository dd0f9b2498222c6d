// Reduced analyses: syntax only for a document too large to type-check while the user types (over
// LARGE_DOCUMENT_BYTES: outline, folding, locals, references and rename keep working), and an empty
// one with a single diagnostic for text the parser cannot cope with at all.
import type { ModuleExports } from '../checker/module-exports';
import type { Chunk } from 'luaparse';
import type { Analysis, CheckDiagnostic, CheckerSettings, SymbolInfo, VisibleName } from '../checker/analyze';
import { fileTooLargeDiagnostic } from '../checker/file-too-large';
import { bind } from '../checker/binder';
import type { CheckerEnvironment } from '../checker/environment';
import { formatMessage } from '../checker/messages';
import { findNodeAt } from '../checker/node-at';
import { parseLua, type ParseOptions } from '../checker/parse';
import { LineIndex } from '../checker/positions';
import type { Type } from '../types/type';

/** Documents larger than this (in UTF-16 code units) get the syntax-only analysis. */
export const LARGE_DOCUMENT_BYTES = 2 * 1024 * 1024;

const ANY: Type = { kind: 'any' };

/** Parses and binds `text`; reports syntax errors only. */
export function syntaxOnlyAnalysis(text: string, env: CheckerEnvironment, version?: ParseOptions['version']): Analysis {
  const lines = new LineIndex(text);
  // Two repairs at most: each is a full parse (24 of a 4 MB text took 20 s).
  const parse = parseLua(text, { version, maxRepairs: 2 });
  const binding = bind(parse.chunk);
  const diagnostics: CheckDiagnostic[] = parse.syntaxErrors.map((e) => {
    const args = { message: e.message };
    return { code: 'syntax-error', severity: 'error', range: lines.rangeOf(e.start, e.end), start: e.start, end: e.end, message: formatMessage('syntax-error', args), args };
  });
  let symbols: SymbolInfo[] | undefined;
  const symbolInfos = (): SymbolInfo[] => (symbols ??= binding.symbols.map((s) => ({
    name: s.name, kind: s.kind,
    range: lines.rangeOf(s.decl.range[0], s.decl.range[1]),
    selectionRange: lines.rangeOf(s.decl.range[0], s.decl.range[1]),
    type: s.declaredType ?? ANY,
    references: [...s.reads, ...s.writes].map((r) => lines.rangeOf(r.range[0], r.range[1])),
    scope: { start: s.scope.start, end: s.scope.end },
    symbol: s,
  })));
  const visible = (offset: number): VisibleName[] => {
    const out: VisibleName[] = [];
    const seen = new Set<string>();
    for (const scope of binding.scopes.filter((s) => s.start <= offset && offset <= s.end).sort((a, b) => b.start - a.start)) {
      for (let i = scope.symbols.length - 1; i >= 0; i--) {
        const s = scope.symbols[i]!;
        if (s.visibleFrom > offset || seen.has(s.name) || s.kind === 'label') continue;
        seen.add(s.name);
        out.push({ name: s.name, kind: s.kind, type: ANY, symbol: s });
      }
    }
    for (const [name, f] of env.globals()) if (!seen.has(name)) { seen.add(name); out.push({ name, kind: 'global', type: f.type, field: f }); }
    return out;
  };
  return {
    text, lines, parse, diagnostics, workflow: false, moduleBindings: [],
    get symbols() { return symbolInfos(); },
    typeAt: () => undefined,
    nodeAt: (offset) => findNodeAt(parse.chunk, offset),
    symbolAt(offset) {
      const node = findNodeAt(parse.chunk, offset);
      if (node?.type !== 'Identifier') return undefined;
      const s = binding.declared.get(node) ?? binding.resolved.get(node);
      return s && symbolInfos()[s.id];
    },
    scopeAt: visible,
    memberOwnerAt: () => undefined,
    membersOf: () => [],
    nameType: () => undefined,
    resolveType: () => undefined,
    overloadsOf: () => [],
    exports: NO_EXPORTS,
  };
}

/** What a file the checker did not type-check gives its project: any, nothing declared. */
const NO_EXPORTS: ModuleExports = { type: ANY, members: new Map(), types: new Map(), globals: new Map(), tables: new Map() };

/**
 * The analysis of a document over `maxFileSize`: nothing parsed (a parse would cost 35-70 bytes of
 * memory per source byte), one `file-too-large` diagnostic (when not turned off).
 */
export function tooLargeAnalysis(text: string, size: number, limit: number, settings: CheckerSettings): Analysis {
  const d = fileTooLargeDiagnostic(size, limit, settings);
  return { ...emptyAnalysis(text), diagnostics: d ? [d] : [] };
}

/**
 * The analysis of a text the checker failed on (it should never throw; this keeps the editor
 * working if it does): an empty tree and one `syntax-error` at the start naming the failure.
 */
export function failedAnalysis(text: string, error: unknown): Analysis {
  const empty = emptyAnalysis(text);
  const lines = empty.lines;
  const message = `luamod could not analyze this document: ${error instanceof Error ? error.message : String(error)}`;
  const args = { message };
  const end = Math.min(text.length, lines.lineEnd(0));
  return {
    ...empty,
    diagnostics: [{ code: 'syntax-error', severity: 'error', range: lines.rangeOf(0, end), start: 0, end, message: formatMessage('syntax-error', args), args }],
  };
}

/** An analysis with an empty tree and no diagnostics. */
function emptyAnalysis(text: string): Analysis {
  const lines = new LineIndex(text);
  const chunk: Chunk = { type: 'Chunk', body: [], comments: [], range: [0, text.length] };
  return {
    text, lines, workflow: false, moduleBindings: [], symbols: [],
    parse: { chunk, syntaxErrors: [], comments: [], repaired: true, attributes: [] },
    diagnostics: [],
    typeAt: () => undefined,
    nodeAt: () => undefined,
    symbolAt: () => undefined,
    scopeAt: () => [],
    memberOwnerAt: () => undefined,
    membersOf: () => [],
    nameType: () => undefined,
    resolveType: () => undefined,
    overloadsOf: () => [],
    exports: NO_EXPORTS,
  };
}
