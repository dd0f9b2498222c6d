// Expression types: literals, names, members, indexing, operators, table constructors. Calls are
// in calls.ts, function bodies in functions.ts, conditions in narrowing.ts.
import type { Expression, Identifier, IndexExpression, MemberExpression } from 'luaparse';
import type { Type } from '../types/type';
import type { LuaSymbol } from './binder';
import { callTypes } from './calls';
import type { CheckContext } from './context';
import { checkFunction } from './functions';
import { indexedValueType, lookupMember } from './members';
import { condition } from './narrowing';
import { HOLE } from './parse';
import { decodeLuaString } from './positions';
import { reportUndefinedField } from './rules/undefined-field';
import { checkNil } from './rules/need-check-nil';
import { reportDeprecated } from './rules/deprecated';
import { globalType } from './globals';
import { tableConstructorType } from './tables';
import { ANY, BOOLEAN, INTEGER, NIL, NUMBER, STRING, isIntegerLike, nonNil } from './type-ops';

/** The type of `e`'s first value. */
export function typeOf(ctx: CheckContext, e: Expression): Type {
  const t = compute(ctx, e);
  return t;
}

/** The types of a list of expressions, the last one expanded to all its values. */
export function typesOf(ctx: CheckContext, list: readonly Expression[]): { types: Type[]; rest?: Type } {
  const types: Type[] = [];
  for (let i = 0; i < list.length; i++) {
    const e = list[i]!;
    if (i === list.length - 1 && isMulti(e)) {
      const r = multi(ctx, e);
      types.push(...r.types);
      return { types, rest: r.rest };
    }
    types.push(typeOf(ctx, e));
  }
  return { types };
}

/** All values of an expression (calls and `...` may give several). */
export function multi(ctx: CheckContext, e: Expression): { types: Type[]; rest?: Type } {
  if (e.type === 'VarargLiteral') return { types: [], rest: ctx.frame.varargType ?? ANY };
  if (e.type === 'CallExpression' || e.type === 'StringCallExpression' || e.type === 'TableCallExpression') {
    const r = callTypes(ctx, e);
    ctx.setType(e, r.types[0] ?? r.rest ?? NIL);
    return r;
  }
  return { types: [typeOf(ctx, e)] };
}

export function isMulti(e: Expression): boolean {
  return e.type === 'CallExpression' || e.type === 'StringCallExpression' || e.type === 'TableCallExpression' || e.type === 'VarargLiteral';
}

function compute(ctx: CheckContext, e: Expression): Type {
  switch (e.type) {
    case 'StringLiteral': return { kind: 'literal', value: decodeLuaString(e.raw) };
    case 'NumericLiteral': return isFloatLiteral(e.raw) ? NUMBER : { kind: 'literal', value: e.value };
    case 'BooleanLiteral': return { kind: 'literal', value: e.value };
    case 'NilLiteral': return NIL;
    case 'VarargLiteral': return ctx.frame.varargType ?? ANY;
    case 'Identifier': {
      const t = identifierType(ctx, e);
      ctx.setType(e, t);
      return t;
    }
    case 'FunctionDeclaration': return checkFunction(ctx, e);
    case 'TableConstructorExpression': return tableConstructorType(ctx, e);
    case 'MemberExpression': {
      const t = memberType(ctx, e);
      ctx.setType(e, t);
      return t;
    }
    case 'IndexExpression': {
      const t = indexType(ctx, e);
      ctx.setType(e, t);
      return t;
    }
    case 'CallExpression': case 'StringCallExpression': case 'TableCallExpression': {
      const r = multi(ctx, e);
      // A call that returns only `...T` may strictly give no value at all; like LuaLS, its first
      // value counts as a T (not T?), or every `string.byte(s)` would need a nil check.
      return r.types[0] ?? r.rest ?? NIL;
    }
    case 'LogicalExpression': return condition(ctx, e).type;
    case 'UnaryExpression': {
      const a = typeOf(ctx, e.argument);
      if (e.operator === 'not') return BOOLEAN;
      checkNil(ctx, e.argument, a, e.operator === '#' ? 'length' : 'arithmetic');
      if (e.operator === '-') return isIntegerLike(ctx.deref(a)) ? INTEGER : NUMBER;
      return INTEGER;
    }
    case 'BinaryExpression': {
      const l = typeOf(ctx, e.left);
      const r = typeOf(ctx, e.right);
      switch (e.operator) {
        case '..': return STRING;
        case '==': case '~=': case '<': case '>': case '<=': case '>=': return BOOLEAN;
        case '&': case '|': case '~': case '<<': case '>>':
          checkNil(ctx, e.left, l, 'arithmetic'); checkNil(ctx, e.right, r, 'arithmetic');
          return INTEGER;
        default:
          checkNil(ctx, e.left, l, 'arithmetic'); checkNil(ctx, e.right, r, 'arithmetic');
          if (e.operator === '/' || e.operator === '^') return NUMBER;
          return isIntegerLike(ctx.deref(nonNil(l))) && isIntegerLike(ctx.deref(nonNil(r))) ? INTEGER : NUMBER;
      }
    }
    default: return ANY;
  }
}

