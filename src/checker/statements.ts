// Statements: locals and assignments (annotations, classes, the error-return pairs), function
// declarations, control flow (if/while/repeat/for, return/break/goto) and reachability.
import type { AssignmentStatement, Expression, ForGenericStatement, FunctionDeclaration, Identifier, LocalStatement, Statement, TableConstructorExpression } from 'luaparse';
import { hasOwn } from '../types/own-props';
import type { RecordType, Type } from '../types/type';
import type { LuaSymbol } from './binder';
import type { CheckContext } from './context';
import { multi, refKey, typeOf, typesOf } from './expressions';
import { Flow } from './flow';
import { checkFunction } from './functions';
import { condition } from './narrowing';
import { assignField } from './assign';
import { checkAssignType } from './rules/assign-type-mismatch';
import { checkReturnTypes } from './rules/return-type-mismatch';
import { reportUnreachable } from './rules/unreachable-code';
import { ANY, INTEGER, NIL, NUMBER, isIntegerLike, mayBeNil, nonNil, unionOf, widen } from './type-ops';

/** Checks a block in the current frame, reporting code after a `return`/`break`/`error()` once. */
export function checkBlock(ctx: CheckContext, body: readonly Statement[]): void {
  let reported = false;
  for (let i = 0; i < body.length; i++) {
    const st = body[i]!;
    const wasDead = ctx.frame.flow.dead;
    if (st.type === 'LabelStatement') ctx.frame.flow.dead = false;
    statement(ctx, st);
    if (!wasDead && ctx.frame.flow.dead && !reported && i + 1 < body.length) {
      const rest = body.slice(i + 1);
      if (rest[0]!.type !== 'LabelStatement') {
        reportUnreachable(ctx, rest);
        reported = true;
      }
    }
  }
}

function statement(ctx: CheckContext, st: Statement): void {
  if (ctx.nextCast < ctx.annotations.casts.length) applyCasts(ctx, st.range[0]);
  switch (st.type) {
    case 'LocalStatement': return localStatement(ctx, st);
    case 'AssignmentStatement': return assignment(ctx, st);
    case 'CallStatement': ctx.callStatement = st.expression; multi(ctx, st.expression); return;
    case 'FunctionDeclaration': return functionStatement(ctx, st);
    case 'ReturnStatement': {
      const values = typesOf(ctx, st.arguments);
      ctx.frame.returns.push(values);
      checkReturnTypes(ctx, st, values);
      ctx.frame.flow.dead = true;
      return;
    }
    case 'BreakStatement':
      ctx.frame.breaks?.push(ctx.frame.flow.clone());
      ctx.frame.flow.dead = true;
      return;
    case 'GotoStatement': ctx.frame.flow.dead = true; return;
    case 'LabelStatement': return;
    case 'DoStatement': checkBlock(ctx, st.body); return;
    case 'IfStatement': {
      const ends: Flow[] = [];
      let hasElse = false;
      for (const clause of st.clauses) {
        if (clause.type === 'ElseClause') {
          hasElse = true;
          checkBlock(ctx, clause.body);
          ends.push(ctx.frame.flow);
          break;
        }
        const c = condition(ctx, clause.condition);
        ctx.frame.flow = c.t;
        checkBlock(ctx, clause.body);
        ends.push(ctx.frame.flow);
        ctx.frame.flow = c.f;
      }
      if (!hasElse) ends.push(ctx.frame.flow);
      ctx.frame.flow = ctx.merge(ends);
      return;
    }
    case 'WhileStatement': {
      widenLoopWrites(ctx, st);
      const c = condition(ctx, st.condition);
      loopBody(ctx, c.t, st.body, c.f);
      return;
    }
    case 'RepeatStatement': {
      widenLoopWrites(ctx, st);
      const breaks: Flow[] = [];
      const outerBreaks = ctx.frame.breaks;
      ctx.frame.breaks = breaks;
      checkBlock(ctx, st.body);
      const c = condition(ctx, st.condition);
      ctx.frame.breaks = outerBreaks;
      ctx.frame.flow = ctx.merge([c.t, ...breaks]);
      return;
    }
    case 'ForNumericStatement': {
      const types = [typeOf(ctx, st.start), typeOf(ctx, st.end), ...(st.step ? [typeOf(ctx, st.step)] : [])];
      widenLoopWrites(ctx, st);
      const sym = ctx.binding.declared.get(st.variable);
      if (sym) sym.type = types.every((t) => isIntegerLike(ctx.deref(t)) || ctx.deref(t).kind === 'any') ? INTEGER : NUMBER;
      const entry = ctx.frame.flow;
      loopBody(ctx, entry.clone(), st.body, entry);
      return;
    }
    case 'ForGenericStatement': {
      const types = iteratorTypes(ctx, st);
      st.variables.forEach((v, i) => {
        const sym = ctx.binding.declared.get(v);
        if (sym) sym.type = i === 0 ? nonNil(types[i] ?? ANY) : types[i] ?? ANY;
      });
      widenLoopWrites(ctx, st);
      const entry = ctx.frame.flow;
      loopBody(ctx, entry.clone(), st.body, entry);
      return;
    }
  }
}

