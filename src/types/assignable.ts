// isAssignable: may a value of type `from` be used where `to` is expected? Structural for records
// and interfaces (interfaces of the same name always match), refs resolved lazily with a cycle guard.
import { ErrorInterface, ERROR_TYPE_NAME } from './error-type';
import { hasOwn } from './own-props';
import { typeToString } from './print';
import type { Field, FunctionType, InterfaceType, RecordType, Type, TypeResolver } from './type';

const NIL: Type = { kind: 'nil' };
const UNKNOWN: Type = { kind: 'unknown' };

/**
 * True when a `from` value fits a `to` slot. `any` fits both ways, `unknown` accepts everything,
 * `never` fits everywhere; `integer` fits `number`; literals fit their primitive; functions are
 * contravariant in parameters and covariant in returns; type parameters and `self` act as `any`.
 * Unresolvable names only match themselves. `Error` resolves to ErrorInterface when `resolver` does not know it.
 */
export function isAssignable(from: Type, to: Type, resolver?: TypeResolver, options: AssignOptions = {}): boolean {
  return new Checker(resolver, options.integers !== false).check(from, to);
}

export interface AssignOptions {
  /** Whether `integer` is a subtype of `number` (Lua 5.3, 5.4: the default). When false (Lua 5.1,
   * 5.2, LuaJIT have one number type), any number fits where an integer is expected. */
  readonly integers?: boolean;
}

class Checker {
  /** Ref pairs being compared: a pair met again is assumed to hold (recursive types). */
  private readonly assumed = new Set<string>();

  constructor(private readonly resolver?: TypeResolver, private readonly integers = true) {}

  check(from: Type, to: Type): boolean {
    if (from === to) return true;
    if (to.kind === 'any' || to.kind === 'unknown' || from.kind === 'any' || from.kind === 'never') return true;
    if (isWild(from) || isWild(to)) return true;
    if (from.kind === 'unknown' || to.kind === 'never') return false;

    if (from.kind === 'union') return from.types.every((m) => this.check(m, to));
    if (from.kind === 'optional') return this.check(NIL, to) && this.check(from.type, to);
    if (to.kind === 'intersection') return to.types.every((m) => this.check(from, m));
    if (from.kind === 'ref' && to.kind === 'ref' && from.name === to.name) return true;
    if (this.resolvable(from) || this.resolvable(to)) return this.checkRefs(from, to);
    if (to.kind === 'optional') return from.kind === 'nil' || this.check(from, to.type);
    if (to.kind === 'union') return to.types.some((m) => this.check(from, m)) || this.checkUnionAsWhole(from, to);
    if (from.kind === 'intersection') return from.types.some((m) => this.check(m, to)) || this.checkMerged(from, to);
    if (from.kind === 'ref' || to.kind === 'ref') return false;

    if (to.kind === 'tuple' || from.kind === 'tuple') return this.checkTuple(from, to);
    return this.checkStructural(from, to);
  }

  private resolvable(t: Type): boolean {
    return t.kind === 'ref' && this.resolve(t.name) !== undefined;
  }

  /** Compares after resolving the ref side(s); a pair met again on the way is assumed to hold. */
  private checkRefs(from: Type, to: Type): boolean {
    const key = `${typeToString(from)}\u0000${typeToString(to)}`;
    if (this.assumed.has(key)) return true;
    const f = from.kind === 'ref' ? this.resolve(from.name) ?? from : from;
    const t = to.kind === 'ref' ? this.resolve(to.name) ?? to : to;
    this.assumed.add(key);
    try {
      return this.check(f, t);
    } finally {
      this.assumed.delete(key);
    }
  }

  private resolve(name: string): Type | undefined {
    return this.resolver?.resolve(name) ?? (name === ERROR_TYPE_NAME ? ErrorInterface : undefined);
  }

