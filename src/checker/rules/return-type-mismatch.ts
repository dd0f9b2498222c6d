// return-type-mismatch: a `return` whose values contradict the function's `---@return` lines
// (a value of another type, a missing required value, or more values than declared).
import type { ReturnStatement } from 'luaparse';
import type { Type } from '../../types/type';
import type { CheckContext } from '../context';
import { mayBeNil } from '../type-ops';
import { explainMismatch } from './mismatch';

export function checkReturnTypes(ctx: CheckContext, st: ReturnStatement, values: { types: readonly Type[]; rest?: Type }): void {
  const declared = ctx.frame.declaredReturns;
  if (!declared) return;
  const n = values.types.length;
  for (let i = 0; i < Math.min(n, declared.length); i++) {
    const node = st.arguments[Math.min(i, st.arguments.length - 1)];
    const m = explainMismatch(ctx, i < st.arguments.length ? node : undefined, values.types[i]!, declared[i]!);
    if (m) {
      ctx.report('return-type-mismatch', i < st.arguments.length ? m.range : st.range, {
        index: i + 1, expected: m.variant ? `${m.expected} (field '${m.field}')` : m.expected, got: m.got || 'a table',
      });
      return;
    }
  }
  if (values.rest) return;
  const required = declared.reduce((acc, t, i) => (mayBeNil(ctx.deref(t)) || ctx.deref(t).kind === 'any' ? acc : i + 1), 0);
  if (n < required || n > declared.length) {
    ctx.report('return-type-mismatch', st, { variant: 'count', expected: declared.length, got: n });
  }
}
