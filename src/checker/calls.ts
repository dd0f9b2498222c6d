// Calls: resolve the callee (function, method on an interface/table/string), the special globals
// (`require`, `setmetatable`, `assert`, `error`, `select`, `type`), check the arguments, give the returns.
import type { CallExpression, Expression, Identifier, StringCallExpression, TableCallExpression } from 'luaparse';
import { hasOwn } from '../types/own-props';
import type { FunctionType, Type } from '../types/type';
import type { CheckContext, RawDiagnostic } from './context';
import type { CallInfo } from './rules/call-info';
import { isMulti, memberOf, multi, typeOf, typesOf } from './expressions';
import { useModule } from './globals';
import { lookupMember, type MemberLookup } from './members';
import { condition } from './narrowing';
import { decodeLuaString } from './positions';
import { checkMethodCallStyle } from './rules/method-call-style';
import { checkMissingParameters } from './rules/missing-parameter';
import { checkNil } from './rules/need-check-nil';
import { checkCallable } from './rules/not-callable';
import { checkYieldable } from './rules/not-yieldable';
import { checkArgumentTypes } from './rules/param-type-mismatch';
import { checkRedundantParameters } from './rules/redundant-parameter';
import { reportUnknownModule } from './rules/unknown-module';
import { STANDARD_LIBRARY_MODULES } from './project-lookup';
import { ANY, BOOLEAN, CONVERTED_INTEGER, CONVERTED_NUMBER, INTEGER, NIL, STRING, nonNil, truthyPart, widen } from './type-ops';

type Call = CallExpression | StringCallExpression | TableCallExpression;
export interface Values { types: Type[]; rest?: Type }

const UNKNOWN_RESULT: Values = { types: [], rest: ANY };

export function callArguments(e: Call): Expression[] {
  if (e.type === 'CallExpression') return e.arguments;
  if (e.type === 'TableCallExpression') return [e.arguments];
  return [e.argument];
}

/** Names of functions that, when the checker cannot see them, are taken never to return. */
const RAISING_NAMES = /^(error|quit|die|fatal|abort|raise|panic|throw|bail)$/i;

/** A local `assert` the checker cannot see (`local assert = require("luassert.assert")`): it narrows like Lua's. */
function isUnknownAssert(ctx: CheckContext, id: Identifier): boolean {
  if (id.name !== 'assert') return false;
  const sym = ctx.binding.resolved.get(id);
  const t = sym && (sym.declaredType ?? sym.type);
  return !!sym && (!t || t.kind === 'any');
}