function isFloatLiteral(raw: string): boolean {
  const hex = raw.length > 1 && raw.charCodeAt(0) === 0x30 /* 0 */ && (raw.charCodeAt(1) | 0x20) === 0x78 /* x */;
  for (let i = hex ? 2 : 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i) | 0x20; // lower case for letters; '.' stays '.'
    if (c === 0x2e /* . */ || c === (hex ? 0x70 /* p */ : 0x65 /* e */)) return true;
  }
  return false;
}

function identifierType(ctx: CheckContext, id: Identifier): Type {
  if (id.name === HOLE) return ANY;
  const sym = ctx.binding.resolved.get(id);
  if (sym) {
    const t = ctx.symbolType(sym);
    if (ctx.deprecatedFunctions.size > 0 && ctx.deprecatedFunctions.has(t)) reportDeprecated(ctx, id, id.name, ctx.deprecatedFunctions.get(t)!);
    return t;
  }
  const narrowed = ctx.frame.flow.paths.get(`g:${id.name}`);
  return narrowed ?? globalType(ctx, id);
}

/** The narrowing key of a name or member path rooted at a name, if it has one. */
export function refKey(ctx: CheckContext, e: Expression): { sym?: LuaSymbol; path?: string } | undefined {
  if (e.type === 'Identifier') {
    const sym = ctx.binding.resolved.get(e);
    return sym ? { sym } : { path: `g:${e.name}` };
  }
  if (e.type === 'MemberExpression' && e.indexer === '.') {
    const base = refKey(ctx, e.base);
    if (!base) return undefined;
    return { path: `${base.sym ? base.sym.id : base.path}.${e.identifier.name}` };
  }
  return undefined;
}

function memberType(ctx: CheckContext, e: MemberExpression): Type {
  const base = typeOf(ctx, e.base);
  const key = e.indexer === '.' && ctx.frame.flow.paths.size > 0 ? refKey(ctx, e) : undefined;
  const narrowed = key?.path !== undefined ? ctx.frame.flow.paths.get(key.path) : undefined;
  checkNil(ctx, e.base, base, 'index');
  if (narrowed) return narrowed;
  // Taking a standard library function this version lacks (`local mtype = math.type`, passing
  // `math.tointeger` on) is a feature capture; calling it is what fails.
  const capture = ctx.callee !== e && e.base.type === 'Identifier' && ctx.isStandardFunction(e.base);
  return memberOf(ctx, base, e.identifier, ctx.probes.has(e) || capture);
}

/** The type of `base.name`, reporting undefined-field and deprecated at `name`. */
export function memberOf(ctx: CheckContext, base: Type, name: Identifier, probe = false): Type {
  if (name.name === HOLE) return ANY;
  const r = lookupMember(ctx, base, name.name);
  if (r.missing && !probe) reportUndefinedField(ctx, r.missing, name.name, name);
  if (r.field?.deprecated !== undefined) reportDeprecated(ctx, name, name.name, r.field.deprecated);
  else if (ctx.deprecatedFunctions.size > 0 && ctx.deprecatedFunctions.has(r.type)) reportDeprecated(ctx, name, name.name, ctx.deprecatedFunctions.get(r.type)!);
  return r.type;
}

function indexType(ctx: CheckContext, e: IndexExpression): Type {
  const base = typeOf(ctx, e.base);
  const index = typeOf(ctx, e.index);
  checkNil(ctx, e.base, base, 'index');
  if (index.kind === 'literal' && typeof index.value === 'string' && e.index.type === 'StringLiteral') {
    const r = lookupMember(ctx, base, index.value);
    if (r.missing && !ctx.probes.has(e)) reportUndefinedField(ctx, r.missing, index.value, e.index);
    return r.type;
  }
  return indexedValueType(ctx, base);
}
