// param-type-mismatch: an argument not assignable to its parameter, including the extra values of
// a variadic part and the fields of a table constructor passed for a record.
import type { CheckContext } from '../context';
import type { CallInfo } from './call-info';
import { explainMismatch } from './mismatch';

export function checkArgumentTypes(ctx: CheckContext, c: CallInfo): void {
  const { types } = c.values;
  for (let i = 0; i < types.length; i++) {
    const target = c.params[i]?.type ?? c.fn.variadic;
    if (!target) break;
    const node = c.args[Math.min(i, c.args.length - 1)];
    const m = explainMismatch(ctx, i < c.args.length ? node : undefined, types[i]!, target);
    if (!m) continue;
    ctx.report('param-type-mismatch', i < c.args.length ? m.range : node!.range, {
      variant: m.variant, index: i + 1, param: c.params[i]?.name ?? '...', field: m.field, expected: m.expected, got: m.got,
    });
  }
}
