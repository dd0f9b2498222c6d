// Member lookup on a type: record fields, interface methods, `__index` chains, string methods on
// string values, array/map elements. Also lists the members (for completion).
import { hasOwn } from '../types/own-props';
import type { Field, RecordType, Type } from '../types/type';
import { classParents } from './classes';
import type { CheckContext } from './context';
import { ANY, members, mayBeNil, nonNil, unionOf } from './type-ops';

/** What `base.name` is. `missing` is set when the owner is known not to have the member. */
export interface MemberLookup {
  readonly type: Type;
  readonly field?: Field;
  /** The owner is a module table, an interface, or a closed record: report now. */
  readonly missing?: { readonly owner: string; readonly candidates: readonly string[]; readonly deferTo?: RecordType };
  /** The owner is an interface (its function members are methods taking `self`). */
  readonly viaInterface?: boolean;
  /** The value is a string: members are the string library's. */
  readonly viaString?: boolean;
}

const UNKNOWN_MEMBER: MemberLookup = Object.freeze({ type: ANY });

/** What `base[i]` gives for a key that is not a string literal: array elements, map or indexer values. */
export function indexedValueType(ctx: CheckContext, base: Type): Type {
  const types: Type[] = [];
  for (const m of members(ctx.deref(nonNil(base)))) {
    const d = ctx.deref(m);
    if (d.kind === 'array') types.push(d.element);
    else if (d.kind === 'map') types.push(d.value);
    else if (d.kind === 'record' && d.indexer) types.push(d.indexer.value);
    else return ANY;
  }
  return types.length ? unionOf(types) : ANY;
}

/** Looks `name` up on `base` (nil is removed first: callers report need-check-nil themselves). */
export function lookupMember(ctx: CheckContext, base: Type, name: string): MemberLookup {
  if (base.kind === 'any' || base.kind === 'unknown') return UNKNOWN_MEMBER;
  const t = ctx.deref(mayBeNil(base) ? nonNil(base) : base);
  switch (t.kind) {
    case 'record': return lookupRecord(ctx, t, name, 0);
    case 'interface': {
      const f = (hasOwn(t.methods, name) ? t.methods[name] : undefined) ?? (t.fields && hasOwn(t.fields, name) ? t.fields[name] : undefined);
      if (f) return { type: f.type, field: f, viaInterface: true };
      return { type: ANY, missing: { owner: t.name, candidates: [...Object.keys(t.methods), ...Object.keys(t.fields ?? {})] } };
    }
    case 'string': case 'literal': {
      if (t.kind === 'literal' && typeof t.value !== 'string') return { type: ANY };
      const lib = stringLibrary(ctx);
      if (!lib) return { type: ANY, viaString: true };
      const r = lookupMember(ctx, lib, name);
      return { ...r, viaString: true };
    }
    case 'map': return { type: t.value };
    case 'union': {
      const found: Type[] = [];
      let first: MemberLookup | undefined;
      for (const m of members(t)) {
        if (m.kind === 'nil') continue;
        const r = lookupMember(ctx, m, name);
        if (!r.missing) { found.push(r.type); first ??= r; }
      }
      if (found.length === 0) return { type: ANY };
      return { ...first!, type: unionOf(found) };
    }
    default: return UNKNOWN_MEMBER;
  }
}

function lookupRecord(ctx: CheckContext, t: RecordType, name: string, depth: number): MemberLookup {
  if (hasOwn(t.fields, name)) { const f = t.fields[name]!; return { type: f.optional ? { kind: 'optional', type: f.type } : f.type, field: f }; }
  if (depth < 8) {
    for (const parent of classParents(ctx, t)) {
      const r = parent.kind === 'record' ? lookupRecord(ctx, parent, name, depth + 1) : lookupMember(ctx, parent, name);
      if (!r.missing) return r;
    }
  }
  const info = ctx.readTableInfo(t);
  if (info?.metatable && depth < 8) {
    const idx = metaIndex(ctx, info.metatable);
    if (idx) {
      const d = ctx.deref(idx);
      if (d.kind === 'record') return lookupRecord(ctx, d, name, depth + 1);
      if (d.kind !== 'function') return lookupMember(ctx, d, name);
    }
    return { type: ANY };
  }
  if (t.indexer) return { type: t.indexer.value };
  if (info) {
    if (info.open) return { type: ANY };
    return { type: ANY, missing: { owner: t.name ?? 'table', candidates: Object.keys(t.fields), deferTo: t } };
  }
  if (t.open) return { type: ANY };
  const module = ctx.moduleTables.get(t);
  return { type: ANY, missing: { owner: module ? `module '${module.name}'` : displayName(t.name) ?? typeName(t), candidates: Object.keys(t.fields) } };
}

/** The `__index` of a metatable type (the metatable itself when it is its own `__index`). */
function metaIndex(ctx: CheckContext, mt: Type): Type | undefined {
  const d = ctx.deref(mt);
  if (d.kind !== 'record') return undefined;
  return hasOwn(d.fields, '__index') ? d.fields.__index!.type : undefined;
}

/** Standard library tables print as `string`, not `lua.string`. */
function displayName(name: string | undefined): string | undefined {
  return name?.startsWith('lua.') ? name.slice(4) : name;
}

function typeName(t: RecordType): string {
  const keys = Object.keys(t.fields);
  return keys.length ? `{${keys.slice(0, 3).join(', ')}${keys.length > 3 ? ', …' : ''}}` : '{}';
}

function stringLibrary(ctx: CheckContext): Type | undefined {
  const f = ctx.env.globals().get('string');
  return f && ctx.deref(f.type);
}

/** Every member visible on `base` with its type (for completion after `.` and `:`). */
export function listMembers(ctx: CheckContext, base: Type): Array<{ name: string; field: Field; method: boolean }> {
  const out = new Map<string, { name: string; field: Field; method: boolean }>();
  const visit = (t: Type, depth: number): void => {
    const d = ctx.deref(nonNil(t));
    if (depth > 8) return;
    if (d.kind === 'record') {
      for (const [name, field] of Object.entries(d.fields)) if (!out.has(name)) out.set(name, { name, field, method: false });
      for (const parent of classParents(ctx, d)) visit(parent, depth + 1);
      const mt = ctx.readTableInfo(d)?.metatable;
      const idx = mt && metaIndex(ctx, mt);
      if (idx) visit(idx, depth + 1);
    } else if (d.kind === 'interface') {
      for (const [name, field] of Object.entries(d.methods)) if (!out.has(name)) out.set(name, { name, field, method: true });
      for (const [name, field] of Object.entries(d.fields ?? {})) if (!out.has(name)) out.set(name, { name, field, method: false });
    } else if (d.kind === 'string' || (d.kind === 'literal' && typeof d.value === 'string')) {
      const lib = stringLibrary(ctx);
      if (lib) visit(lib, depth + 1);
    } else if (d.kind === 'union') {
      for (const m of d.types) visit(m, depth + 1);
    }
  };
  visit(base, 0);
  return [...out.values()];
}
