// method-call-style: `t.method()` on an interface method (needs `:`), or `m:fn()` on a plain module
// function (needs `.`). Only for declared (manifest) functions: user code may pass `self` by hand.
// When it fires, the argument checks are skipped (they would only repeat the problem).
import type { Expression } from 'luaparse';
import type { FunctionType } from '../../types/type';
import type { CheckContext } from '../context';
import type { MemberLookup } from '../members';

export function checkMethodCallStyle(ctx: CheckContext, fn: FunctionType, isMethod: boolean, lookup: MemberLookup | undefined, name: string, base: Expression): boolean {
  if (!lookup || base.type !== 'MemberExpression' || lookup.viaString) return false;
  const first = fn.params[0];
  const takesSelf = !!first && (first.type.kind === 'self' || first.name === 'self');
  const owner = ctx.sourceOf(base.base);
  if (isMethod && !takesSelf) {
    ctx.report('method-call-style', base, { name, owner, variant: 'function' }, { data: { replace: '.' } });
    return true;
  } else if (!isMethod && takesSelf && lookup.viaInterface) {
    ctx.report('method-call-style', base, { name, owner }, { data: { replace: ':' } });
    return true;
  }
  return false;
}
