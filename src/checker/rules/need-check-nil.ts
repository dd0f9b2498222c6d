// need-check-nil: indexing, calling, method call, arithmetic or `#` on a value that may be nil.
import type { Expression } from 'luaparse';
import type { Type } from '../../types/type';
import type { CheckContext } from '../context';
import { mayBeNil } from '../type-ops';

export type NilAction = 'index' | 'call' | 'method call' | 'arithmetic' | 'length';

/** Reports `expr` when its type `t` may be nil. */
export function checkNil(ctx: CheckContext, expr: Expression, t: Type, action: NilAction): void {
  if (!mayBeNil(t)) return;
  ctx.report('need-check-nil', expr, { name: ctx.sourceOf(expr), action });
}
