// Class inheritance (`---@class Dog : Animal`): a class has its parents' members. The fields the
// parents declare (`---@field`) are copied into the class before checking, so table constructors
// and assignments are checked against all of them; members the parents gain while the file is
// checked (`function Animal:speak()`) are found by following the parents at lookup.
import { hasOwn } from '../types/own-props';
import type { Field, RecordType, Type } from '../types/type';
import type { CheckContext } from './context';

/** The parents of a class, resolved (unknown names are left out: annotation-error reports them). */
export function classParents(ctx: CheckContext, cls: RecordType): Type[] {
  const names = ctx.annotations.classParents.get(cls);
  if (!names) return [];
  const out: Type[] = [];
  for (const name of names) {
    const t = ctx.resolve(name);
    if (t && t !== cls) out.push(ctx.deref(t));
  }
  return out;
}

/** Copies each class's inherited `---@field`s into it (parents first; a class's own field wins). */
export function inheritDeclaredFields(ctx: CheckContext): void {
  const done = new Set<RecordType>();
  const visit = (cls: RecordType, path: Set<RecordType>): void => {
    if (done.has(cls) || path.has(cls)) return;
    path.add(cls);
    for (const parent of classParents(ctx, cls)) {
      if (parent.kind !== 'record') continue;
      visit(parent, path);
      for (const [name, field] of Object.entries(parent.fields)) {
        if (!hasOwn(cls.fields, name)) (cls.fields as Record<string, Field>)[name] = field;
      }
    }
    done.add(cls);
  };
  for (const cls of ctx.annotations.classParents.keys()) visit(cls, new Set());
}
