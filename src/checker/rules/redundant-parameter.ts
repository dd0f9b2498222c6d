// redundant-parameter: more written arguments than the function has parameters (and no `...`).
import type { CheckContext } from '../context';
import type { CallInfo } from './call-info';

export function checkRedundantParameters(ctx: CheckContext, c: CallInfo): void {
  if (c.fn.variadic) return;
  const max = c.params.length;
  if (c.args.length <= max) return;
  const first = c.args[max]!;
  const last = c.args[c.args.length - 1]!;
  ctx.report('redundant-parameter', [first.range[0], last.range[1]], { max, got: c.args.length }, { tags: ['unnecessary'] });
}