/** The values a call returns, after checking the call. */
export function callTypes(ctx: CheckContext, e: Call): Values {
  const args = callArguments(e);
  const base = e.base;
  if (base.type === 'Identifier' && (ctx.isStandardFunction(base) || isUnknownAssert(ctx, base))) {
    const special = specialCall(ctx, base.name, e, args);
    if (special) return special;
  }
  let calleeType: Type;
  let lookup: MemberLookup | undefined;
  let receiver: Type | undefined;
  const isMethod = base.type === 'MemberExpression' && base.indexer === ':';
  if (base.type === 'MemberExpression' && base.indexer === ':') {
    receiver = typeOf(ctx, base.base);
    checkNil(ctx, base.base, receiver, 'method call');
    lookup = lookupMember(ctx, receiver, base.identifier.name);
    calleeType = memberOf(ctx, receiver, base.identifier);
    ctx.nodeTypes.set(base, calleeType);
  } else {
    ctx.callee = base;
    calleeType = typeOf(ctx, base);
    if (base.type === 'MemberExpression') lookup = lookupMember(ctx, typeOfCached(ctx, base.base), base.identifier.name);
  }
  markNonYieldableCallbacks(ctx, base, args);
  const name = base.type === 'MemberExpression' ? base.identifier.name : ctx.sourceOf(base);
  // Several candidate functions: which one runs is not known, so no argument check can be trusted.
  const fn = ctx.hasSeveralFunctions(calleeType) ? undefined : ctx.functionOf(nonNil(calleeType));
  if (!fn) {
    markEscaping(ctx, evalArgs(ctx, args, undefined, 0));
    // An unknown function named like a failure, called as a statement with `.` or by name
    // (`client.error(msg)`, `utils.quit(msg)`), is taken to raise. Not methods (`f:quit()` sends a
    // command, `node:error(msg)` records one), nor a global the file defines itself.
    if ((calleeType.kind === 'any' || calleeType.kind === 'unknown') && ctx.callStatement === e && !isMethod && RAISING_NAMES.test(name) &&
        !(base.type === 'Identifier' && ctx.binding.globalWrites.has(base.name))) ctx.frame.flow.dead = true;
    if (calleeType.kind !== 'any' && calleeType.kind !== 'unknown') {
      checkNil(ctx, base, calleeType, 'call');
      // A hook: a field, or a local assigned elsewhere (`local on_error = false` ... `on_error = f`).
      const hook = base.type === 'MemberExpression' || base.type === 'IndexExpression' ||
        (base.type === 'Identifier' && (ctx.binding.resolved.get(base)?.writes.length ?? 0) > 0);
      checkCallable(ctx, calleeType, name, base, hook);
    }
    return UNKNOWN_RESULT;
  }
  checkNil(ctx, base, calleeType, 'call');
  const user = ctx.userFunctions.has(fn);
  if (!user && checkMethodCallStyle(ctx, fn, isMethod, lookup, name, base)) {
    evalArgs(ctx, args, fn, 0);
    return returnsOf(ctx, fn, { types: [] }, [], receiver);
  }
  checkYieldable(ctx, fn, name, base.type === 'MemberExpression' ? base.identifier : base);
  const skip = isMethod ? 1 : 0;
  const values = evalArgs(ctx, args, fn, skip);
  if (user || !fn.params.length) markEscaping(ctx, values);
  const chosen = checkArguments(ctx, [fn, ...(ctx.overloads.get(fn) ?? [])], { args, values, name, call: e, skip });
  return returnsOf(ctx, chosen, values, chosen.params.slice(skip), receiver);
}

/**
 * Checks the arguments against each signature in turn (the function's own, then its `---@overload`s)
 * and returns the first that fits; when none does, the first signature's problems are reported.
 */
function checkArguments(ctx: CheckContext, signatures: readonly FunctionType[], call: Omit<CallInfo, 'fn' | 'params'>): FunctionType {
  const mark = ctx.diagnostics.length;
  let first: RawDiagnostic[] | undefined;
  for (const fn of signatures) {
    const info: CallInfo = { ...call, fn, params: fn.params.slice(call.skip) };
    checkMissingParameters(ctx, info);
    checkRedundantParameters(ctx, info);
    checkArgumentTypes(ctx, info);
    if (ctx.diagnostics.length === mark) return fn;
    const problems = ctx.diagnostics.splice(mark);
    first ??= problems;
  }
  ctx.diagnostics.push(...first!);
  return signatures[0]!;
}

function typeOfCached(ctx: CheckContext, e: Expression): Type {
  return ctx.nodeTypes.get(e) ?? ANY;
}

/** Evaluates the arguments (giving function literals their expected parameter types). */
function evalArgs(ctx: CheckContext, args: readonly Expression[], fn: FunctionType | undefined, skip: number): Values {
  if (fn) {
    args.forEach((a, i) => {
      if (a.type !== 'FunctionDeclaration') return;
      const p = fn.params[i + skip]?.type ?? fn.variadic;
      const expected = p && ctx.functionOf(p);
      if (expected) ctx.contextualFns.set(a, expected);
    });
  }
  const values = typesOf(ctx, args);
  for (const a of args) if (a.type === 'FunctionDeclaration') forgetClosureWrites(ctx, a);
  return values;
}

/**
 * A function literal passed to a call (`pcall(function() x = f() end)`) may run there: the outer
 * locals it assigns may hold anything afterwards (their annotation, else any).
 */
