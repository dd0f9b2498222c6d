// Table constructors: arrays (`{1, 2}` → integer[]), records (`{a = 1}`), mixed tables; the
// result is a table the checker follows (fields added by later assignments).
import type { TableConstructorExpression } from 'luaparse';
import type { Field, RecordType, Type } from '../types/type';
import type { CheckContext } from './context';
import { typeOf, isMulti, multi } from './expressions';
import { decodeLuaString } from './positions';
import { checkDuplicateIndex } from './rules/duplicate-index';
import { ANY, INTEGER, newTableType, nonNil, unionOf, widen } from './type-ops';

const NON_YIELDABLE_METAMETHODS: Record<string, string> = { __gc: 'a __gc metamethod', __tostring: 'a __tostring metamethod' };

export function tableConstructorType(ctx: CheckContext, e: TableConstructorExpression): Type {
  checkDuplicateIndex(ctx, e);
  const positional: Type[] = [];
  const table: RecordType = newTableType();
  const fields = table.fields as Record<string, Field>;
  let open = false;
  for (let i = 0; i < e.fields.length; i++) {
    const f = e.fields[i]!;
    if (f.type === 'TableValue') {
      if (i === e.fields.length - 1 && isMulti(f.value)) {
        const r = multi(ctx, f.value);
        const all = [...r.types, ...(r.rest ? [r.rest] : [])].map(widen);
        // `{s:find(p)}`: values of different kinds (positions, captures) at known places; one
        // element type for all of them would be wrong at every place: the elements are any.
        positional.push(new Set(all.map((t) => JSON.stringify(nonNil(t)))).size > 1 ? ANY : unionOf(all));
      } else positional.push(widen(typeOf(ctx, f.value)));
      continue;
    }
    let name: string | undefined;
    if (f.type === 'TableKeyString') name = f.key.name;
    else {
      const k = typeOf(ctx, f.key);
      if (f.key.type === 'StringLiteral') name = decodeLuaString(f.key.raw);
      else if (k.kind !== 'literal' || typeof k.value !== 'number') open = true;
    }
    if (name !== undefined && f.value.type === 'FunctionDeclaration' && NON_YIELDABLE_METAMETHODS[name]) {
      ctx.nonYieldableFns.set(f.value, NON_YIELDABLE_METAMETHODS[name]!);
    }
    const t = typeOf(ctx, f.value);
    ctx.nodeTypes.set(f.value, t);
    // A named table stored in another (`{t = t}`) can be filled through it: stop reporting its missing fields.
    if (f.value.type === 'Identifier') {
      const info = ctx.tableInfo(t);
      if (info && !info.cls) info.open = true;
    }
    // `{ stream0 = nil }` declares a field to be set later: its type is not known yet (any).
    if (name !== undefined) fields[name] = { type: f.value.type === 'NilLiteral' ? ANY : widen(t) };
    else if (f.type === 'TableKey') positional.push(widen(t));
  }
  const names = Object.keys(fields).length;
  if (names === 0 && positional.length > 0 && !open) return { kind: 'array', element: unionOf(positional) };
  if (positional.length > 0) (table as { indexer?: RecordType['indexer'] }).indexer = { key: INTEGER, value: unionOf(positional) };
  ctx.tables.set(table, { open });
  return table;
}