  /** `boolean` fits `true | false`; `number` fits `integer | number`-like splits. */
  private checkUnionAsWhole(from: Type, to: Type & { kind: 'union' }): boolean {
    if (from.kind === 'boolean') {
      return this.check({ kind: 'literal', value: true }, to) && this.check({ kind: 'literal', value: false }, to);
    }
    return false;
  }

  /** An intersection of records/interfaces fits when the merged members do. */
  private checkMerged(from: Type & { kind: 'intersection' }, to: Type): boolean {
    if (to.kind !== 'record' && to.kind !== 'interface') return false;
    const fields: Record<string, Field> = {};
    let open = false;
    for (const m of from.types) {
      const r = m.kind === 'ref' ? this.resolve(m.name) : m;
      const members = r && memberMap(r);
      if (!members) return false;
      open ||= r.kind !== 'record' || r.open === true;
      Object.assign(fields, members);
    }
    return this.checkStructural({ kind: 'record', fields, open }, to);
  }

  private checkTuple(from: Type, to: Type): boolean {
    const fs = from.kind === 'tuple' ? from.elements : [from];
    const ts = to.kind === 'tuple' ? to.elements : [to];
    return ts.every((t, i) => this.check(fs[i] ?? NIL, t));
  }

  private checkStructural(from: Type, to: Type): boolean {
    switch (to.kind) {
      case 'nil':
        return from.kind === 'nil';
      case 'boolean':
        return from.kind === 'boolean' || (from.kind === 'literal' && typeof from.value === 'boolean');
      case 'string':
        return from.kind === 'string' || (from.kind === 'literal' && typeof from.value === 'string');
      case 'number':
        return from.kind === 'number' || from.kind === 'integer' || (from.kind === 'literal' && typeof from.value === 'number');
      case 'integer':
        if (!this.integers) return from.kind === 'number' || from.kind === 'integer' || (from.kind === 'literal' && typeof from.value === 'number');
        return from.kind === 'integer' || (from.kind === 'literal' && globalThis.Number.isInteger(from.value));
      case 'literal':
        return from.kind === 'literal' && from.value === to.value;
      case 'function':
        return from.kind === 'function' && this.checkFunction(from, to);
      case 'array':
        if (from.kind === 'array') return this.check(from.element, to.element);
        if (from.kind === 'map') return this.check(from.key, { kind: 'integer' }) && this.check(from.value, to.element);
        if (from.kind === 'record') return emptyClosed(from) || (!!from.indexer && Object.keys(from.fields).length === 0 && !from.open &&
          this.check(from.indexer.key, { kind: 'integer' }) && this.check(from.indexer.value, to.element));
        return false;
      case 'map':
        return this.checkToMap(from, to.key, to.value);
      case 'record':
        return this.checkToRecord(from, to);
      case 'interface':
        if (from.kind === 'interface' && from.name === to.name) return true;
        if (from.kind !== 'interface' && from.kind !== 'record') return false;
        return this.checkMembers(memberMap(from)!, false, memberMap(to)!);
      default:
        return false;
    }
  }

  private checkToMap(from: Type, key: Type, value: Type): boolean {
    if (from.kind === 'map') return this.check(from.key, key) && this.check(from.value, value);
    if (from.kind === 'array') return this.check({ kind: 'integer' }, key) && this.check(from.element, value);
    if (from.kind !== 'record') return false;
    if (from.open && !(this.check(UNKNOWN, value) && this.check({ kind: 'string' }, key))) return false;
    if (from.indexer && !(this.check(from.indexer.key, key) && this.check(from.indexer.value, value))) return false;
    return Object.entries(from.fields).every(([name, f]) =>
      this.check({ kind: 'literal', value: name }, key) && this.check(fieldType(f), value));
  }

