// Workspace symbols: the outline of every indexed file (flattened, kept small: no trees) plus the
// modules, types and members declared by the project's manifests. Fuzzy, case-insensitive match.
import { SymbolKind, type DocumentSymbol, type Range, type WorkspaceSymbol } from 'vscode-languageserver-types';
import { exportedMembers } from '../checker/module-exports';
import { documentSymbol } from './documentSymbol';
import { manifestSymbols } from './manifest-symbols';
import type { Project } from './project';
import type { Snapshot } from './snapshot';

/** One symbol of one file, as the workspace index keeps it. */
export interface IndexEntry {
  readonly name: string;
  readonly kind: SymbolKind;
  readonly containerName?: string;
  readonly uri: string;
  readonly range: Range;
  /** A top-level global (visible from other files), as opposed to a local or a nested symbol. */
  readonly global?: boolean;
}

const MAX_RESULTS = 500;

/** The flattened symbols of a snapshot, for the workspace index. */
export function indexEntries(snap: Snapshot): IndexEntry[] {
  const out: IndexEntry[] = [];
  const visit = (syms: readonly DocumentSymbol[], container: string | undefined) => {
    for (const s of syms) {
      // Only the few characters `local function ` can take: per symbol, not per line (minified code).
      const at = snap.offsetAt(s.selectionRange.start);
      const before = snap.text.slice(Math.max(snap.lines.lineStarts[s.selectionRange.start.line]!, at - 64), at);
      const global = container === undefined && !/\blocal\s+(function\s+)?$/.test(before);
      out.push({ name: s.name, kind: s.kind, containerName: container, uri: snap.uri, range: s.selectionRange, ...(global ? { global } : {}) });
      if (s.children) visit(s.children, s.name);
    }
  };
  visit(documentSymbol(snap), undefined);
  // A project module's members under their dotted name as its dependents write them (`util.add`).
  const module = snap.path ? snap.project.workspace?.moduleNameOf(snap.path) : undefined;
  if (module) {
    for (const [name, m] of exportedMembers(snap.syntax.chunk)) {
      const kind = m.value?.type === 'FunctionDeclaration' ? SymbolKind.Function : SymbolKind.Field;
      out.push({ name: `${module}.${name}`, kind, containerName: module, uri: snap.uri, range: snap.rangeOf(m.name.range[0], m.name.range[1]) });
    }
  }
  return out;
}

/**
 * Symbols matching `query`: open documents (fresh), then the index (other files), then manifest
 * modules/types/members of `project`.
 */
export function workspaceSymbol(
  query: string,
  indexed: Iterable<IndexEntry>,
  open: readonly Snapshot[],
  project: Project,
): WorkspaceSymbol[] {
  const out: WorkspaceSymbol[] = [];
  const seenUris = new Set(open.map((s) => s.uri));
  const push = (e: IndexEntry | WorkspaceSymbol) => {
    if (out.length >= MAX_RESULTS || !matches(query, e.name)) return;
    out.push('uri' in e ? { name: e.name, kind: e.kind, containerName: e.containerName, location: { uri: e.uri, range: e.range } } : e);
  };
  for (const snap of open) for (const e of indexEntries(snap)) push(e);
  for (const e of indexed) if (!seenUris.has(e.uri)) push(e);
  for (const s of manifestSymbols(project)) push(s);
  return out;
}

/** True when every character of `query` occurs in `name` in order (case-insensitive). */
export function matches(query: string, name: string): boolean {
  if (!query) return true;
  const q = query.toLowerCase();
  const n = name.toLowerCase();
  let j = 0;
  for (let i = 0; i < n.length && j < q.length; i++) if (n[i] === q[j]) j++;
  return j === q.length;
}
