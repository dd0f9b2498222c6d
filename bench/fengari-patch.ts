// Patched vs unpatched fengari (vendor/fengari, docs/fengari-patches.md: number formatting, table iteration order
// and length, constructors): the same table- and float-heavy Lua programs on a bare state of each
// copy (the devDependency `fengari-upstream` is the npm release as published). Floor: 1.05x.
import * as patched from 'fengari';
import * as unpatched from 'fengari-upstream';
import type { SuiteBuilder } from './harness';

type Fengari = typeof patched;

/** Table-heavy: constructors, appends, pairs/ipairs, #, hash fields, removal, sort. */
export const TABLES = `
local total = 0
for round = 1, 20 do
  local t = {}
  for i = 1, 2000 do t[i] = i end
  for k, v in pairs(t) do total = total + v end
  for i, v in ipairs(t) do total = total + #t end
  local h = {}
  for i = 1, 500 do h["k" .. i] = {i, i + 1, x = i} end
  for k, v in pairs(h) do total = total + v[2] + v.x end
  for i = 1, 1000 do t[i] = nil end
  for k in pairs(t) do total = total + k end
  local s = {} for i = 1, 300 do s[i] = (i * 7919) % 1000 end
  table.sort(s)
  for i = 1, 200 do table.insert(s, 1, i) table.remove(s) end
end
return total`;

/** Float-heavy: float arithmetic (`%` and `^` included), math functions, numbers to text (tostring, ..). */
export const FLOATS = `
local acc, parts = 0.0, {}
for i = 1, 20000 do
  local x = i * 0.37 + 1 / i
  acc = acc + math.sqrt(x) * math.sin(x) - x / 3.5 + (x % 7.3) - x ^ 0.5
  if i % 20 == 0 then parts[#parts + 1] = tostring(x) .. "|" .. (acc / i) end
end
return acc, #table.concat(parts, ",")`;

function runner(f: Fengari, source: string): () => void {
  const { lua, lauxlib, lualib, to_luastring } = f;
  const L = lauxlib.luaL_newstate();
  lualib.luaL_openlibs(L);
  if (lauxlib.luaL_loadbufferx(L, to_luastring(source), null, '=bench', 't') !== lua.LUA_OK) throw new Error(lua.lua_tojsstring(L, -1) ?? 'load');
  const ref = lauxlib.luaL_ref(L, lua.LUA_REGISTRYINDEX);
  return () => {
    lua.lua_rawgeti(L, lua.LUA_REGISTRYINDEX, ref);
    if (lua.lua_pcall(L, 0, 0, 0) !== lua.LUA_OK) throw new Error(lua.lua_tojsstring(L, -1) ?? 'error');
  };
}

/** Registers the patched-vs-unpatched cases (each patched case against its unpatched reference). */
export function fengariPatchCases(b: SuiteBuilder): void {
  for (const [name, source] of [['tables', TABLES], ['floats', FLOATS]] as const) {
    b.reference(`unpatched fengari: ${name}`, runner(unpatched as unknown as Fengari, source));
    b.bench(`patched fengari: ${name} (floor 1.05x)`, runner(patched, source));
  }
}
