// readonly-assign: writing into a module table (module exports are immutable at run time).
import type { Type } from '../../types/type';
import type { CheckContext } from '../context';

/** Reports when `base` is a module's export table; returns true when it did. */
export function checkReadonlyAssign(ctx: CheckContext, base: Type, name: string, at: { range: [number, number] }): boolean {
  const m = ctx.moduleTables.get(base);
  // A project file's table is a plain Lua table: its dependents may add fields to it.
  if (!m || m.file !== undefined) return false;
  ctx.report('readonly-assign', at, { name, module: m.name });
  return true;
}