  private checkToRecord(from: Type, to: RecordType): boolean {
    if (from.kind === 'record' || from.kind === 'interface') {
      const members = memberMap(from)!;
      if (!this.checkMembers(members, from.kind === 'record' ? from.open === true : false, to.fields)) return false;
      if (!to.open) {
        if (from.kind === 'record' && from.open && !to.indexer) return false;
        for (const [name, f] of Object.entries(members)) {
          if (hasOwn(to.fields, name)) continue;
          if (!to.indexer) return false;
          if (!this.check({ kind: 'literal', value: name }, to.indexer.key) || !this.check(fieldType(f), to.indexer.value)) return false;
        }
      }
      if (to.indexer && from.kind === 'record' && from.indexer) {
        return this.check(from.indexer.key, to.indexer.key) && this.check(from.indexer.value, to.indexer.value);
      }
      return true;
    }
    if (from.kind === 'map' || from.kind === 'array') {
      const key = from.kind === 'map' ? from.key : { kind: 'integer' } as Type;
      const value = from.kind === 'map' ? from.value : from.element;
      if (Object.values(to.fields).some((f) => !f.optional)) return false;
      if (!Object.values(to.fields).every((f) => this.check(value, fieldType(f)))) return false;
      if (to.indexer) return this.check(key, to.indexer.key) && this.check(value, to.indexer.value);
      return to.open === true;
    }
    return false;
  }

  /** Every member `to` requires is present in `from` with a fitting type. */
  private checkMembers(from: Readonly<Record<string, Field>>, fromOpen: boolean, to: Readonly<Record<string, Field>>): boolean {
    for (const [name, t] of Object.entries(to)) {
      const f = hasOwn(from, name) ? from[name] : undefined;
      if (!f) {
        if (t.optional || fromOpen) continue;
        return false;
      }
      if (f.optional && !t.optional && !this.check(NIL, t.type)) return false;
      if (!this.check(f.type, fieldType(t))) return false;
    }
    return true;
  }

  private checkFunction(from: FunctionType, to: FunctionType): boolean {
    const count = Math.max(from.params.length, to.params.length);
    for (let i = 0; i < count; i++) {
      const fp = from.params[i];
      const tp = to.params[i];
      const accepts = fp ? paramType(fp) : from.variadic;
      if (!tp) {
        // The caller of `to` may stop here: `from` must not need this parameter, unless `to` is variadic.
        if (!fp) break;
        if (to.variadic && !this.check(to.variadic, paramType(fp))) return false;
        if (!to.variadic && !this.check(NIL, paramType(fp))) return false;
        continue;
      }
      if (accepts && !this.check(paramType(tp), accepts)) return false;
    }
    if (to.variadic && from.variadic && !this.check(to.variadic, from.variadic)) return false;
    for (let i = 0; i < to.returns.length; i++) {
      const r = from.returns[i] ?? from.variadicReturn ?? NIL;
      if (!this.check(r, to.returns[i]!)) return false;
    }
    if (to.variadicReturn) {
      const extra = from.returns.slice(to.returns.length);
      if (!extra.every((r) => this.check(r, to.variadicReturn!))) return false;
      if (from.variadicReturn && !this.check(from.variadicReturn, to.variadicReturn)) return false;
    }
    return true;
  }
}

/** Type parameters and `self` are checked as `any`. */
function isWild(t: Type): boolean {
  return t.kind === 'typeparam' || t.kind === 'self';
}

function emptyClosed(r: RecordType): boolean {
  return !r.open && !r.indexer && Object.keys(r.fields).length === 0;
}

function memberMap(t: Type): Readonly<Record<string, Field>> | undefined {
  if (t.kind === 'record') return t.fields;
  if (t.kind === 'interface') return interfaceMembers(t);
  return undefined;
}

function interfaceMembers(t: InterfaceType): Record<string, Field> {
  return { ...t.fields, ...t.methods };
}

/** A field's type as seen by a reader: optional fields may be nil. */
function fieldType(f: Field): Type {
  return f.optional ? { kind: 'optional', type: f.type } : f.type;
}

function paramType(p: { type: Type; optional?: boolean }): Type {
  return p.optional ? { kind: 'optional', type: p.type } : p.type;
}
