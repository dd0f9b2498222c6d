// undefined-global: a read of a global that no manifest, config or assignment in the file defines.
import type { Identifier } from 'luaparse';
import type { CheckContext } from '../context';
import { globalNames } from '../globals';
import { suggest } from '../suggest';

export function reportUndefinedGlobal(ctx: CheckContext, id: Identifier): void {
  let suggestion: string | undefined;
  if (ctx.suggestionBudget-- > 0) {
    const visible = ctx.binding.symbols.filter((s) => s.kind !== 'label' && s.scope.start <= id.range[0] && id.range[0] <= s.scope.end).map((s) => s.name);
    suggestion = suggest(id.name, [...(ctx.globalNameCache ??= globalNames(ctx)), ...visible]);
  }
  ctx.report('undefined-global', id, { name: id.name, suggestion }, suggestion ? { data: { suggestions: [suggestion] } } : {});
}