/** Applies the `---@cast` lines written before `offset` to the current flow. */
function applyCasts(ctx: CheckContext, offset: number): void {
  const casts = ctx.annotations.casts;
  for (; ctx.nextCast < casts.length && casts[ctx.nextCast]!.at <= offset; ctx.nextCast++) {
    const cast = casts[ctx.nextCast]!;
    const sym = visibleLocal(ctx, cast.name, cast.at);
    const key = `g:${cast.name}`;
    const current = sym ? ctx.symbolType(sym) : ctx.frame.flow.paths.get(key) ?? ANY;
    const t = cast.op === 'set' ? cast.type : cast.op === 'add' ? unionOf([current, cast.type]) : nonNil(current);
    if (sym) ctx.frame.flow.setVar(sym, t);
    else ctx.frame.flow.setPath(key, t);
  }
}

/** The local named `name` that is visible at `offset` (the innermost), if any. */
function visibleLocal(ctx: CheckContext, name: string, offset: number): LuaSymbol | undefined {
  let best: LuaSymbol | undefined;
  for (const s of ctx.binding.symbols) {
    if (s.name !== name || s.kind === 'label' || s.visibleFrom > offset || offset < s.scope.start || offset > s.scope.end) continue;
    if (!best || s.visibleFrom >= best.visibleFrom) best = s;
  }
  return best;
}

/** Runs a loop body from `start`; afterwards the flow is `exit` joined with the `break`s. */
function loopBody(ctx: CheckContext, start: Flow, body: readonly Statement[], exit: Flow): void {
  const breaks: Flow[] = [];
  const outerBreaks = ctx.frame.breaks;
  ctx.frame.breaks = breaks;
  ctx.frame.flow = start;
  checkBlock(ctx, body);
  ctx.frame.breaks = outerBreaks;
  ctx.frame.flow = ctx.merge([exit, ...breaks]);
}

/** Locals assigned inside a loop may hold any of their assigned types at the top of the loop. */
function widenLoopWrites(ctx: CheckContext, loop: Statement): void {
  const written = ctx.binding.loopWrites.get(loop);
  if (!written) return;
  const flow = ctx.frame.flow;
  for (const sym of written) {
    flow.setVar(sym, sym.declaredType ?? ANY);
    flow.assigned(sym);
  }
}

