// undefined-field: a member that a module, interface, closed record or inferred table does not have.
// Inferred tables are decided at the end of the file (a field may be assigned further down).
import { eachNode } from '../each-node';
import type { Chunk } from 'luaparse';
import { hasOwn } from '../../types/own-props';
import type { RecordType } from '../../types/type';
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

/**
 * Reports the reads of inferred-table fields that were never assigned anywhere in the file. On a
 * table the file (or one of its functions) returns, such as its module table, callers may set
 * fields (`M.debug = true`, options, hooks): only a name that looks like a typo of an existing
 * field (edit distance ≤ 2) is reported there.
 */
export function flushPendingFields(ctx: CheckContext, chunk: Chunk): void {
  const returned = ctx.pendingFields.length ? returnedTables(ctx, chunk) : new Set<RecordType>();
  for (const p of ctx.pendingFields) {
    if (hasOwn(p.table.fields, p.name)) continue;
    const info = ctx.tables.get(p.table);
    if (info?.open || info?.metatable) continue;
    const suggestion = suggest(p.name, Object.keys(p.table.fields));
    if (returned.has(p.table) && !info?.cls && !suggestion) continue;
    ctx.report('undefined-field', [p.start, p.end], { owner: p.owner, name: p.name, suggestion }, suggestion ? { data: { suggestions: [suggestion] } } : {});
  }
}

/** The inferred tables that `return name` statements give back (the file's module table among them). */
function returnedTables(ctx: CheckContext, chunk: Chunk): Set<RecordType> {
  const out = new Set<RecordType>();
  eachNode(chunk.body, (n) => {
    if (n.type !== 'ReturnStatement') return;
    for (const a of n.arguments) {
      const t = a.type === 'Identifier' ? ctx.nodeTypes.get(a) : undefined;
      if (t?.kind === 'record' && ctx.tables.has(t)) out.add(t);
    }
  });
  return out;
}
