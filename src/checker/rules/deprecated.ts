// deprecated: use of a member (or global) marked deprecated; the note says what to use instead.
import type { CheckContext } from '../context';

export function reportDeprecated(ctx: CheckContext, at: { range: [number, number] }, name: string, note: string): void {
  ctx.report('deprecated', at, note ? { name, note } : { name, variant: 'plain' }, { tags: ['deprecated'] });
}