function iteratorTypes(ctx: CheckContext, st: ForGenericStatement): Type[] {
  const first = st.iterators[0];
  if (st.iterators.length === 1 && first?.type === 'CallExpression' && first.base.type === 'Identifier' &&
      ctx.isStandardGlobal(first.base) && (first.base.name === 'ipairs' || first.base.name === 'pairs') && first.arguments.length === 1) {
    const t = ctx.deref(nonNil(typeOf(ctx, first.arguments[0]!)));
    ctx.nodeTypes.set(first, ANY);
    if (first.base.name === 'ipairs') return [INTEGER, t.kind === 'array' ? t.element : t.kind === 'record' && t.indexer ? t.indexer.value : ANY];
    if (t.kind === 'array') return [INTEGER, t.element];
    if (t.kind === 'map') return [t.key, t.value];
    if (t.kind === 'record' && t.indexer) return [t.indexer.key, t.indexer.value];
    return [ANY, ANY];
  }
  const values = typesOf(ctx, st.iterators);
  const fn = values.types[0] && ctx.functionOf(values.types[0]);
  if (fn) return [...fn.returns, ...(fn.variadicReturn ? [fn.variadicReturn, fn.variadicReturn, fn.variadicReturn] : [])];
  return [];
}

function localStatement(ctx: CheckContext, st: LocalStatement): void {
  const block = ctx.annotations.byLine.get(ctx.lines.lineOf(st.range[0]));
  const cls = block?.cls;
  if (cls) registerClass(ctx, cls);
  const values = typesOf(ctx, st.init);
  st.variables.forEach((v, i) => {
    const sym = ctx.binding.declared.get(v);
    if (!sym) return;
    let value = values.types[i] ?? (values.rest && i >= values.types.length ? values.rest : NIL);
    if (i === 0 && cls) value = adoptClass(ctx, cls, value);
    if (i === 0 && block?.enumName && st.init[0]?.type === 'TableConstructorExpression') value = defineEnum(ctx, block.enumName, st.init[0], value);
    const declared = i === 0 && !cls ? block?.type : undefined;
    if (declared) {
      sym.declaredType = declared;
      if (st.init[i] || i < values.types.length) checkAssignType(ctx, v.name, st.init[i] ?? v, value, declared);
    }
    const t = declared ?? widenLocal(value);
    sym.type = t;
    ctx.setType(v, t);
    const init = st.init[i];
    if (init?.type === 'CallExpression' && init.base.type === 'Identifier' && init.base.name === 'require') {
      const last = ctx.moduleBindings[ctx.moduleBindings.length - 1];
      if (last && last.start === init.range[0]) ctx.moduleBindings[ctx.moduleBindings.length - 1] = { ...last, name: v.name };
    }
  });
  pairErrorReturn(ctx, st.variables.map((v) => ctx.binding.declared.get(v)), st.init, values.types);
}

/** Locals keep the widened type of their initial value (`local n = 1` is an integer). */
function widenLocal(t: Type): Type {
  return t.kind === 'literal' ? widen(t) : t;
}

/** A `---@class` table the checker follows: closed, its `---@field`s type-checked on assignment. */
function registerClass(ctx: CheckContext, cls: RecordType): void {
  if (!ctx.tables.has(cls)) ctx.tables.set(cls, { open: false, cls: true, declared: new Set(Object.keys(cls.fields)) });
}

/** `---@class C` on `local C = {...}`: the constructor's fields join the class. */
function adoptClass(ctx: CheckContext, cls: RecordType, value: Type): Type {
  if (value.kind === 'record' && value !== cls) {
    for (const [k, f] of Object.entries(value.fields)) if (!hasOwn(cls.fields, k)) ctx.setField(cls, k, f.type);
  }
  return cls;
}

/**
 * `---@enum Color` on `local Color = { RED = 1, GREEN = 2 }`: the fields keep their literal values
 * (`Color.RED` is `1`), the table is closed, and Color names the union of the values (`1 | 2`).
 */
function defineEnum(ctx: CheckContext, name: string, table: TableConstructorExpression, value: Type): Type {
  if (value.kind !== 'record') return value;
  const literals: Type[] = [];
  for (const f of table.fields) {
    if (f.type !== 'TableKeyString') continue;
    const t = ctx.nodeTypes.get(f.value);
    if (t?.kind !== 'literal') continue;
    ctx.setField(value, f.key.name, t);
    literals.push(t);
  }
  const info = ctx.tables.get(value);
  if (info) info.open = false;
  ctx.annotations.userTypes.set(name, literals.length ? unionOf(literals) : ANY);
  return value;
}

