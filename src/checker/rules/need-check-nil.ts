// need-check-nil: indexing, calling, method call, arithmetic or `#` on a value that may be nil.
import type { Expression } from 'luaparse';
import type { Type } from '../../types/type';
import type { CheckContext } from '../context';
import { isConversion, mayBeNil } from '../type-ops';

export type NilAction = 'index' | 'call' | 'method call' | 'arithmetic' | 'length';

/** Reports `expr` when its type `t` may be nil. */
export function checkNil(ctx: CheckContext, expr: Expression, t: Type, action: NilAction): void {
  if (!mayBeNil(t)) return;
  // A call's optional result used on the spot (`tonumber(s) + 1`, `s:match(p):upper()`): whether it
  // is nil depends on input the checker cannot judge (as for param-type-mismatch). Stored in a local
  // first, it is checked.
  if ((action === 'arithmetic' || action === 'method call' || action === 'index') && isCall(expr)) return;
  // A number conversion's result (`local n = tonumber(s, 16)`) in arithmetic: see CONVERTED_NUMBER.
  if (action === 'arithmetic' && isConversion(t)) return;
  ctx.report('need-check-nil', expr, { name: ctx.sourceOf(expr), action });
}

function isCall(e: Expression): boolean {
  return e.type === 'CallExpression' || e.type === 'StringCallExpression' || e.type === 'TableCallExpression';
}
