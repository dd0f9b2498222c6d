// undefined-field: a member that a module, interface, closed record or inferred table does not have.
// Inferred tables are decided at the end of the file (a field may be assigned further down).
import { hasOwn } from '../../types/own-props';
import type { CheckContext } from '../context';
import type { MemberLookup } from '../members';
import { suggest } from '../suggest';

export function reportUndefinedField(ctx: CheckContext, missing: NonNullable<MemberLookup['missing']>, name: string, at: { range: [number, number] }): void {
  if (missing.deferTo) {
    ctx.pendingFields.push({ table: missing.deferTo, name, owner: missing.owner, start: at.range[0], end: at.range[1] });
    return;
  }
  const suggestion = suggest(name, missing.candidates);
  ctx.report('undefined-field', at, { owner: missing.owner, name, suggestion }, suggestion ? { data: { suggestions: [suggestion] } } : {});
}

/** Reports the reads of inferred-table fields that were never assigned anywhere in the file. */
export function flushPendingFields(ctx: CheckContext): void {
  for (const p of ctx.pendingFields) {
    if (hasOwn(p.table.fields, p.name)) continue;
    const info = ctx.tables.get(p.table);
    if (info?.open || info?.metatable) continue;
    const suggestion = suggest(p.name, Object.keys(p.table.fields));
    ctx.report('undefined-field', [p.start, p.end], { owner: p.owner, name: p.name, suggestion }, suggestion ? { data: { suggestions: [suggestion] } } : {});
  }
}
