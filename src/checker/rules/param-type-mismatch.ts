// param-type-mismatch: an argument not assignable to its parameter, including the extra values of
// a variadic part and the fields of a table constructor passed for a record.
import type { CheckContext } from '../context';
import type { CallInfo } from './call-info';
import { explainMismatch } from './mismatch';
import type { Expression } from 'luaparse';
import type { FunctionType, Type } from '../../types/type';
import { STRING, isConversion, mayBeNil, members, nonNil } from '../type-ops';

/** Whether `fn` is one of the `string` library's functions (also reached as `s:gsub`, `local gsub = string.gsub`). */
function isStringLibrary(ctx: CheckContext, fn: FunctionType): boolean {
  const lib = ctx.env.globals().get('string');
  const t = lib && ctx.deref(lib.type);
  if (t?.kind !== 'record') return false;
  for (const f of Object.values(t.fields)) if (f.type === fn || ctx.deref(f.type) === fn) return true;
  return false;
}

function numbersAsStrings(t: Type): Type {
  if (t.kind === 'number' || t.kind === 'integer' || (t.kind === 'literal' && typeof t.value === 'number')) return STRING;
  if (t.kind === 'union') return { kind: 'union', types: t.types.map(numbersAsStrings) };
  if (t.kind === 'optional') return { kind: 'optional', type: numbersAsStrings(t.type) };
  return t;
}

function isCall(e: Expression): boolean {
  return e.type === 'CallExpression' || e.type === 'StringCallExpression' || e.type === 'TableCallExpression';
}

export function checkArgumentTypes(ctx: CheckContext, c: CallInfo): void {
  const { types } = c.values;
  for (let i = 0; i < types.length; i++) {
    const param = c.params[i];
    // An optional parameter may also be given nil explicitly (`s:sub(4, nil)`): Lua cannot tell.
    const target = param ? (param.optional && !mayBeNil(param.type) ? { kind: 'optional' as const, type: param.type } : param.type) : c.fn.variadic;
    if (!target) break;
    const node = c.args[Math.min(i, c.args.length - 1)];
    // The standard library's C functions convert numbers to strings (`string.gsub(404, ...)`).
    const slot = members(ctx.deref(target)).map((m) => ctx.deref(m).kind);
    const wantsText = slot.includes('string') && !slot.includes('number') && !slot.includes('integer');
    const value = wantsText && isStringLibrary(ctx, c.fn) ? numbersAsStrings(types[i]!) : types[i]!;
    const m = explainMismatch(ctx, i < c.args.length ? node : undefined, value, target);
    if (!m) continue;
    // A call's optional result passed straight on (`string.char(tonumber(h, 16))` after matching
    // `%x%x`): whether it can be nil depends on its input, which the checker cannot judge.
    if (node && i < c.args.length && (isCall(node) || isConversion(types[i]!)) && mayBeNil(types[i]!) && !explainMismatch(ctx, node, nonNil(types[i]!), target)) continue;
    ctx.report('param-type-mismatch', i < c.args.length ? m.range : node!.range, {
      variant: m.variant, index: i + 1, param: c.params[i]?.name ?? '...', field: m.field, expected: m.expected, got: m.got,
    });
  }
}
