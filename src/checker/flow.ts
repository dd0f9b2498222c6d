// Flow state for narrowing: the current type of each local (and of member paths such as `t.a.b`),
// the error-return pairs, and whether the point is reachable. Copied at branches (copy-on-write:
// a clone shares its maps until one side writes), merged after.
import type { Type } from '../types/type';
import type { LuaSymbol } from './binder';
import { unionOf } from './type-ops';

/**
 * Two locals set by one call whose nil-ness is linked: `local v, err = f()` where f returns
 * `(T?, Error?)` (exactly one is non-nil: roles value and error), or `local i, j = s:find(p)` where
 * a host function returns `(T?, U?)` (both nil or both set: role together).
 */
export interface Partner { readonly other: LuaSymbol; readonly role: 'value' | 'error' | 'together' | 'follows' }

const EMPTY_VARS: ReadonlyMap<LuaSymbol, Type> = new Map();
const EMPTY_PATHS: ReadonlyMap<string, Type> = new Map();
const EMPTY_PARTNERS: ReadonlyMap<LuaSymbol, Partner> = new Map();

export class Flow {
  dead = false;
  private varsMap: ReadonlyMap<LuaSymbol, Type> = EMPTY_VARS;
  /** Narrowed member paths: `<symbol id>.a.b` or `g:<global>.a`. */
  private pathsMap: ReadonlyMap<string, Type> = EMPTY_PATHS;
  private partnersMap: ReadonlyMap<LuaSymbol, Partner> = EMPTY_PARTNERS;
  /** Bit set: which maps this flow owns (may write without copying). 1 vars, 2 paths, 4 partners. */
  private owned = 0;

  get vars(): ReadonlyMap<LuaSymbol, Type> { return this.varsMap; }
  get paths(): ReadonlyMap<string, Type> { return this.pathsMap; }
  get partners(): ReadonlyMap<LuaSymbol, Partner> { return this.partnersMap; }

  setVar(sym: LuaSymbol, t: Type): void {
    if (!(this.owned & 1)) { this.varsMap = new Map(this.varsMap); this.owned |= 1; }
    (this.varsMap as Map<LuaSymbol, Type>).set(sym, t);
  }

  setPath(path: string, t: Type): void {
    if (!(this.owned & 2)) { this.pathsMap = new Map(this.pathsMap); this.owned |= 2; }
    (this.pathsMap as Map<string, Type>).set(path, t);
  }

  setPartner(sym: LuaSymbol, p: Partner | undefined): void {
    if (p === undefined && !this.partnersMap.has(sym)) return;
    if (!(this.owned & 4)) { this.partnersMap = new Map(this.partnersMap); this.owned |= 4; }
    if (p) (this.partnersMap as Map<LuaSymbol, Partner>).set(sym, p);
    else (this.partnersMap as Map<LuaSymbol, Partner>).delete(sym);
  }

  clone(): Flow {
    const f = new Flow();
    f.varsMap = this.varsMap;
    f.pathsMap = this.pathsMap;
    f.partnersMap = this.partnersMap;
    f.dead = this.dead;
    this.owned = 0;
    return f;
  }

  /** A local was assigned: its narrowings of member paths and its pairing no longer hold. */
  assigned(sym: LuaSymbol): void {
    if (this.pathsMap.size > 0) this.forgetPaths(`${sym.id}.`);
    const p = this.partnersMap.get(sym);
    if (p) { this.setPartner(sym, undefined); this.setPartner(p.other, undefined); }
    // Values paired with this one (a third value of the same call) are no longer.
    for (const [other, q] of this.partnersMap) if (q.other === sym) this.setPartner(other, undefined);
  }

  /** Forgets the narrowing of `path` and of every path below it (`path` ending in `.`: below only). */
  forgetPaths(prefix: string): void {
    if (this.pathsMap.size === 0) return;
    let found = false;
    for (const k of this.pathsMap.keys()) if (k.startsWith(prefix)) { found = true; break; }
    if (!found) return;
    if (!(this.owned & 2)) { this.pathsMap = new Map(this.pathsMap); this.owned |= 2; }
    for (const k of [...this.pathsMap.keys()]) if (k.startsWith(prefix)) (this.pathsMap as Map<string, Type>).delete(k);
  }

  /**
   * The join of several flows; dead ones are ignored (all dead gives a dead flow). A local missing
   * from one flow has its unnarrowed type there (`fallback`).
   */
  static merge(flows: readonly Flow[], fallback: (sym: LuaSymbol) => Type): Flow {
    if (flows.length === 2) {
      const [a, b] = flows as [Flow, Flow];
      if (a.dead !== b.dead) return (a.dead ? b : a).clone();
      if (!a.dead && a.varsMap === b.varsMap && a.pathsMap === b.pathsMap && a.partnersMap === b.partnersMap) return a.clone();
    }
    const live = flows.filter((f) => !f.dead);
    if (live.length === 0) {
      const f = flows[0]?.clone() ?? new Flow();
      f.dead = true;
      return f;
    }
    if (live.length === 1) return live[0]!.clone();
    const [first, ...rest] = live as [Flow, ...Flow[]];
    const out = new Flow();
    if (live.every((f) => f.varsMap === first.varsMap)) out.varsMap = first.varsMap;
    else {
      const syms = new Set<LuaSymbol>();
      for (const f of live) for (const sym of f.varsMap.keys()) syms.add(sym);
      for (const sym of syms) {
        let same = true;
        const base = first.varsMap.get(sym) ?? fallback(sym);
        const types = [base];
        for (const f of rest) {
          const o = f.varsMap.get(sym) ?? fallback(sym);
          if (o !== base) same = false;
          types.push(o);
        }
        out.setVar(sym, same ? base : unionOf(types));
      }
    }
    if (live.every((f) => f.pathsMap === first.pathsMap)) out.pathsMap = first.pathsMap;
    else {
      for (const [k, t] of first.pathsMap) {
        const types = [t];
        let all = true;
        for (const f of rest) {
          const o = f.pathsMap.get(k);
          if (o === undefined) { all = false; break; }
          types.push(o);
        }
        if (all) out.setPath(k, unionOf(types));
      }
    }
    if (live.every((f) => f.partnersMap === first.partnersMap)) out.partnersMap = first.partnersMap;
    else {
      for (const [sym, p] of first.partnersMap) {
        if (rest.every((f) => f.partnersMap.get(sym)?.other === p.other)) out.setPartner(sym, p);
      }
    }
    if (out.varsMap === first.varsMap || out.pathsMap === first.pathsMap || out.partnersMap === first.partnersMap) {
      // shared with the joined flows: none may write in place any more.
      for (const f of live) f.owned = 0;
      out.owned = (out.varsMap === first.varsMap ? 0 : 1) | (out.pathsMap === first.pathsMap ? 0 : 2) | (out.partnersMap === first.partnersMap ? 0 : 4);
    }
    return out;
  }
}
