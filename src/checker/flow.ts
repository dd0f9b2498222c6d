// Flow state for narrowing: the current type of each local (and of member paths such as `t.a.b`),
// the error-return pairs, and whether the point is reachable. Copied at branches, merged after.
import type { Type } from '../types/type';
import type { LuaSymbol } from './binder';
import { unionOf } from './type-ops';

/** `local v, err = f()` where f returns `(T?, Error?)`: exactly one of the two is non-nil. */
export interface Partner { readonly other: LuaSymbol; readonly role: 'value' | 'error' }

export class Flow {
  dead = false;

  constructor(
    readonly vars: Map<LuaSymbol, Type> = new Map(),
    /** Narrowed member paths: `<symbol id>.a.b` or `g:<global>.a`. */
    readonly paths: Map<string, Type> = new Map(),
    readonly partners: Map<LuaSymbol, Partner> = new Map(),
  ) {}

  clone(): Flow {
    const f = new Flow(new Map(this.vars), new Map(this.paths), new Map(this.partners));
    f.dead = this.dead;
    return f;
  }

  /** A local was assigned: its narrowings of member paths and its pairing no longer hold. */
  assigned(sym: LuaSymbol): void {
    this.forgetPaths(`${sym.id}.`);
    const p = this.partners.get(sym);
    if (p) { this.partners.delete(sym); this.partners.delete(p.other); }
  }

  forgetPaths(prefix: string): void {
    if (this.paths.size === 0) return;
    for (const k of this.paths.keys()) if (k.startsWith(prefix)) this.paths.delete(k);
  }

  /** The join of several flows; dead ones are ignored (all dead gives a dead flow). */
  static merge(flows: readonly Flow[]): Flow {
    const live = flows.filter((f) => !f.dead);
    if (live.length === 0) {
      const f = flows[0]?.clone() ?? new Flow();
      f.dead = true;
      return f;
    }
    if (live.length === 1) return live[0]!.clone();
    const [first, ...rest] = live as [Flow, ...Flow[]];
    const out = new Flow();
    for (const [sym, t] of first.vars) {
      const types = [t];
      let all = true;
      for (const f of rest) {
        const o = f.vars.get(sym);
        if (o === undefined) { all = false; break; }
        types.push(o);
      }
      if (all) out.vars.set(sym, types.every((x) => x === t) ? t : unionOf(types));
    }
    for (const [k, t] of first.paths) {
      const types = [t];
      let all = true;
      for (const f of rest) {
        const o = f.paths.get(k);
        if (o === undefined) { all = false; break; }
        types.push(o);
      }
      if (all) out.paths.set(k, unionOf(types));
    }
    for (const [sym, p] of first.partners) {
      if (rest.every((f) => f.partners.get(sym)?.other === p.other)) out.partners.set(sym, p);
    }
    return out;
  }
}
