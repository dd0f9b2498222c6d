// Find references: every occurrence of the local, field, global or module member at the cursor in
// the document, and the uses of a user global in other files' texts. Pure.
import type { Location, Position } from 'vscode-languageserver-types';
import { bind } from '../checker/binder';
import { parseLua } from '../checker/parse';
import { LineIndex } from '../checker/positions';
import { walk } from './ast';
import { occurrences } from './occurrences';
import type { Snapshot } from './snapshot';
import { targetAt } from './target';

/** References of the symbol at `pos`; the declaration is included when asked. */
export function references(snap: Snapshot, pos: Position, includeDeclaration: boolean): Location[] {
  const t = targetAt(snap, snap.offsetAt(pos));
  if (!t) return [];
  const all = occurrences(snap, t);
  const declStart = t.kind === 'local' ? t.symbol.symbol.decl.range[0] : undefined;
  return all
    .filter((o) => includeDeclaration || o.start !== declStart)
    .map((o) => ({ uri: snap.uri, range: snap.rangeOf(o.start, o.end) }));
}

/** The name of the user global at `pos` (not a module, not a standard-library global), if any. */
export function globalNameAt(snap: Snapshot, pos: Position): string | undefined {
  const t = targetAt(snap, snap.offsetAt(pos));
  if (t?.kind !== 'global' || t.module || snap.project.registry.globals().has(t.name)) return undefined;
  return t.name;
}

/**
 * Uses of global `name` in another file's text (parse and name resolution only, no type check):
 * identifiers that no local of that file shadows.
 */
export function globalReferencesIn(uri: string, text: string, name: string): Location[] {
  if (!text.includes(name)) return [];
  const parsed = parseLua(text);
  const binding = bind(parsed.chunk);
  const lines = new LineIndex(text);
  const out: Location[] = [];
  walk(parsed.chunk, (n, parent) => {
    if (n.type !== 'Identifier' || n.name !== name) return;
    if (parent?.type === 'MemberExpression' && parent.identifier === n) return;
    if (parent?.type === 'TableKeyString' && parent.key === n) return;
    if (binding.resolved.has(n) || binding.declared.has(n)) return;
    out.push({ uri, range: lines.rangeOf(n.range[0], n.range[1]) });
  });
  return out;
}
