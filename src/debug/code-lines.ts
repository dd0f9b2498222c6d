// The lines of a Lua source that hold code: the lines of its compiled instructions (the line info
// of the chunk's function and of every nested function), as a breakpoint can stop only there.
import { lauxlib, lua, to_luastring } from 'fengari';

/** A compiled function prototype as fengari stores it (lfunc.js Proto): line per instruction, nested functions. */
interface Proto { readonly lineinfo: readonly number[]; readonly p: readonly Proto[] }

export type CodeLines = { readonly lines: ReadonlySet<number> } | { readonly error: string };

/** Compiles `source` (a leading `#!` line is blanked, as the engine does) and collects its code lines. */
export function codeLines(source: string): CodeLines {
  const text = source.startsWith('#') ? source.replace(/^#[^\n]*/, '') : source;
  const L = lauxlib.luaL_newstate();
  if (lauxlib.luaL_loadbufferx(L, to_luastring(text), null, '=source', 't') !== lua.LUA_OK) {
    return { error: lua.lua_tojsstring(L, -1) ?? 'syntax error' };
  }
  // fengari keeps the closure's prototype on the stack slot's value (lobject.js LClosure.p).
  const slot = (L as unknown as { stack: { value: { p: Proto } }[]; top: number }).stack[(L as unknown as { top: number }).top - 1];
  const lines = new Set<number>();
  const visit = (p: Proto) => {
    for (const l of p.lineinfo) if (l > 0) lines.add(l);
    for (const q of p.p) visit(q);
  };
  visit(slot.value.p);
  return { lines };
}

/** The first code line at or after `line` (undefined: none). */
export function nextCodeLine(lines: ReadonlySet<number>, line: number): number | undefined {
  let best: number | undefined;
  for (const l of lines) if (l >= line && (best === undefined || l < best)) best = l;
  return best;
}
