// 64-bit integers (issue 16): the vendored, patched fengari vs the pristine upstream fengari 0.1.5
// (npm alias `fengari-upstream`, 32-bit integers) on the same Lua programs, in the same run.
// Floors (docs/fengari-patches.md): integer-heavy programs (fib, sieve, bit operations) <= 1.25x,
// table- and float-heavy programs <= 1.05x.
import * as patched from 'fengari';
import { defineSuite } from '../harness';

type Fengari = typeof patched;
const upstream = require('fengari-upstream') as Fengari;

/** Integer-heavy programs: results stay within 32 bits so both VMs compute the same thing. */
const INTEGER = {
  'fib(27)': `local function fib(n) if n < 2 then return n end return fib(n - 1) + fib(n - 2) end return fib(27)`,
  'sieve 200k ×3': `
    local count
    for rep = 1, 3 do
      local n, sieve = 200000, {}
      for i = 2, n do sieve[i] = true end
      for i = 2, 447 do -- sqrt(n): i * i stays within 32 bits for upstream
        if sieve[i] then for j = i * i, n, i do sieve[j] = false end end
      end
      count = 0
      for i = 2, n do if sieve[i] then count = count + 1 end end
    end
    return count`,
  'bit operations 300k': `
    local x, acc = 0x12345, 0
    for i = 1, 300000 do
      x = x ~ ((x << 5) & 0xFFFFFF)
      x = x ~ (x >> 7)
      x = (x ~ (x << 3)) & 0x7FFFFF
      acc = (acc + (x & 0xFF) | 1) % 1000003
    end
    return acc`,
};

/** Table- and float-heavy programs. */
const OTHER = {
  'table-heavy': `
    local t = {}
    for i = 1, 100000 do t[i] = {x = i, y = i * 2, name = "n" .. (i % 100)} end
    local s = 0
    for r = 1, 3 do
      for i = 1, #t do local p = t[i] s = (s + p.x + p.y) % 1000000007 end -- within 32 bits for upstream
      local m = {}
      for i = 1, #t do local k = t[i].name m[k] = (m[k] or 0) + 1 end
    end
    return s`,
  'float-heavy (mandelbrot 120)': `
    local n, inside = 120, 0
    for y = 0, n - 1 do
      local ci = 2.0 * y / n - 1.0
      for x = 0, n - 1 do
        local cr, zr, zi = 2.0 * x / n - 1.5, 0.0, 0.0
        local k = 0
        while k < 50 and zr * zr + zi * zi < 4.0 do
          zr, zi = zr * zr - zi * zi + cr, 2.0 * zr * zi + ci
          k = k + 1
        end
        if k == 50 then inside = inside + 1 end
      end
    end
    return inside`,
};

/** A compiled chunk on a fresh state of `f`; the returned function runs it once and checks the result. */
function prepare(f: Fengari, source: string, name: string): { run: () => void; result: string } {
  const { lua, lauxlib, lualib, to_luastring } = f;
  const L = lauxlib.luaL_newstate();
  lualib.luaL_openlibs(L);
  if (lauxlib.luaL_loadstring(L, to_luastring(source)) !== lua.LUA_OK) throw new Error(lua.lua_tojsstring(L, -1) ?? 'load error');
  const ref = lauxlib.luaL_ref(L, lua.LUA_REGISTRYINDEX);
  let result = '';
  const run = () => {
    lua.lua_rawgeti(L, lua.LUA_REGISTRYINDEX, ref);
    const status = lua.lua_pcall(L, 0, 1, 0);
    if (status !== lua.LUA_OK) throw new Error(`${name}: status ${status}: ${lua.lua_tojsstring(L, -1) ?? "error"}`);
    result = lua.lua_tojsstring(L, -1) ?? '';
    lua.lua_pop(L, 1);
  };
  run();
  return { run, get result() { return result; } };
}

export default defineSuite({
  name: 'int64',
  description: 'patched fengari (64-bit integers) vs upstream fengari 0.1.5 (32-bit); floors 1.25x integer, 1.05x table/float',
  run(b) {
    for (const [name, source] of Object.entries({ ...INTEGER, ...OTHER })) {
      const up = prepare(upstream, source, name);
      const mine = prepare(patched, source, name);
      if (up.result !== mine.result) throw new Error(`int64 bench '${name}': upstream gives ${up.result}, patched ${mine.result}`);
      b.reference(`upstream: ${name}`, up.run);
      b.bench(`patched:  ${name}`, mine.run);
    }
  },
});
