// The text of any Lua error value, computed safely. A script's error object may carry a
// `__tostring` that raises, raises another such object, yields, loops forever or returns a
// non-string; and the thread the error came from is dead (fengari refuses calls on it: "cannot do
// calls on non-normal thread"). So `__tostring` runs here in a protected call on a fresh thread,
// under an instruction and time budget, and anything short of a string falls back to C Lua's
// `(error object is a table value)`. A raising `__tostring` gives the text of what it raised (as
// C Lua's `lua.c` message handler does), to a bounded depth.
import { lauxlib, lua, type lua_Hook, type lua_State } from 'fengari';

/** The text of an error value and whether it was an object (not a string or number: no position of its own). */
export interface ErrorText {
  readonly text: string;
  /** True for tables, userdata, nil, booleans, functions and threads: `text` is their `__tostring` or the fallback. */
  readonly object: boolean;
}

/** How many nested raising `__tostring`s are followed before the fallback. */
export const MAX_TOSTRING_DEPTH = 4;
/** Instructions one conversion may run (counted in steps of 1000). */
export const TOSTRING_INSTRUCTIONS = 1_000_000;
/** Wall time one conversion may take (ms). */
export const TOSTRING_TIME_MS = 250;

/**
 * The text of the value at `idx` of thread `from` (any status: dead, suspended, running), as C Lua
 * 5.3's standalone interpreter prints an uncaught error. `L` is a thread of the same state that can
 * run calls (the engine's main thread). The value stays where it is; never throws.
 */
export function errorText(L: lua_State, from: lua_State, idx: number): ErrorText {
  const at = lua.lua_absindex(from, idx);
  const type = lua.lua_type(from, at);
  // (A number is converted in place, as lua_tolstring does: no stack room needed on `from`.)
  if (type === lua.LUA_TSTRING || type === lua.LUA_TNUMBER) return { text: lua.lua_tojsstring(from, at) ?? '', object: false };
  if (type === lua.LUA_TUSERDATA || type === lua.LUA_TTABLE) {
    const top = lua.lua_gettop(L);
    try {
      const T = lua.lua_newthread(L);
      lua.lua_checkstack(T, 4);
      copyTo(from, at, T);
      return { text: convert(T, 0, { steps: 0, started: performance.now(), exceeded: false }), object: true };
    } catch {
      return { text: fallback(lauxlib.luaL_typename(from, at)), object: true };
    } finally {
      lua.lua_settop(L, top);
    }
  }
  return { text: fallback(lauxlib.luaL_typename(from, at)), object: true };
}

/** `(error object is a table value)`, C Lua's text for an error value that has no string form. */
export function fallback(typeName: Uint8Array | string): string {
  const name = typeof typeName === 'string' ? typeName : new TextDecoder().decode(typeName);
  return `(error object is a ${name} value)`;
}

/** Pushes a copy of `from[at]` onto `T`, even when `from` has no stack room left (after a stack overflow). */
function copyTo(from: lua_State, at: number, T: lua_State): void {
  if (lua.lua_checkstack(from, 1)) {
    lua.lua_pushvalue(from, at);
    lua.lua_xmove(from, T, 1);
    return;
  }
  // No room: move the top value over and put a copy back (the slot it leaves is the room).
  lua.lua_rotate(from, at, -1);
  lua.lua_xmove(from, T, 1);
  lua.lua_pushvalue(T, -1);
  lua.lua_xmove(T, from, 1);
  lua.lua_rotate(from, at, 1);
}

interface Budget { steps: number; readonly started: number; exceeded: boolean }

/** Converts the value on top of the fresh thread `T` (and pops it). */
function convert(T: lua_State, depth: number, budget: Budget): string {
  const type = lua.lua_type(T, -1);
  if (type === lua.LUA_TSTRING || type === lua.LUA_TNUMBER) {
    const text = lua.lua_tojsstring(T, -1) ?? '';
    lua.lua_pop(T, 1);
    return text;
  }
  const name = fallback(lauxlib.luaL_typename(T, -1));
  if (depth >= MAX_TOSTRING_DEPTH || budget.exceeded || lauxlib.luaL_getmetafield(T, -1, '__tostring') === lua.LUA_TNIL) {
    lua.lua_pop(T, 1);
    return name;
  }
  lua.lua_insert(T, -2);
  lua.lua_sethook(T, budgetHook(budget), lua.LUA_MASKCOUNT, 1000);
  const status = lua.lua_pcall(T, 1, 1, 0);
  lua.lua_sethook(T, null, 0, 0);
  if (status === lua.LUA_OK) {
    const text = lua.lua_type(T, -1) === lua.LUA_TSTRING ? lua.lua_tojsstring(T, -1) ?? '' : name;
    lua.lua_pop(T, 1);
    return text;
  }
  // `__tostring` raised: the text of what it raised (unless the budget stopped it).
  if (budget.exceeded) {
    lua.lua_pop(T, 1);
    return name;
  }
  return convert(T, depth + 1, budget);
}

/** Stops a `__tostring` past the budget: raises at every instruction from then on, past any pcall or message handler. */
function budgetHook(budget: Budget): lua_Hook {
  const hook: lua_Hook = (L) => {
    budget.steps += 1000;
    if (!budget.exceeded && budget.steps <= TOSTRING_INSTRUCTIONS && performance.now() - budget.started <= TOSTRING_TIME_MS) return;
    budget.exceeded = true;
    lua.lua_sethook(L, hook, lua.LUA_MASKCOUNT, 1);
    (L as unknown as { errfunc: number }).errfunc = 0;
    lua.lua_pushliteral(L, '__tostring ran out of time');
    lua.lua_error(L);
  };
  return hook;
}
