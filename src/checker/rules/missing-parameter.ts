// missing-parameter: fewer arguments than required parameters (a parameter is required when it is
// not optional and its type does not accept nil).
import { showType } from '../display';
import type { CheckContext } from '../context';
import { mayBeNil } from '../type-ops';
import type { CallInfo } from './call-info';

export function checkMissingParameters(ctx: CheckContext, c: CallInfo): void {
  if (c.values.rest) return;
  const got = c.values.types.length;
  let min = 0;
  c.params.forEach((p, i) => { if (isRequired(ctx, p)) min = i + 1; });
  if (got >= min) return;
  const p = c.params[got]!;
  const end = c.call.range[1];
  ctx.report('missing-parameter', [Math.max(c.call.base.range[1], end - 1), end], {
    param: p.name, expected: showType(p.type), min, got,
  });
}

function isRequired(ctx: CheckContext, p: CallInfo['params'][number]): boolean {
  if (p.optional) return false;
  const t = ctx.deref(p.type);
  return t.kind !== 'any' && t.kind !== 'unknown' && t.kind !== 'nil' && !mayBeNil(t);
}
