// not-yieldable: a `yields` host function called where Lua cannot yield: a `table.sort` comparator,
// a `string.gsub` callback, or a `__gc`/`__tostring` metamethod.
import type { FunctionType } from '../../types/type';
import type { CheckContext } from '../context';

export function checkYieldable(ctx: CheckContext, fn: FunctionType, name: string, at: { range: [number, number] }): void {
  if (!fn.yields || !ctx.frame.nonYieldable) return;
  ctx.report('not-yieldable', at, { name, context: ctx.frame.nonYieldable });
}
