// Writes to `t.name` / `t[k]`: grow the tables the checker follows, check annotated and declared
// fields, refuse module tables (readonly-assign).
import type { Expression, IndexExpression, MemberExpression } from 'luaparse';
import { hasOwn } from '../types/own-props';
import type { Type } from '../types/type';
import type { CheckContext } from './context';
import { typeOf } from './expressions';
import { HOLE } from './parse';
import { decodeLuaString } from './positions';
import { checkAssignType } from './rules/assign-type-mismatch';
import { checkNil } from './rules/need-check-nil';
import { checkReadonlyAssign } from './rules/readonly-assign';
import { reportUndefinedField } from './rules/undefined-field';
import { nonNil, unionOf, widen } from './type-ops';

export function assignField(ctx: CheckContext, target: MemberExpression | IndexExpression, value: Type, node: Expression | undefined, ownerType?: Type): void {
  const base = ownerType ?? typeOf(ctx, target.base);
  checkNil(ctx, target.base, base, 'index');
  let name: string | undefined;
  let at: { range: [number, number] };
  if (target.type === 'MemberExpression') { name = target.identifier.name; at = target.identifier; }
  else {
    const k = typeOf(ctx, target.index);
    at = target.index;
    if (target.index.type === 'StringLiteral') name = decodeLuaString(target.index.raw);
    else if (!(k.kind === 'literal' && typeof k.value === 'number')) {
      const info = ctx.tableInfo(ctx.deref(nonNil(base)));
      if (info && !info.cls) info.open = true;
    }
  }
  if (name === undefined || name === HOLE) return;
  if (checkReadonlyAssign(ctx, base, name, target)) return;
  const d = ctx.deref(nonNil(base));
  ctx.nodeTypes.set(target, value);
  if (d.kind === 'record') {
    const info = ctx.tables.get(d);
    const has = hasOwn(d.fields, name);
    const slot = has ? d.fields[name] : undefined;
    if (info && !info.cls) {
      ctx.setField(d, name, slot ? unionOf([slot.type, widen(value)]) : widen(value));
      return;
    }
    // Replacing or adding a standard library function (`os.exit = function() end` in a test,
    // `table.unpack = table.unpack or unpack` in a compatibility shim) is deliberate.
    if (!info && target.base.type === 'Identifier' && ctx.isStandardFunction(target.base)) return;
    if (slot && (!info || info.declared?.has(name))) {
      checkAssignType(ctx, `${ctx.sourceOf(target.base)}.${name}`, node ?? target, value, slot.optional ? { kind: 'optional', type: slot.type } : slot.type);
      return;
    }
    if (info) { if (!slot) ctx.setField(d, name, widen(value)); return; }
    // Another project file's table (a module extended by its user): a plain Lua table, never changed here.
    if (!slot && isProjectTable(ctx, d)) return;
    if (!slot && !d.open && !d.indexer) reportUndefinedField(ctx, { owner: d.name ?? 'table', candidates: Object.keys(d.fields) }, name, at);
    return;
  }
  if (d.kind === 'interface' && !hasOwn(d.methods, name) && !(d.fields && hasOwn(d.fields, name))) {
    reportUndefinedField(ctx, { owner: d.name, candidates: [...Object.keys(d.methods), ...Object.keys(d.fields ?? {})] }, name, at);
  }
}

/** A table another project file built (a required module's table or a value from it). */
function isProjectTable(ctx: CheckContext, t: Type): boolean {
  if (t.kind !== 'record' || !ctx.config.project) return false;
  return ctx.moduleTables.get(t)?.file !== undefined || ctx.config.project.moduleOfType(t) !== undefined;
}
