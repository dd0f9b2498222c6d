// Identifier → symbol for a whole snapshot, built once from the analysis (declarations, reads,
// writes), so that features walking every identifier avoid a tree search per name.
import type { Identifier } from 'luaparse';
import type { LuaSymbol } from '../checker/binder';
import type { Snapshot } from './snapshot';

/** The symbol each identifier of the document declares or references. */
export function identifierSymbols(snap: Snapshot): ReadonlyMap<Identifier, LuaSymbol> {
  return snap.memo('identifierSymbols', () => {
    const map = new Map<Identifier, LuaSymbol>();
    for (const info of snap.analysis.symbols) {
      const s = info.symbol;
      map.set(s.decl, s);
      for (const r of s.reads) map.set(r, s);
      for (const w of s.writes) map.set(w, s);
    }
    return map;
  });
}
