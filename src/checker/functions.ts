// Function bodies: parameter types (from `---@param`, the expected callback type, or any), the
// implicit `self` of methods, and the returns (from `---@return`, or inferred from the body).
import type { FunctionDeclaration } from 'luaparse';
import type { FunctionType, Param, Type } from '../types/type';
import type { CheckContext, Frame } from './context';
import { Flow } from './flow';
import { checkBlock } from './statements';
import { ANY, NEVER, NIL, mayBeNil, unionOf, widen } from './type-ops';

export interface FunctionOptions {
  /** The receiver's type for `function t:m()` (the implicit `self`). */
  readonly selfType?: Type;
  /** Called with the provisional type before the body is checked (for recursion). */
  readonly onProvisional?: (t: FunctionType) => void;
}

/** Checks `fn`'s body and returns its type. */
export function checkFunction(ctx: CheckContext, fn: FunctionDeclaration, options: FunctionOptions = {}): FunctionType {
  const block = ctx.annotations.byLine.get(ctx.lines.lineOf(fn.range[0]));
  const contextual = ctx.contextualFns.get(fn);
  const params: Param[] = [];
  let variadic: Type | undefined;
  const selfSym = ctx.binding.selfOf.get(fn);
  if (selfSym) {
    selfSym.type = options.selfType ?? ANY;
    params.push({ name: 'self', type: options.selfType ?? ANY });
  }
  fn.parameters.forEach((p, i) => {
    if (p.type === 'VarargLiteral') {
      variadic = block?.params.get('...')?.type ?? contextual?.variadic ?? ANY;
      return;
    }
    const annotated = block?.params.get(p.name);
    const type = annotated?.type ?? contextual?.params[i]?.type ?? ANY;
    const sym = ctx.binding.declared.get(p);
    if (sym) { sym.declaredType = annotated?.type; sym.type = type; }
    params.push({ name: p.name, type, optional: annotated ? annotated.optional : true });
  });
  const declared = block && block.returns.length > 0 && fn.range[0] >= block.start ? block.returns : undefined;
  const generics = block?.generics && fn.range[0] >= block.start ? { typeParams: block.generics } : {};
  const provisional: FunctionType = declared
    ? { kind: 'function', ...generics, params, variadic, returns: declared }
    : { kind: 'function', ...generics, params, variadic, returns: [], variadicReturn: ANY };
  ctx.userFunctions.add(provisional);
  options.onProvisional?.(provisional);

  const outer = ctx.frame;
  const frame: Frame = {
    fn, flow: new Flow(), returns: [], declaredReturns: declared, varargType: variadic,
    nonYieldable: ctx.nonYieldableFns.get(fn),
  };
  // Locals of outer functions that are never reassigned keep their narrowing inside the closure
  // (`local x = f(); assert(x); return function() return x.y end`).
  for (const [sym, t] of outer.flow.vars) if (sym.writes.length === 0 && sym.owner !== fn) frame.flow.setVar(sym, t);
  ctx.frame = frame;
  checkBlock(ctx, fn.body);
  ctx.frame = outer;

  const result: FunctionType = declared
    ? provisional
    : { ...inferredType(params, variadic, frame.returns, !frame.flow.dead), ...generics };
  ctx.userFunctions.add(result);
  ctx.functionTypes.set(fn, result);
  const together = declared ? 0 : returnsTogether(frame.returns);
  if (together >= 2) ctx.togetherFunctions.set(result, together);
  if (block?.overloads && fn.range[0] >= block.start) {
    ctx.overloads.set(result, block.overloads);
    ctx.overloads.set(provisional, block.overloads);
  }
  if (block?.deprecated !== undefined && fn.range[0] >= block.start) {
    ctx.deprecatedFunctions.set(result, block.deprecated);
    ctx.deprecatedFunctions.set(provisional, block.deprecated);
  }
  return result;
}

/**
 * How many leading values are set whenever the first is (`if not ok then return nil, err end ...
 * return name, args, types`): every `return` whose first value is set gives them all set, and at
 * least one does; 0 when not even the second follows.
 */
function returnsTogether(returns: Frame['returns']): number {
  const set = returns.filter((r) => !mayBeNil(r.types[0] ?? r.rest ?? NIL));
  if (set.length === 0 || set.length === returns.length && returns.length === 0) return 0;
  if (returns.some((r) => { const f = r.types[0] ?? r.rest ?? NIL; return mayBeNil(f) && f.kind !== 'nil'; })) return 0;
  const width = Math.min(...set.map((r) => r.types.length));
  let n = 1;
  for (let i = 1; i < width && set.every((r) => !mayBeNil(r.types[i]!)); i++) n = i + 1;
  return n >= 2 ? n : 0;
}

/**
 * The function type with returns inferred from the body's `return` statements: each position is the
 * union of what every return gives there (nil when a return gives fewer values, or when the end of
 * the body is reachable); a return ending in `...T` gives T at every later position and makes the
 * function's returns open-ended too.
 */
function inferredType(params: Param[], variadic: Type | undefined, returns: Frame['returns'], endReachable: boolean): FunctionType {
  const base: FunctionType = { kind: 'function', params, variadic, returns: [] };
  // No return and an unreachable end: every path raises (or loops forever): it never returns.
  if (returns.length === 0) return endReachable ? base : { ...base, returns: [NEVER] };
  const n = Math.max(...returns.map((r) => r.types.length));
  const fixed: Type[] = [];
  for (let i = 0; i < n; i++) {
    const parts = returns.map((r) => r.types[i] ?? r.rest ?? NIL);
    if (endReachable) parts.push(NIL);
    fixed.push(widen(unionOf(parts)));
  }
  const rests = returns.flatMap((r) => (r.rest ? [r.rest] : []));
  if (rests.length === 0) return { ...base, returns: fixed };
  if (rests.length < returns.length || endReachable) rests.push(NIL);
  return { ...base, returns: fixed, variadicReturn: widen(unionOf(rests)) };
}
