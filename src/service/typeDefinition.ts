// Go to type definition: the manifest entry of the named type (`time.Time`, a module's export
// record) of the value under the cursor. Pure.
import type { Location, Position } from 'vscode-languageserver-types';
import type { Type } from '../types/type';
import { typeLocation } from './definition';
import type { Snapshot } from './snapshot';
import { targetAt, typeName } from './target';

/** Where the type of the value at `pos` is declared; empty for unnamed or built-in types. */
export function typeDefinition(snap: Snapshot, pos: Position): Location[] {
  const offset = snap.offsetAt(pos);
  const t = targetAt(snap, offset);
  if (!t) return [];
  const type: Type | undefined =
    t.kind === 'member' ? (t.field?.type ?? snap.analysis.typeAt(t.node.range[1])) :
    t.kind === 'local' ? (snap.analysis.typeAt(t.node.range[1]) ?? t.symbol.type) :
    t.kind === 'global' ? t.type :
    undefined;
  const out: Location[] = [];
  for (const name of namedTypes(type)) {
    const l = typeLocation(snap, name);
    if (l && !out.some((o) => o.uri === l.uri && o.range.start.line === l.range.start.line)) out.push(l);
  }
  return out;
}

/** Names of the named types in `t` (through optionals, unions and function returns). */
function namedTypes(t: Type | undefined): string[] {
  if (!t) return [];
  switch (t.kind) {
    case 'optional': return namedTypes(t.type);
    case 'union': return t.types.flatMap(namedTypes);
    case 'function': return t.returns.flatMap(namedTypes);
    case 'array': return namedTypes(t.element);
    default: {
      const n = typeName(t);
      return n ? [n] : [];
    }
  }
}
