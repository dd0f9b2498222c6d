// Resource limits beyond time and instructions: a cap on the memory an engine's scripts may add
// (checked by the count hook) and on the size of one string built by string.rep, string.format,
// string.gsub or table.concat (checked before or right after the call), with their defaults.
import { getHeapStatistics } from 'node:v8';
import { lauxlib, lua, type lua_State } from 'fengari';
import type { EngineState } from './state';
import { callOriginal, wrapField } from './wrap-function';

/** Default memory limit: 256 MiB of heap growth (V8 heap + external buffers, where strings live). */
export const DEFAULT_MEMORY_BYTES = 256 * 1024 * 1024;
/** Default largest string a library function may build: 16 MiB. */
export const DEFAULT_STRING_BYTES = 16 * 1024 * 1024;

/** Bytes in use by this JS process: the V8 heap plus external memory (fengari strings are Uint8Arrays). */
export function usedMemoryBytes(): number {
  const h = getHeapStatistics() as ReturnType<typeof getHeapStatistics> & { external_memory?: number };
  return h.used_heap_size + (h.external_memory ?? 0);
}

/** `256 MiB` for messages. */
export function formatBytes(n: number): string {
  return n % (1024 * 1024) === 0 ? `${n / (1024 * 1024)} MiB` : `${n} bytes`;
}

/**
 * Wraps the string builders of the `string` and `table` tables at stack indices `stringIdx` and
 * `tableIdx` (before they become read-only) so that no single call builds a string larger than
 * `engine.limits.stringBytes`.
 */
export function limitStringBuilders(engine: EngineState, L: lua_State, stringIdx: number, tableIdx: number): void {
  const limit = (): number => engine.limits.stringBytes;
  wrapField(L, stringIdx, 'rep', (L1) => {
    const n = lua.lua_tonumber(L1, 2);
    const each = lengthAt(L1, 1) + (n > 1 ? lengthAt(L1, 3) : 0);
    if (limit() > 0 && n > 0 && each * n > limit()) return tooLarge(L1, 'rep', each * n, limit());
    return callOriginal(L1);
  });
  for (const name of ['format', 'gsub']) {
    wrapField(L, stringIdx, name, (L1) => {
      const results = callOriginal(L1);
      if (limit() > 0 && lua.lua_type(L1, 1) === lua.LUA_TSTRING && lua.lua_rawlen(L1, 1) > limit()) {
        return tooLarge(L1, name, lua.lua_rawlen(L1, 1), limit());
      }
      return results;
    });
  }
  wrapField(L, tableIdx, 'concat', (L1) => {
    if (limit() > 0 && lua.lua_type(L1, 1) === lua.LUA_TTABLE) {
      // A table with a metatable is read as table.concat reads it (__len, __index), so a proxy
      // cannot hide its elements from the check; its __index may then run twice per element.
      const meta = lua.lua_getmetatable(L1, 1);
      if (meta) lua.lua_pop(L1, 1);
      const sep = lengthAt(L1, 2);
      const first = lua.lua_isnoneornil(L1, 3) ? 1 : lua.lua_tonumber(L1, 3);
      const last = !lua.lua_isnoneornil(L1, 4) ? lua.lua_tonumber(L1, 4) : meta ? lauxlib.luaL_len(L1, 1) : lua.lua_rawlen(L1, 1);
      let total = 0;
      for (let i = first; i <= last && total <= limit(); i++) {
        if (meta) lua.lua_geti(L1, 1, i);
        else lua.lua_rawgeti(L1, 1, i);
        const t = lua.lua_type(L1, -1);
        total += (t === lua.LUA_TSTRING ? lua.lua_rawlen(L1, -1) : t === lua.LUA_TNUMBER ? 24 : 0) + (i > first ? sep : 0);
        lua.lua_pop(L1, 1);
        if (t === lua.LUA_TNIL) break;
      }
      if (total > limit()) return tooLarge(L1, 'concat', total, limit());
    }
    return callOriginal(L1);
  });
}

/** Byte length of a string (or a number's text, at most 24) at `idx`; 0 for anything else. */
function lengthAt(L: lua_State, idx: number): number {
  const t = lua.lua_type(L, idx);
  return t === lua.LUA_TSTRING ? lua.lua_rawlen(L, idx) : t === lua.LUA_TNUMBER ? 24 : 0;
}

function tooLarge(L: lua_State, fn: string, size: number, limit: number): number {
  lauxlib.luaL_where(L, 1);
  lua.lua_pushstring(L, `resulting string too large in '${fn}' (${size} bytes; the limit is ${formatBytes(limit)})`);
  lua.lua_concat(L, 2);
  return lua.lua_error(L);
}


