// The receiver before a `.` or `:` at the cursor, read from the text (so it works on code that
// does not parse yet, like `time.` at the end of a line) and typed through the analysis.
import type { Type } from '../types/type';
import type { MemberOwner } from './analyze';
import type { CheckContext } from './context';
import { indexedValueType, listMembers } from './members';
import { decodeLuaString } from './positions';
import { ANY } from './type-ops';

/** A name, then any of `.name`, `:name`, `()` and `[index]`, then the `.`/`:` and the typed prefix. */
const SUFFIX = String.raw`\s*(?:[.:]\s*[A-Za-z_]\w*|\(\s*\)|\[[^\]]*\])`;
const CHAIN = new RegExp(String.raw`([A-Za-z_]\w*(?:${SUFFIX})*)\s*([.:])\s*([A-Za-z_]\w*)?$`);
/** The longest text before the cursor read for a receiver chain. */
export const RECEIVER_CHARS = 512;
const STEP = /\s*(?:([.:])\s*([A-Za-z_]\w*)|(\(\s*\))|\[([^\]]*)\])/y;

/** Resolves the member owner at `offset`, or undefined when the cursor is not after `.`/`:`. */
export function resolveReceiver(
  ctx: CheckContext, offset: number,
  nameType: (name: string, offset: number) => Type | undefined,
  member: (t: Type, name: string) => Type,
): MemberOwner | undefined {
  // At most the last RECEIVER_CHARS of the line: CHAIN backtracks, quadratic in what it is given
  // (`a.a.a.…` over a 300 KB minified line took seconds).
  const lineStart = Math.max(ctx.lines.lineStarts[ctx.lines.lineOf(offset)]!, offset - RECEIVER_CHARS);
  const before = ctx.text.slice(lineStart, offset);
  const m = CHAIN.exec(before);
  if (!m) return undefined;
  const receiver = m[1]!.trim();
  const head = /^[A-Za-z_]\w*/.exec(receiver)![0];
  let t = nameType(head, lineStart + m.index);
  if (!t) return undefined;
  STEP.lastIndex = head.length;
  for (let s = STEP.exec(receiver); s; s = STEP.exec(receiver)) {
    if (s[2] !== undefined) t = member(t, s[2]);
    else if (s[3] !== undefined) t = firstReturn(ctx, t);
    else t = indexed(ctx, t, s[4]!.trim(), member);
  }
  const prefix = m[3] ?? '';
  return {
    receiver, type: t, accessor: m[2] as '.' | ':', prefix, prefixStart: offset - prefix.length,
    members: listMembers(ctx, t),
  };
}

function firstReturn(ctx: CheckContext, t: Type): Type {
  const fn = ctx.functionOf(t);
  return fn?.returns[0] ?? fn?.variadicReturn ?? ANY;
}

/** `t["name"]` is the member; `t[i]` an array element, map value or indexer value. */
function indexed(ctx: CheckContext, t: Type, index: string, member: (t: Type, name: string) => Type): Type {
  if (/^(?:"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')$/.test(index)) return member(t, decodeLuaString(index));
  return indexedValueType(ctx, t);
}
