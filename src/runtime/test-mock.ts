// `test.mock(module, "member", fn)` for `luamod test`: replaces a member of a module table for the
// current test. The test engine belongs to one run of one test file, so the module's real table
// (behind its read-only view) is changed in place: locals holding the module see the stub too.
// `restore` puts every original back; the test driver calls it after loading the file and after
// each test. Both are runner functions (raw fengari functions the driver gets as arguments).
import { lauxlib, lua, type lua_CFunction } from 'fengari';
import { readonlyAt } from './readonly-table';

export interface Mocks {
  /** `mock(module, name, value)`: replaces the member; raises if `module` is not a module table or has no such member. */
  readonly mock: lua_CFunction;
  /** `restore()`: undoes every mock, newest first. */
  readonly restore: lua_CFunction;
}

/** Raises `bad argument #n to 'mock' (message)` at the test's position (level 2: T.mock's caller). */
function argError(L: Parameters<lua_CFunction>[0], n: number, message: string): never {
  lauxlib.luaL_where(L, 2);
  lua.lua_pushstring(L, `bad argument #${n} to 'mock' (${message})`);
  lua.lua_concat(L, 2);
  return lua.lua_error(L);
}

/** The mock functions of one test engine (state: the originals to put back). */
export function createMocks(): Mocks {
  const saved: { table: number; name: string; original: number }[] = [];
  return {
    mock: (L) => {
      const view = readonlyAt(L, 1);
      if (!view) return argError(L, 1, 'a module table expected (e.g. test.mock(counter, "incr", fn))');
      if (lua.lua_type(L, 2) !== lua.LUA_TSTRING) return argError(L, 2, 'the member name (a string) expected');
      const name = lua.lua_tojsstring(L, 2) ?? '';
      if (lua.lua_type(L, 3) === lua.LUA_TNONE) return argError(L, 3, 'the replacement value expected');
      const table = view.ro as number;
      lua.lua_rawgeti(L, lua.LUA_REGISTRYINDEX, table);
      lua.lua_getfield(L, -1, name);
      if (lua.lua_type(L, -1) === lua.LUA_TNIL) return argError(L, 2, `module '${view.name ?? '?'}' has no member '${name}'`);
      saved.push({ table, name, original: lauxlib.luaL_ref(L, lua.LUA_REGISTRYINDEX) });
      lua.lua_pushvalue(L, 3);
      lua.lua_setfield(L, -2, name);
      lua.lua_pop(L, 1);
      return 0;
    },
    restore: (L) => {
      for (let s = saved.pop(); s; s = saved.pop()) {
        lua.lua_rawgeti(L, lua.LUA_REGISTRYINDEX, s.table);
        lua.lua_rawgeti(L, lua.LUA_REGISTRYINDEX, s.original);
        lua.lua_setfield(L, -2, s.name);
        lua.lua_pop(L, 1);
        lauxlib.luaL_unref(L, lua.LUA_REGISTRYINDEX, s.original);
      }
      return 0;
    },
  };
}