/**
 * `local v, err = f()` where f returns `(T?, Error?)`: pair v and err for narrowing. And `local i, j =
 * s:find(p)`: a host function (not one of the file's, whose returns are inferred) returning `(T?, U?)`
 * with no Error gives both or neither (an assumption about manifests, true of the built-in ones).
 */
function pairErrorReturn(ctx: CheckContext, variables: ReadonlyArray<LuaSymbol | undefined>, init: readonly Expression[], types: readonly Type[]): void {
  if (variables.length < 2 || init.length !== 1 || types.length < 2) return;
  const [first, second] = types as [Type, Type];
  const [v, other] = variables;
  if (!v) return;
  const follow = togetherCount(ctx, init[0]!);
  if (follow >= 2 && !isHostCall(ctx, init[0]!)) {
    // One of the file's functions whose later values are set whenever the first is: they follow it.
    for (let i = 1; i < Math.min(follow, variables.length); i++) { const s = variables[i]; if (s) ctx.frame.flow.setPartner(s, { other: v, role: 'follows' }); }
    return;
  }
  if (!mayBeNil(second) || !other) return;
  const st = { init };
  const inner = ctx.deref(nonNil(second));
  // `(T?, string?)` from a host function whose value is not itself text or a number (`io.open`,
  // `io.popen`, `os.remove`): a value or an error message, like `(T?, Error?)`.
  const messageError = (inner.kind === 'string' && isHostCall(ctx, st.init[0]!) && mayBeNil(first) && !isPrimitive(ctx.deref(nonNil(first))));
  if ((inner.kind === 'interface' && inner.name === 'Error') || messageError) {
    ctx.frame.flow.setPartner(v, { other, role: 'value' });
    ctx.frame.flow.setPartner(other, { other: v, role: 'error' });
  } else if (mayBeNil(first) && isHostCall(ctx, st.init[0]!)) {
    ctx.frame.flow.setPartner(v, { other, role: 'together' });
    ctx.frame.flow.setPartner(other, { other: v, role: 'together' });
  }
}

function isPrimitive(t: Type): boolean {
  return t.kind === 'string' || t.kind === 'number' || t.kind === 'integer' || t.kind === 'literal' || t.kind === 'boolean';
}

/** How many leading returns of the called file function come together (see functions.ts); 0 if none. */
function togetherCount(ctx: CheckContext, e: Expression): number {
  if (e.type !== 'CallExpression' && e.type !== 'StringCallExpression' && e.type !== 'TableCallExpression') return 0;
  const callee = ctx.nodeTypes.get(e.base);
  const fn = callee && ctx.functionOf(callee);
  return (fn && ctx.togetherFunctions.get(fn)) ?? 0;
}

/** A call of a function the file did not write (a module's, the standard library's). */
function isHostCall(ctx: CheckContext, e: Expression): boolean {
  if (e.type !== 'CallExpression' && e.type !== 'StringCallExpression' && e.type !== 'TableCallExpression') return false;
  const callee = ctx.nodeTypes.get(e.base);
  const fn = callee && ctx.functionOf(callee);
  return !!fn && !ctx.userFunctions.has(fn);
}

function assignment(ctx: CheckContext, st: AssignmentStatement): void {
  for (const target of st.variables) markMetamethod(ctx, target, st.init[st.variables.indexOf(target)]);
  const values = typesOf(ctx, st.init);
  st.variables.forEach((target, i) => {
    const value = values.types[i] ?? (values.rest && i >= values.types.length ? values.rest : NIL);
    if (i === 0) annotateGlobal(ctx, st, target, value);
    assignTo(ctx, target, value, st.init[i]);
  });
  // `i, j = s:find(p, i)` pairs like `local i, j = ...` (the locals were assigned: old pairs are gone).
  const locals = st.variables.map((v) => (v.type === 'Identifier' ? ctx.binding.resolved.get(v) : undefined));
  if (locals.length >= 2 && locals.every((l) => l !== undefined)) pairErrorReturn(ctx, locals, st.init, values.types);
}

