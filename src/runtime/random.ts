// math.random and math.randomseed with one generator per process. fengari keeps the seed of
// `math.randomseed` in a module-level variable shared by every Lua state of the host, so one
// process seeding it would make every other process's draws predictable. Here a seed lives on the
// process that set it; an unseeded process draws from Math.random, as fengari does.
import { lauxlib, lua, to_luastring, type lua_CFunction, type lua_State } from 'fengari';
import type { EngineState } from './state';

const WRONG_COUNT = to_luastring('wrong number of arguments');
const EMPTY = to_luastring('interval is empty');
const TOO_LARGE = to_luastring('interval too large');
const MAX_INTEGER = 2n ** 63n - 1n;

/** The next state of fengari's generator (glibc's LCG parameters). */
function step(state: number): number {
  return (Math.imul(1103515245, state) + 12345) & 0x7fffffff;
}

/** Replaces `random` and `randomseed` in the math library table at `lib`. */
export function installRandom(engine: EngineState, L: lua_State, lib: number): void {
  const random: lua_CFunction = (L1) => {
    const p = engine.current;
    let r: number;
    if (p && p.random !== undefined) {
      p.random = step(p.random);
      r = p.random / 0x80000000;
    } else {
      r = Math.random();
    }
    // 64-bit integers: a number within ±(2^53-1), a bigint beyond.
    let low: number | bigint;
    let up: number | bigint;
    switch (lua.lua_gettop(L1)) {
      case 0:
        lua.lua_pushnumber(L1, r);
        return 1;
      case 1:
        low = 1;
        up = lauxlib.luaL_checkinteger(L1, 1);
        break;
      case 2:
        low = lauxlib.luaL_checkinteger(L1, 1);
        up = lauxlib.luaL_checkinteger(L1, 2);
        break;
      default:
        return lauxlib.luaL_error(L1, WRONG_COUNT);
    }
    lauxlib.luaL_argcheck(L1, low <= up, 1, EMPTY);
    lauxlib.luaL_argcheck(L1, low >= 0 || BigInt(up) <= MAX_INTEGER + BigInt(low), 1, TOO_LARGE);
    // As lmathlib.c: r * ((double)(up - low) + 1.0), floored, converted back (2^63 after rounding
    // is maxinteger), plus low.
    const v = Math.floor(r * (Number(BigInt(up) - BigInt(low)) + 1));
    const ir = v >= 2 ** 63 ? MAX_INTEGER : BigInt(v);
    lua.lua_pushinteger(L1, BigInt.asIntN(64, ir + BigInt(low)));
    return 1;
  };
  const randomseed: lua_CFunction = (L1) => {
    let seed = lauxlib.luaL_checknumber(L1, 1) | 0;
    if (seed === 0) seed = 1;
    const p = engine.current;
    // Outside a process there is nobody to keep a seed for: draws stay Math.random.
    if (p) p.random = step(seed);
    return 0;
  };
  lua.lua_pushjsfunction(L, random);
  lua.lua_setfield(L, lib, 'random');
  lua.lua_pushjsfunction(L, randomseed);
  lua.lua_setfield(L, lib, 'randomseed');
}
