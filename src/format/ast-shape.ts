// The meaning of a chunk as luaparse sees it: its syntax tree without locations, comments, string
// quoting or parentheses. Formatting must keep it unchanged (tests and the bench check
// every corpus file with it).
import * as luaparse from 'luaparse';

/** Keys that only say how the text was written, not what it means. */
const DROPPED = new Set(['loc', 'range', 'raw', 'comments', 'globals']);

/**
 * A JSON string of the tree of `bytes` (the chunk's bytes as a Latin-1 string, so that string values
 * are the bytes Lua sees), or undefined when it does not parse.
 */
export function astShape(bytes: string): string | undefined {
  let chunk: unknown;
  try {
    chunk = luaparse.parse(bytes, { comments: false, locations: false, ranges: false, scope: false, luaVersion: '5.3', encodingMode: 'pseudo-latin1' } as luaparse.Options);
  } catch {
    return undefined;
  }
  // (luaparse 0.3.1 keeps no trace of parentheses, so `(f())` and `f()` look the same here.)
  return JSON.stringify(chunk, (key, value: unknown) => (DROPPED.has(key) ? undefined : asPlainCall(longStringValue(value))), 0);
}

/** `text` (as formatted, UTF-8) as the Latin-1 string of its bytes, for {@link astShape}. */
export function bytesOf(text: string): string {
  return Buffer.from(text, 'utf8').toString('latin1');
}

/** `f{...}` and `f"..."` mean `f({...})` and `f("...")` (StyLua adds the parentheses by default). */
function asPlainCall(value: unknown): unknown {
  const node = value as { type?: string; base?: unknown; arguments?: unknown; argument?: unknown } | null;
  if (node?.type === 'TableCallExpression') return { type: 'CallExpression', base: node.base, arguments: [node.arguments] };
  if (node?.type === 'StringCallExpression') return { type: 'CallExpression', base: node.base, arguments: [node.argument] };
  return value;
}

/**
 * Lua turns every line break in a long string (`\r\n`, `\n\r`, `\r`) into `\n`; luaparse keeps
 * them as written, so a formatter that rewrites CRLF inside `[[...]]` would look like a change.
 */
function longStringValue(value: unknown): unknown {
  const node = value as { type?: string; raw?: unknown; value?: unknown } | null;
  if (node?.type !== 'StringLiteral' || typeof node.raw !== 'string' || !node.raw.startsWith('[') || typeof node.value !== 'string') return value;
  return { ...node, value: node.value.replace(/\r\n|\n\r|\r/g, '\n') };
}
