// The receiver before a `.` or `:` at the cursor, read from the text (so it works on code that
// does not parse yet, like `time.` at the end of a line) and typed through the analysis.
import type { Type } from '../types/type';
import type { MemberOwner } from './analyze';
import type { CheckContext } from './context';
import { listMembers } from './members';

const CHAIN = /([A-Za-z_]\w*(?:\s*(?:\(\s*\)|\[[^\]]*\])?\s*[.:]\s*[A-Za-z_]\w*)*\s*(?:\(\s*\))?)\s*([.:])\s*([A-Za-z_]\w*)?$/;

/** Resolves the member owner at `offset`, or undefined when the cursor is not after `.`/`:`. */
export function resolveReceiver(
  ctx: CheckContext, offset: number,
  nameType: (name: string, offset: number) => Type | undefined,
  member: (t: Type, name: string) => Type,
): MemberOwner | undefined {
  const lineStart = ctx.lines.lineStarts[ctx.lines.lineOf(offset)]!;
  const before = ctx.text.slice(lineStart, offset);
  const m = CHAIN.exec(before);
  if (!m) return undefined;
  const receiver = m[1]!.trim();
  const parts = receiver.split(/\s*([.:])\s*/);
  const head = parts[0]!.replace(/\s*\(\s*\)$/, '');
  let t = nameType(head, lineStart + m.index);
  if (!t) return undefined;
  if (/\(\s*\)$/.test(parts[0]!)) t = firstReturn(ctx, t);
  for (let i = 2; i < parts.length; i += 2) {
    const raw = parts[i]!;
    const name = raw.replace(/\s*(\(\s*\)|\[[^\]]*\])$/, '');
    t = member(t, name);
    if (/\(\s*\)$/.test(raw)) t = firstReturn(ctx, t);
  }
  const prefix = m[3] ?? '';
  return {
    receiver, type: t, accessor: m[2] as '.' | ':', prefix, prefixStart: offset - prefix.length,
    members: listMembers(ctx, t),
  };
}

function firstReturn(ctx: CheckContext, t: Type): Type {
  const fn = ctx.functionOf(t);
  return fn?.returns[0] ?? fn?.variadicReturn ?? { kind: 'any' };
}
