// unknown-module: `require` of a name no module, manifest, project file or `runtime.external` provides.
import type { CheckContext } from '../context';
import { suggest } from '../suggest';

/** Reports `require(name)`; `tried` (relative to the project root) are the files the resolver looked for. */
export function reportUnknownModule(ctx: CheckContext, name: string, at: { range: [number, number] }, tried?: readonly string[]): void {
  const candidates = [...ctx.env.moduleNames(), ...(ctx.config.project?.moduleNames() ?? [])];
  const suggestion = ctx.suggestionBudget-- > 0 ? suggest(name, candidates) : undefined;
  const files = tried?.length ? { variant: 'tried', tried: tried.map((t) => `'${t}'`).join(', ') } : {};
  ctx.report('unknown-module', at, { name, suggestion, ...files }, suggestion ? { data: { suggestions: [suggestion] } } : {});
}
