// Conditions: evaluates an expression used as a condition and gives the flows where it is truthy
// (`t`) and falsy (`f`): `x`, `not x`, `x ~= nil`, `type(x) == "string"`, `and`/`or`, and the
// error-return pairs (`if err then return end` makes the value non-nil).
import type { Expression } from 'luaparse';
import type { Type } from '../types/type';
import type { LuaSymbol } from './binder';
import type { CheckContext } from './context';
import { refKey, typeOf } from './expressions';
import { Flow } from './flow';
import { decodeLuaString } from './positions';
import { BOOLEAN, NIL, falsyPart, filterByTypeName, mayBeNil, nonNil, truthyPart, unionOf } from './type-ops';

export interface Condition { readonly type: Type; readonly t: Flow; readonly f: Flow }

/** Evaluates `e` as a condition. */
export function condition(ctx: CheckContext, e: Expression): Condition {
  const flow = ctx.frame.flow;
  if (e.type === 'LogicalExpression') {
    const a = condition(ctx, e.left);
    ctx.frame.flow = e.operator === 'and' ? a.t : a.f;
    const b = condition(ctx, e.right);
    ctx.frame.flow = flow;
    if (e.operator === 'and') return { type: unionOf([falsyPart(a.type), b.type]), t: b.t, f: ctx.merge([a.f, b.f]) };
    return { type: unionOf([truthyPart(a.type), b.type]), t: ctx.merge([a.t, b.t]), f: b.f };
  }
  if (e.type === 'UnaryExpression' && e.operator === 'not') {
    const a = condition(ctx, e.argument);
    return { type: BOOLEAN, t: a.f, f: a.t };
  }
  if (e.type === 'BinaryExpression' && (e.operator === '==' || e.operator === '~=')) {
    const eq = equality(ctx, e.left, e.right) ?? equality(ctx, e.right, e.left);
    if (eq) return e.operator === '==' ? { type: BOOLEAN, ...eq } : { type: BOOLEAN, t: eq.f, f: eq.t };
  }
  if (e.type === 'BinaryExpression' && (e.operator === '<' || e.operator === '>' || e.operator === '<=' || e.operator === '>=')) {
    // Comparing nil raises: past `i2 >= i1` both are set in either branch (and so are their partners).
    const type = typeOf(ctx, e);
    const t = flow.clone();
    const f = flow.clone();
    for (const side of [e.left, e.right]) {
      const key = refKey(ctx, side);
      const st = ctx.nodeTypes.get(side);
      if (!key || !st || !mayBeNil(st)) continue;
      setRef(ctx, t, key, nonNil(st), 'truthy');
      setRef(ctx, f, key, nonNil(st), 'truthy');
    }
    return { type, t, f };
  }
  // A member tested for existence (`table.unpack or unpack`, `if mod.hook then`) is a feature test:
  // no undefined-field, and its truthy side may use it (`string.pack and string.pack(...)`).
  const probe = isProbe(ctx, e);
  const type = typeOf(ctx, e);
  const t = flow.clone();
  const f = flow.clone();
  if (isDefinitelyFalsy(type)) t.dead = true;
  else if (isDefinitelyTruthy(type)) f.dead = true;
  const esym = e.type === 'Identifier' ? ctx.binding.resolved.get(e) : undefined;
  const paired = !!esym && flow.partners.size > 0 && (flow.partners.has(esym) || [...flow.partners.values()].some((q) => q.other === esym));
  const key = (type.kind === 'any' || type.kind === 'unknown') && !probe && !paired ? undefined : refKey(ctx, e);
  if (key) {
    setRef(ctx, t, key, truthyPart(type), 'truthy');
    setRef(ctx, f, key, falsyPart(type), 'falsy');
  }
  return { type, t, f };
}

