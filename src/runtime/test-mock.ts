// `test.mock(module, "member", fn)` for `luamod test`: replaces a member of a module table for the
// current test. The test engine belongs to one test file, so the module's real table (behind its
// read-only view) is changed in place: locals holding the module see the stub too. `restore` puts
// every original back; the test driver calls it after each test and when a process starts.
import { lauxlib, lua } from 'fengari';
import type { HostFunction } from '../module/host-api';
import type { LStateImpl } from './lstate';
import { readonlyAt } from './readonly-table';

export interface Mocks {
  /** `mock(module, name, value)`: replaces the member; raises if `module` is not a module table or has no such member. */
  readonly mock: HostFunction;
  /** `restore()`: undoes every mock, newest first. */
  readonly restore: HostFunction;
}

/** The mock functions of one test engine (state: the originals to put back). */
export function createMocks(): Mocks {
  const saved: { table: number; name: string; original: number }[] = [];
  return {
    mock: (l) => {
      const L = (l as LStateImpl).L;
      const view = readonlyAt(L, 1);
      if (!view) return l.argError(1, 'a module table expected (e.g. test.mock(counter, "incr", fn))');
      const name = l.checkString(2);
      if (lua.lua_type(L, 3) === lua.LUA_TNONE) return l.argError(3, 'the replacement value expected');
      const table = view.ro as number;
      lua.lua_rawgeti(L, lua.LUA_REGISTRYINDEX, table);
      lua.lua_getfield(L, -1, name);
      if (lua.lua_type(L, -1) === lua.LUA_TNIL) return l.argError(2, `module '${view.name ?? '?'}' has no member '${name}'`);
      saved.push({ table, name, original: lauxlib.luaL_ref(L, lua.LUA_REGISTRYINDEX) });
      lua.lua_pushvalue(L, 3);
      lua.lua_setfield(L, -2, name);
      lua.lua_pop(L, 1);
      return 0;
    },
    restore: (l) => {
      const L = (l as LStateImpl).L;
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
