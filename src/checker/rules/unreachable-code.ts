// unreachable-code: statements after `return`, `break`, `goto`, `error()` or a loop that never ends.
import type { Statement } from 'luaparse';
import type { CheckContext } from '../context';

export function reportUnreachable(ctx: CheckContext, rest: readonly Statement[]): void {
  const first = rest[0]!;
  const last = rest[rest.length - 1]!;
  ctx.report('unreachable-code', [first.range[0], last.range[1]], {}, { tags: ['unnecessary'] });
}
