// duplicate-index: the same key twice in one table constructor (`{a = 1, a = 2}`, `{"x", [1] = "y"}`).
import type { TableConstructorExpression } from 'luaparse';
import type { CheckContext } from '../context';
import { decodeLuaString } from '../positions';

export function checkDuplicateIndex(ctx: CheckContext, table: TableConstructorExpression): void {
  if (table.fields.length < 2) return;
  const seen = new Set<string>();
  let position = 0;
  for (const f of table.fields) {
    let key: string | undefined;
    let shown = '';
    let at: { range: [number, number] } = f;
    if (f.type === 'TableValue') { position++; key = `n:${position}`; shown = `[${position}]`; }
    else if (f.type === 'TableKeyString') { key = `s:${f.key.name}`; shown = `'${f.key.name}'`; at = f.key; }
    else if (f.key.type === 'StringLiteral') { const v = decodeLuaString(f.key.raw); key = `s:${v}`; shown = `'${v}'`; at = f.key; }
    else if (f.key.type === 'NumericLiteral') { key = `n:${f.key.value}`; shown = `[${f.key.raw}]`; at = f.key; }
    else if (f.key.type === 'BooleanLiteral') { key = `b:${f.key.value}`; shown = `[${f.key.raw}]`; at = f.key; }
    if (key === undefined) continue;
    if (seen.has(key)) ctx.report('duplicate-index', at, { key: shown });
    seen.add(key);
  }
}
