// luamod's fidelity changes to vendor/fengari (docs/fengari-patches.md) on bare
// fengari states: each case runs on the patched copy and on the published release
// (`fengari-upstream`); the patched one prints what C Lua 5.3 prints and the release does not, so
// this fails when a change is lost.
import * as patched from 'fengari';
import * as unpatched from 'fengari-upstream';
import { describe, expect, it } from 'vitest';

type Fengari = typeof patched;

/** Runs `source` on a fresh state of `f` with the standard libraries; its returned values as text (via tostring). */
function run(f: Fengari, source: string): string {
  const { lua, lauxlib, lualib, to_luastring } = f;
  const L = lauxlib.luaL_newstate();
  lualib.luaL_openlibs(L);
  const code = `local r = table.pack((function() ${source} end)()) for i = 1, r.n do r[i] = tostring(r[i]) end return table.concat(r, " ", 1, r.n)`;
  if (lauxlib.luaL_loadbufferx(L, to_luastring(code), null, '=t', 't') !== lua.LUA_OK) return `load: ${lua.lua_tojsstring(L, -1)}`;
  if (lua.lua_pcall(L, 0, 1, 0) !== lua.LUA_OK) return `error: ${lua.lua_tojsstring(L, -1)}`;
  return lua.lua_tojsstring(L, -1) ?? '';
}

/** [name, source, what C Lua gives, whether the release differs (false: a guard of what must keep working)] */
const cases: ReadonlyArray<[string, string, string, boolean?]> = [
  ['%.14g numbers', 'return 1e15, 1e-7, -0.0, 1/0, -1/0, 2^63, 12345678901234.5, 0.1', '1e+15 1e-07 -0.0 inf -inf 9.2233720368548e+18 12345678901234.0 0.1'],
  ['nan by its sign bit', 'local z = 0 return z/z, -(z/z)', '-nan nan'],
  ['.. uses the same text', 'return 1e15 .. "|" .. -0.0', '1e+15|-0.0'],
  ['constructor order', 'local o = {} for k in pairs({10, 20, 30, x = 1}) do o[#o + 1] = k end return table.concat(o, ",")', '1,2,3,x'],
  ['array part before hash keys', 'local t = {} t.a = 1 t[1] = 1 t[2] = 2 local o = {} for k in pairs(t) do o[#o + 1] = k end return table.concat(o, ",")', '1,2,a'],
  ['# of constructors with holes', 'return #{nil, nil, 3}, #{1, nil, 3}, #table.pack(1, nil, 3)', '3 3 3'],
  ['clearing inside pairs', 'local t = {1, 2, 3, a = 1, b = 2} for k in pairs(t) do t[k] = nil end return next(t)', 'nil', false],
  ['greedy match ending at the first byte', 'return string.find("ab", "a*%f[a]")', '1 0'],
  ['back-reference to a position capture', 'return string.match("foo bar", "()(.)%1")', 'nil'],
  ['string.char range error', 'return pcall(string.char, 256)', "false bad argument #1 to 'string.char' (value out of range)"],
  ['os.time field order', 'return pcall(os.time, {year = 2000})', "false field 'day' missing in date table"],
  ['stack overflow within ~200k frames', 'local d = 0 local function f() d = d + 1 return 1 + f() end local ok, e = pcall(f) return ok, (e:gsub("^.-: ", "")), d < 250000', 'false stack overflow true', false],
];

describe('fengari patch', () => {
  for (const [name, source, want, differs = true] of cases) {
    it(name, () => {
      expect(run(patched, source)).toBe(want);
      if (differs) expect(run(unpatched as unknown as Fengari, source)).not.toBe(want);
    });
  }
  it('decodes invalid UTF-8 without swallowing the next byte', () => {
    const { lua, lauxlib, to_luastring } = patched;
    const L = lauxlib.luaL_newstate();
    lua.lua_pushstring(L, Uint8Array.from([0x63, 0xe9, 0x20, 0x6f, 0x6b]));
    expect(lua.lua_tojsstring(L, -1)).toBe('c\ufffd ok');
    lua.lua_pushstring(L, to_luastring('h\u00e9'));
    expect(lua.lua_tojsstring(L, -1)).toBe('h\u00e9');
  });
});
