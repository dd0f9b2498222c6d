// param-type-mismatch: an argument not assignable to its parameter, including the extra values of
// a variadic part and the fields of a table constructor passed for a record.
import type { CheckContext } from '../context';
import type { CallInfo } from './call-info';
import { explainMismatch } from './mismatch';
import type { Expression } from 'luaparse';
import { isConversion, mayBeNil, nonNil } from '../type-ops';

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
    const m = explainMismatch(ctx, i < c.args.length ? node : undefined, types[i]!, target);
    if (!m) continue;
    // A call's optional result passed straight on (`string.char(tonumber(h, 16))` after matching
    // `%x%x`): whether it can be nil depends on its input, which the checker cannot judge.
    if (node && i < c.args.length && (isCall(node) || isConversion(types[i]!)) && mayBeNil(types[i]!) && !explainMismatch(ctx, node, nonNil(types[i]!), target)) continue;
    ctx.report('param-type-mismatch', i < c.args.length ? m.range : node!.range, {
      variant: m.variant, index: i + 1, param: c.params[i]?.name ?? '...', field: m.field, expected: m.expected, got: m.got,
    });
  }
}
