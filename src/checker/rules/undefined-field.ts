// undefined-field: a member that a module, interface, closed record or inferred table does not have.
// Inferred tables are decided at the end of the file (a field may be assigned further down).
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
 * Reports the reads of inferred-table fields that were never assigned anywhere in the file. On the
 * table the file returns as its module, callers may set fields (`M.debug = true`, options, hooks):
 * only a name that looks like a typo of an existing field (edit distance ≤ 2) is reported there.
 */
export function flushPendingFields(ctx: CheckContext, chunk: Chunk): void {
  const moduleTable = returnedTable(ctx, chunk);
  for (const p of ctx.pendingFields) {
    if (hasOwn(p.table.fields, p.name)) continue;
    const info = ctx.tables.get(p.table);
    if (info?.open || info?.metatable) continue;
    const suggestion = suggest(p.name, Object.keys(p.table.fields));
    if (p.table === moduleTable && !info?.cls && !suggestion) continue;
    ctx.report('undefined-field', [p.start, p.end], { owner: p.owner, name: p.name, suggestion }, suggestion ? { data: { suggestions: [suggestion] } } : {});
  }
}

/** The inferred table of the chunk's final `return name` (the file's module table), if any. */
function returnedTable(ctx: CheckContext, chunk: Chunk): RecordType | undefined {
  const last = chunk.body[chunk.body.length - 1];
  if (last?.type !== 'ReturnStatement' || last.arguments.length !== 1) return undefined;
  const t = ctx.nodeTypes.get(last.arguments[0]!);
  return t?.kind === 'record' && ctx.tables.has(t) ? t : undefined;
}
