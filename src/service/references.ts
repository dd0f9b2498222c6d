// Find references: every occurrence of the local, field, global or module member at the cursor in
// the document. Pure.
import type { Location, Position } from 'vscode-languageserver-types';
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
