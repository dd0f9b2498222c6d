// Fengari-level inspection of a paused (or dead) thread: its Lua frames, a frame's locals and
// upvalues. Values are moved onto a scratch thread `S` of the same state, never left on the paused one.
import { lua, to_jsstring, type lua_Debug, type lua_State } from 'fengari';

/** One Lua frame: a thread and a level on it (0: innermost). */
export interface Frame {
  readonly thread: lua_State;
  readonly level: number;
  /** The chunk name without its `@` (`=`-names are not files). */
  readonly source: string;
  readonly line: number;
  readonly name: string;
}

const str = (s: Uint8Array | null): string => (s ? to_jsstring(s) : '');

/** The activation record of `level` on `thread`, or null. */
export function frameInfo(thread: lua_State, level: number): lua_Debug | null {
  const ar = new lua.lua_Debug();
  // Room for the values the callers push onto a suspended thread (popped or moved right after).
  lua.lua_checkstack(thread, 4);
  return lua.lua_getstack(thread, level, ar) ? ar : null;
}

/** Number of frames (Lua and JS) on `thread`. */
export function stackDepth(thread: lua_State): number {
  const ar = new lua.lua_Debug();
  let n = 0;
  while (lua.lua_getstack(thread, n, ar)) n++;
  return n;
}

/** The Lua frames of `threads` (innermost thread first), JS frames skipped. */
export function luaFrames(threads: readonly lua_State[], topLine?: number): Frame[] {
  const out: Frame[] = [];
  for (const thread of threads) {
    const depth = stackDepth(thread);
    for (let level = 0; level < depth; level++) {
      const ar = frameInfo(thread, level) as lua_Debug;
      lua.lua_getinfo(thread, 'Slnt', ar);
      if (str(ar.what) === 'C') continue;
      const source = str(ar.source);
      if (!source.startsWith('@')) continue; // debugger-made chunks (`=(eval)`)
      const bottom = level === depth - 1 && thread === threads[threads.length - 1];
      const name = str(ar.name) || (bottom ? 'main chunk' : `function <${source.slice(1)}:${ar.linedefined}>`);
      // A thread stopped by the line hook reports the previous instruction's line for its top
      // frame (the VM steps back one instruction to re-run it): the hook's own line is the truth.
      const line = out.length === 0 && thread === threads[0] && topLine !== undefined ? topLine : ar.currentline;
      out.push({ thread, level, source: source.slice(1), line, name });
    }
  }
  return out;
}

export interface Named { readonly name: string; readonly index: number }

/** The active locals of a frame (temporaries, varargs and the chunk's `_ENV` parameter left out). */
export function localsOf(frame: Frame): Named[] {
  const ar = frameInfo(frame.thread, frame.level);
  if (!ar) return [];
  const out: Named[] = [];
  for (let n = 1; ; n++) {
    const name = lua.lua_getlocal(frame.thread, ar, n);
    if (name === null) break;
    lua.lua_pop(frame.thread, 1);
    const s = to_jsstring(name);
    if (s.startsWith('(') || s === '_ENV') continue;
    out.push({ name: s, index: n });
  }
  // A later local of the same name shadows an earlier one: keep the visible one only.
  const seen = new Set<string>();
  return out.reverse().filter((l) => (seen.has(l.name) ? false : (seen.add(l.name), true))).reverse();
}

/** Pushes local `index` of `frame` onto `S`. */
export function pushLocal(frame: Frame, index: number, S: lua_State): void {
  const ar = frameInfo(frame.thread, frame.level) as lua_Debug;
  lua.lua_getlocal(frame.thread, ar, index);
  lua.lua_xmove(frame.thread, S, 1);
}

/** Pops the value on top of `S` into local `index` of `frame`. */
export function setLocal(frame: Frame, index: number, S: lua_State): void {
  const ar = frameInfo(frame.thread, frame.level) as lua_Debug;
  lua.lua_xmove(S, frame.thread, 1);
  if (lua.lua_setlocal(frame.thread, ar, index) === null) lua.lua_pop(frame.thread, 1);
}

/** Pushes the frame's function onto `S`. */
export function pushFunction(frame: Frame, S: lua_State): void {
  const ar = frameInfo(frame.thread, frame.level) as lua_Debug;
  lua.lua_getinfo(frame.thread, 'f', ar);
  lua.lua_xmove(frame.thread, S, 1);
}

/** The upvalues of the frame's function (`_ENV` left out). */
export function upvaluesOf(frame: Frame, S: lua_State): Named[] {
  pushFunction(frame, S);
  const out: Named[] = [];
  for (let n = 1; ; n++) {
    const name = lua.lua_getupvalue(S, -1, n);
    if (name === null) break;
    lua.lua_pop(S, 1);
    const s = to_jsstring(name);
    if (s !== '_ENV' && s !== '') out.push({ name: s, index: n });
  }
  lua.lua_pop(S, 1);
  return out;
}

/** Pushes upvalue `index` of the frame's function onto `S`. */
export function pushUpvalue(frame: Frame, index: number, S: lua_State): void {
  pushFunction(frame, S);
  lua.lua_getupvalue(S, -1, index);
  lua.lua_remove(S, -2);
}

/** Pops the value on top of `S` into upvalue `index` of the frame's function. */
export function setUpvalue(frame: Frame, index: number, S: lua_State): void {
  pushFunction(frame, S);
  lua.lua_insert(S, -2);
  if (lua.lua_setupvalue(S, -2, index) === null) lua.lua_pop(S, 1);
  lua.lua_pop(S, 1);
}