/** `ref == nil`, `type(ref) == "name"` and `ref == <literal>`, seen from the `==` side. */
function equality(ctx: CheckContext, subject: Expression, other: Expression): { t: Flow; f: Flow } | undefined {
  const flow = ctx.frame.flow;
  if (other.type === 'NumericLiteral' || other.type === 'StringLiteral' || (other.type === 'BooleanLiteral' && other.value)) {
    // `first == 1`: where it holds, the value (and its partner) is set.
    const key = subject.type === 'Identifier' || subject.type === 'MemberExpression' ? refKey(ctx, subject) : undefined;
    if (key && !(subject.type === 'CallExpression')) {
      const type = typeOf(ctx, subject);
      typeOf(ctx, other);
      const t = flow.clone();
      const f = flow.clone();
      if (mayBeNil(type)) setRef(ctx, t, key, nonNil(type), 'truthy');
      return { t, f };
    }
  }
  if (other.type === 'NilLiteral') {
    const key = refKey(ctx, subject);
    if (!key) return undefined;
    isProbe(ctx, subject);
    const type = typeOf(ctx, subject);
    const t = flow.clone();
    const f = flow.clone();
    setRef(ctx, t, key, mayBeNil(type) ? NIL : type, 'falsy');
    setRef(ctx, f, key, nonNil(type), 'truthy');
    return { t, f };
  }
  if (other.type === 'StringLiteral' && subject.type === 'CallExpression' && subject.base.type === 'Identifier' &&
      subject.base.name === 'type' && ctx.isStandardFunction(subject.base) && subject.arguments.length === 1) {
    const arg = subject.arguments[0]!;
    isProbe(ctx, arg);
    const key = refKey(ctx, arg);
    typeOf(ctx, subject);
    typeOf(ctx, other);
    if (!key) return { t: flow.clone(), f: flow.clone() };
    const type = typeOf(ctx, arg);
    const name = decodeLuaString(other.raw);
    const t = flow.clone();
    const f = flow.clone();
    setRef(ctx, t, key, filterByTypeName(type, name, true, (x) => ctx.deref(x)), name === 'nil' ? 'falsy' : 'truthy');
    setRef(ctx, f, key, filterByTypeName(type, name, false, (x) => ctx.deref(x)), undefined);
    return { t, f };
  }
  return undefined;
}

/** Sets a narrowed type in `flow`; for a linked pair (error return, `s:find`), narrows the partner too. */
export function setRef(ctx: CheckContext, flow: Flow, key: { sym?: LuaSymbol; path?: string }, type: Type, truth: 'truthy' | 'falsy' | undefined): void {
  if (key.path !== undefined) { flow.setPath(key.path, type); return; }
  const sym = key.sym!;
  flow.setVar(sym, type);
  // Values that follow this one (`local name, args = split(s)`): set where it is set.
  if (truth === 'truthy' && flow.partners.size > 0) {
    for (const [s2, p2] of flow.partners) {
      if (p2.other === sym && p2.role === 'follows') flow.setVar(s2, nonNil(flow.vars.get(s2) ?? s2.type ?? NIL));
    }
  }
  const p = flow.partners.get(sym);
  if (!p || !truth || p.role === 'follows') return;
  const other = flow.vars.get(p.other) ?? p.other.type ?? NIL;
  if (p.role === 'error' && truth === 'falsy') flow.setVar(p.other, nonNil(other));
  else if (p.role === 'value' && truth === 'falsy') flow.setVar(p.other, nonNil(other));
  else if (p.role === 'value' && truth === 'truthy') flow.setVar(p.other, NIL);
  else if (p.role === 'together') flow.setVar(p.other, truth === 'truthy' ? nonNil(other) : NIL);
  void ctx;
}

/** Marks a member read used as an existence test (see ctx.probes); true when `e` is one. */
function isProbe(ctx: CheckContext, e: Expression): boolean {
  const global = e.type === 'Identifier' && !ctx.binding.resolved.has(e);
  if (e.type !== 'MemberExpression' && e.type !== 'IndexExpression' && !global) return false;
  ctx.probes.add(e);
  return true;
}

function isDefinitelyFalsy(t: Type): boolean {
  return t.kind === 'nil' || (t.kind === 'literal' && t.value === false);
}

function isDefinitelyTruthy(t: Type): boolean {
  return t.kind === 'literal' && t.value !== false;
}
