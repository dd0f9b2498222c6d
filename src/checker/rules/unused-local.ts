// unused-local: a local, local function or parameter that is never read. Names starting with `_`
// are exempt, and so is the implicit `self`.
import type { LuaSymbol } from '../binder';
import type { CheckContext } from '../context';

export function checkUnusedLocals(ctx: CheckContext, symbols: readonly LuaSymbol[]): void {
  for (const s of symbols) {
    if (s.reads.length > 0 || s.name.startsWith('_') || s.kind === 'self' || s.kind === 'label') continue;
    if (s.kind === 'for' || s.kind === 'vararg') continue;
    const variant = s.kind === 'param' ? 'param' : s.kind === 'function' ? 'function' : undefined;
    ctx.report('unused-local', s.decl, { name: s.name, variant }, { tags: ['unnecessary'] });
  }
}