function forgetClosureWrites(ctx: CheckContext, fn: Expression): void {
  const [start, end] = fn.range;
  // Every write of the file by offset (built once): a binary search finds those inside `fn`.
  const writes = ctx.writesByOffset ??= ctx.binding.symbols
    .flatMap((sym) => (sym.kind === 'label' ? [] : sym.writes.map((w) => ({ at: w.range[0], sym }))))
    .sort((a, b) => a.at - b.at);
  let lo = 0;
  let hi = writes.length;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (writes[mid]!.at < start) lo = mid + 1; else hi = mid; }
  for (let i = lo; i < writes.length && writes[i]!.at < end; i++) {
    const sym = writes[i]!.sym;
    if (sym.owner.range[0] >= start && sym.owner.range[1] <= end) continue;
    ctx.frame.flow.setVar(sym, sym.declaredType ?? ANY);
  }
}

function returnsOf(ctx: CheckContext, fn: FunctionType, values: Values, params: FunctionType['params'], receiver: Type | undefined): Values {
  let returns = fn.returns;
  // A function that never returns (`os.exit`, one whose every path raises): nothing runs after the call.
  if (returns[0]?.kind === 'never') ctx.frame.flow.dead = true;
  if (fn.typeParams?.length) {
    const bound = new Map<string, Type>();
    params.forEach((p, i) => bindTypeParam(p.type, values.types[i], bound));
    returns = returns.map((r) => substitute(r, bound));
  }
  if (receiver && returns.some((r) => r.kind === 'self')) returns = returns.map((r) => (r.kind === 'self' ? receiver : r));
  void ctx;
  return { types: [...returns], rest: fn.variadicReturn };
}

function bindTypeParam(p: Type, arg: Type | undefined, bound: Map<string, Type>): void {
  if (!arg) return;
  if (p.kind === 'typeparam' && !bound.has(p.name)) bound.set(p.name, widen(arg));
  else if (p.kind === 'optional') bindTypeParam(p.type, nonNil(arg), bound);
  else if (p.kind === 'array' && arg.kind === 'array') bindTypeParam(p.element, arg.element, bound);
}

function substitute(t: Type, bound: Map<string, Type>): Type {
  switch (t.kind) {
    case 'typeparam': return bound.get(t.name) ?? ANY;
    case 'optional': return { kind: 'optional', type: substitute(t.type, bound) };
    case 'array': return { kind: 'array', element: substitute(t.element, bound) };
    case 'union': return { kind: 'union', types: t.types.map((m) => substitute(m, bound)) };
    case 'map': return { kind: 'map', key: substitute(t.key, bound), value: substitute(t.value, bound) };
    default: return t;
  }
}

/** `table.sort(t, fn)` comparators and `gsub` callbacks run where Lua cannot yield. */
function markNonYieldableCallbacks(ctx: CheckContext, base: Expression, args: readonly Expression[]): void {
  if (base.type !== 'MemberExpression') return;
  const name = base.identifier.name;
  let index = -1;
  let context = '';
  if (name === 'sort' && base.base.type === 'Identifier' && base.base.name === 'table') { index = 1; context = 'a table.sort comparator'; }
  else if (name === 'gsub') { index = base.indexer === ':' ? 1 : 2; context = 'a string.gsub callback'; }
  const cb = index >= 0 ? args[index] : undefined;
  if (cb?.type === 'FunctionDeclaration') ctx.nonYieldableFns.set(cb, context);
}

