// Replacing a library function by a JS closure that can still call the original: how the sandbox
// guards `rawset`/`load` and how resource limits size-check `string.rep` & co.
import { lauxlib, lua, to_jsstring, type lua_CFunction, type lua_State } from 'fengari';

/**
 * Replaces field `name` of the table at `idx` by `fn`, which receives the original as upvalue 1
 * and the field name as upvalue 2 (for messages).
 */
export function wrapField(L: lua_State, idx: number, name: string, fn: lua_CFunction): void {
  lua.lua_getfield(L, idx, name);
  lua.lua_pushstring(L, name);
  lua.lua_pushcclosure(L, fn, 2);
  lua.lua_setfield(L, idx, name);
}

/** The field name a wrapper was installed under (upvalue 2). */
export function wrappedName(L: lua_State): string {
  return lua.lua_tojsstring(L, lua.lua_upvalueindex(2)) ?? '?';
}

const ARG_ERROR = /^(bad argument #\d+ to |calling )'\?'/;

/**
 * Calls the original function (upvalue 1) with all arguments and returns all its results, which
 * are left at the bottom of the stack. A light JS function runs directly in the wrapper's own
 * frame, so its errors read as C Lua's: `bad argument #2 to 'rep'` with the caller's position.
 * Anything else is called (protected) from JS, where it could not find its own name nor its
 * caller's line for an argument error (`bad argument #2 to '?'`): such an error is re-raised as
 * `FILE:LINE: bad argument #2 to 'rep'`.
 */
export function callOriginal(L: lua_State): number {
  const original = lua.lua_tocfunction(L, lua.lua_upvalueindex(1));
  if (typeof original === 'function') {
    const n = (original as lua_CFunction)(L);
    const top = lua.lua_gettop(L);
    if (n < top) {
      lua.lua_rotate(L, 1, n);
      lua.lua_settop(L, n);
    }
    return n;
  }
  lua.lua_pushvalue(L, lua.lua_upvalueindex(1));
  lua.lua_insert(L, 1);
  const status = lua.lua_pcall(L, lua.lua_gettop(L) - 1, lua.LUA_MULTRET, 0);
  if (status === lua.LUA_OK) return lua.lua_gettop(L);
  return reraise(L);
}

/** Raises the error on top of the stack, an original's argument error named as by `callOriginal`. */
export function reraise(L: lua_State): never {
  if (lua.lua_type(L, -1) === lua.LUA_TSTRING) {
    const message = lua.lua_tojsstring(L, -1) ?? '';
    const m = ARG_ERROR.exec(message);
    if (m) {
      lua.lua_pop(L, 1);
      lauxlib.luaL_where(L, 1);
      lua.lua_pushstring(L, renamed(L, m[1], message.slice(m[0].length)));
      lua.lua_concat(L, 2);
    }
  }
  return lua.lua_error(L);
}

/** `bad argument #N to 'name' (...)` as Lua would say it of the wrapper's own call (`s:rep()` counts from self). */
function renamed(L: lua_State, head: string, rest: string): string {
  const ar = new lua.lua_Debug();
  let method = false;
  if (lua.lua_getstack(L, 0, ar) && lua.lua_getinfo(L, 'n', ar)) method = ar.namewhat !== null && to_jsstring(ar.namewhat) === 'method';
  const name = wrappedName(L);
  const arg = /^bad argument #(\d+) to $/.exec(head);
  if (!arg || !method) return `${head}'${name}'${rest}`;
  const n = Number(arg[1]) - 1;
  return n === 0 ? `calling '${name}' on bad self${rest}` : `bad argument #${n} to '${name}'${rest}`;
}