/**
 * `---@class Point` (or `---@type T`) above `Point = {}`: the global has that type from here on in
 * this file (a global the file assigns is otherwise any).
 */
function annotateGlobal(ctx: CheckContext, st: AssignmentStatement, target: Expression, value: Type): void {
  if (target.type !== 'Identifier' || ctx.binding.resolved.has(target)) return;
  const block = ctx.annotations.byLine.get(ctx.lines.lineOf(st.range[0]));
  if (!block) return;
  if (block.cls) {
    registerClass(ctx, block.cls);
    adoptClass(ctx, block.cls, value);
    ctx.declaredGlobals.set(target.name, block.cls);
  } else if (block.type) {
    checkAssignType(ctx, target.name, st.init[0] ?? target, value, block.type);
    ctx.declaredGlobals.set(target.name, block.type);
  }
}

function markMetamethod(ctx: CheckContext, target: Expression, value: Expression | undefined): void {
  if (value?.type !== 'FunctionDeclaration' || target.type !== 'MemberExpression') return;
  const n = target.identifier.name;
  if (n === '__gc' || n === '__tostring') ctx.nonYieldableFns.set(value, `a ${n} metamethod`);
}

/** Assigns `value` to a name, member or index target. */
export function assignTo(ctx: CheckContext, target: Expression, value: Type, node: Expression | undefined): void {
  if (target.type === 'Identifier') {
    const sym = ctx.binding.resolved.get(target);
    if (!sym) { ctx.frame.flow.forgetPaths(`g:${target.name}`); return; }
    assignLocal(ctx, sym, target, value, node);
    return;
  }
  if (target.type === 'MemberExpression' || target.type === 'IndexExpression') {
    assignField(ctx, target, value, node);
    const key = refKey(ctx, target);
    if (key?.path !== undefined) {
      ctx.frame.flow.forgetPaths(key.path + '.');
      ctx.frame.flow.setPath(key.path, widenLocal(value));
    }
  }
}

function assignLocal(ctx: CheckContext, sym: LuaSymbol, target: Identifier, value: Type, node: Expression | undefined): void {
  const declared = sym.declaredType;
  if (declared) checkAssignType(ctx, sym.name, node ?? target, value, declared);
  const t = declared ? (mayBeNil(value) ? declared : narrowDeclared(declared, value)) : widenLocal(value);
  ctx.frame.flow.assigned(sym);
  ctx.frame.flow.setVar(sym, t);
}

function narrowDeclared(declared: Type, value: Type): Type {
  return mayBeNil(declared) && !mayBeNil(value) && value.kind !== 'any' ? nonNil(declared) : declared;
}

/**
 * `self` in `function T:m()`: T when T is a `---@class` or a declared type; for a plain table (often
 * a methods table shared through `__index`) the instances have fields the table does not, so any.
 */
function selfTypeOf(ctx: CheckContext, owner: Type): Type | undefined {
  const d = ctx.deref(owner);
  if (d.kind !== 'record') return owner;
  const info = ctx.tables.get(d);
  return !info || info.cls ? owner : undefined;
}

function functionStatement(ctx: CheckContext, fn: FunctionDeclaration): void {
  const id = fn.identifier;
  if (!id) { checkFunction(ctx, fn); return; }
  if (id.type === 'Identifier') {
    const declared = ctx.binding.declared.get(id);
    const sym = declared ?? ctx.binding.resolved.get(id);
    const t = checkFunction(ctx, fn, { onProvisional: (p) => { if (declared) declared.type = p; } });
    if (declared) declared.type = t;
    else if (sym) {
      ctx.frame.flow.assigned(sym);
      ctx.frame.flow.setVar(sym, t);
    }
    ctx.nodeTypes.set(id, t);
    return;
  }
  const owner = typeOf(ctx, id.base);
  const selfType = id.indexer === ':' ? selfTypeOf(ctx, owner) : undefined;
  const t = checkFunction(ctx, fn, { selfType });
  assignField(ctx, { ...id, indexer: '.' }, t, fn, owner);
  ctx.nodeTypes.set(id, t);
}