function specialCall(ctx: CheckContext, name: string, e: Call, args: readonly Expression[]): Values | undefined {
  switch (name) {
    case 'require': {
      const a = args[0];
      if (!a || a.type !== 'StringLiteral') return undefined;
      const moduleName = decodeLuaString(a.raw);
      ctx.nodeTypes.set(a, { kind: 'literal', value: moduleName });
      return { types: [requireType(ctx, moduleName, e, a)] };
    }
    case 'setmetatable': {
      const values = evalArgs(ctx, args, undefined, 0);
      const t = values.types[0] ?? ANY;
      const mt = values.types[1];
      const info = ctx.tableInfo(t);
      if (info && mt && mt.kind !== 'nil') info.metatable = mt;
      const cls = mt && classOf(ctx, mt);
      return { types: [cls ?? t] };
    }
    case 'assert': {
      if (!args[0]) return undefined;
      // `assert(f())` passes all of f's values on (`local fh, err = assert(io.open(p))`).
      if (args.length === 1 && isMulti(args[0]) && args[0].type !== 'VarargLiteral') {
        const r = multi(ctx, args[0]);
        const first = r.types[0] ?? r.rest ?? NIL;
        if (first.kind === 'nil' || (first.kind === 'literal' && first.value === false)) ctx.frame.flow.dead = true;
        return { types: [truthyPart(first), ...r.types.slice(1)], rest: r.rest };
      }
      const c = condition(ctx, args[0]);
      const first = c.type;
      const rest = args.length > 1 ? evalArgs(ctx, args.slice(1), undefined, 0) : { types: [] };
      const dead = ctx.frame.flow.dead;
      ctx.frame.flow = c.t;
      ctx.frame.flow.dead ||= dead;
      return { types: [truthyPart(first), ...rest.types], rest: rest.rest };
    }
    case 'tonumber': {
      // With a base, the result is an integer (or nil when the text is not a numeral in that base).
      evalArgs(ctx, args, undefined, 0);
      return { types: [args.length >= 2 ? CONVERTED_INTEGER : CONVERTED_NUMBER] };
    }
    case 'error': {
      evalArgs(ctx, args, undefined, 0);
      ctx.frame.flow.dead = true;
      return { types: [] };
    }
    case 'type': {
      evalArgs(ctx, args, undefined, 0);
      return { types: [STRING] };
    }
    case 'select': {
      const a = args[0];
      const values = evalArgs(ctx, args, undefined, 0);
      if (a?.type === 'StringLiteral' && decodeLuaString(a.raw) === '#') return { types: [INTEGER] };
      if (a?.type === 'NumericLiteral' && Number.isInteger(a.value) && a.value >= 1 && args.length === 2 && isMulti(args[1]!)) {
        return { types: values.types.slice(a.value), rest: values.rest };
      }
      return UNKNOWN_RESULT;
    }
    case 'pcall': {
      evalArgs(ctx, args, undefined, 0);
      return { types: [BOOLEAN], rest: ANY };
    }
    default: return undefined;
  }
}

/**
 * The type of `require(name)`, in the order of docs/projects-editor.md: host modules and manifests,
 * then the standard library names (the global's table, as C Lua gives), then the project's files,
 * then `runtime.external` names (any); else unknown-module (any).
 */
function requireType(ctx: CheckContext, name: string, call: Call, arg: Expression): Type {
  const m = ctx.env.module(name);
  if (m) return useModule(ctx, m, name, call.range, false);
  if (STANDARD_LIBRARY_MODULES.has(name)) {
    const g = ctx.env.globals().get(name);
    if (g) return g.type;
  }
  const p = ctx.config.project?.require(name);
  if (p?.kind === 'module') return useModule(ctx, p.info, name, call.range, false);
  if (p?.kind === 'external' || p?.kind === 'cycle') return ANY;
  reportUnknownModule(ctx, name, arg, p?.kind === 'not-found' ? p.tried : undefined);
  return ANY;
}

/** `setmetatable(t, C)` where C (or C.__index) is a `---@class` table: the result is a C. */
function classOf(ctx: CheckContext, mt: Type): Type | undefined {
  const d = ctx.deref(mt);
  if (d.kind !== 'record') return undefined;
  if (ctx.readTableInfo(d)?.cls) return d;
  const index = hasOwn(d.fields, '__index') ? ctx.deref(d.fields.__index!.type) : undefined;
  return index?.kind === 'record' && ctx.readTableInfo(index)?.cls ? index : undefined;
}

/** Tables passed to a call may get fields the checker cannot see: stop reporting their missing fields. */
function markEscaping(ctx: CheckContext, values: Values): void {
  for (const t of values.types) {
    const info = ctx.tableInfo(t);
    if (info && !info.cls) info.open = true;
  }
}
