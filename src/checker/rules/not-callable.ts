// not-callable: calling a value whose type is certainly not a function (string, number, boolean,
// nil, a table without a metatable, an interface without `__call`).
import { hasOwn } from '../../types/own-props';
import type { Type } from '../../types/type';
import { showType } from '../display';
import type { CheckContext } from '../context';
import { members } from '../type-ops';

/**
 * Reports when no part of `t` can be called; returns true when it did. A hook initialised to
 * `false` for users to replace (`M.callback = false`, then `if M.callback then M.callback(x) end`;
 * or a local assigned elsewhere) holds a boolean until then: not reported (`hook`).
 */
export function checkCallable(ctx: CheckContext, t: Type, name: string, at: { range: [number, number] }, hook = false): boolean {
  const parts = members(t).filter((m) => m.kind !== 'nil');
  if (parts.length === 0) return false;
  if (hook && parts.every((m) => m.kind === 'boolean' || (m.kind === 'literal' && typeof m.value === 'boolean'))) return false;
  for (const m of parts) {
    const d = ctx.deref(m);
    switch (d.kind) {
      case 'string': case 'number': case 'integer': case 'boolean': case 'literal': case 'array': case 'map': break;
      case 'record': if (ctx.readTableInfo(d)?.metatable || d.open || hasOwn(d.fields, '__call')) return false; break;
      case 'interface': if (hasOwn(d.methods, '__call')) return false; break;
      default: return false;
    }
  }
  ctx.report('not-callable', at, { name, got: showType(t) });
  return true;
}
