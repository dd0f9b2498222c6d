// unknown-module: `require` of a name no module or manifest provides.
import type { CheckContext } from '../context';
import { suggest } from '../suggest';

export function reportUnknownModule(ctx: CheckContext, name: string, at: { range: [number, number] }): void {
  const suggestion = ctx.suggestionBudget-- > 0 ? suggest(name, ctx.env.moduleNames()) : undefined;
  ctx.report('unknown-module', at, { name, suggestion }, suggestion ? { data: { suggestions: [suggestion] } } : {});
}
