// 64-bit integers in the vendored fengari (docs/fengari-patches.md, "64-bit integers").
// 1. Snippets under int64/ run in the real fengari VM; their output must equal, byte for byte, the
//    `.expected` file produced by native lua5.3 (scripts/int64-expected.mjs regenerates them; when
//    lua5.3 is installed the test also checks the files are current).
// 2. A property test: random 64-bit operands through the VM's operators, against BigInt semantics.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { lauxlib, lua, lualib, to_luastring, type lua_State } from 'fengari';
import { describe, expect, it } from 'vitest';

const dir = join(__dirname, 'int64');
const snippets = readdirSync(dir).filter((f) => f.endsWith('.lua')).sort();
const native = ['/usr/bin/lua5.3', '/usr/local/bin/lua5.3'].find((p) => existsSync(p));

// print and io.write append to a buffer (bytes, as Lua's own tostring gives them).
const PRELUDE = `
local out = {}
__OUT = out
print = function(...)
  local n = select("#", ...)
  local t = {}
  for i = 1, n do t[i] = tostring((select(i, ...))) end
  out[#out + 1] = table.concat(t, "\\t") .. "\\n"
end
io.write = function(...)
  for i = 1, select("#", ...) do
    local v = select(i, ...)
    out[#out + 1] = type(v) == "number" and tostring(v) or v
  end
  return io
end`;

function newState(): lua_State {
  const L = lauxlib.luaL_newstate();
  lualib.luaL_openlibs(L);
  return L;
}

function check(L: lua_State, status: number, what: string): void {
  if (status !== lua.LUA_OK) throw new Error(`${what}: ${lua.lua_tojsstring(L, -1)}`);
}

/** Runs a snippet in fengari; returns what it printed, as bytes. */
function runSnippet(name: string): Buffer {
  const L = newState();
  check(L, lauxlib.luaL_dostring(L, to_luastring(PRELUDE)), 'prelude');
  const src = readFileSync(join(dir, name));
  check(L, lauxlib.luaL_loadbuffer(L, src, null, to_luastring(`@${name}`)), name);
  check(L, lua.lua_pcall(L, 0, 0, 0), name);
  check(L, lauxlib.luaL_dostring(L, to_luastring('return table.concat(__OUT)')), 'output');
  return Buffer.from(lua.lua_tostring(L, -1) as Uint8Array);
}

describe('64-bit integers: output identical to native lua5.3', () => {
  it('has snippets', () => expect(snippets.length).toBeGreaterThanOrEqual(10));
  for (const name of snippets) {
    it(name, () => {
      const expected = readFileSync(join(dir, name.replace(/\.lua$/, '.expected')));
      expect(runSnippet(name).toString('latin1')).toBe(expected.toString('latin1'));
    });
  }
  it.skipIf(native === undefined)('the .expected files are current (native lua5.3 output)', () => {
    for (const name of snippets) {
      const now = execFileSync(native!, [name], { cwd: dir });
      const expected = readFileSync(join(dir, name.replace(/\.lua$/, '.expected')));
      expect(now.toString('latin1'), `${name}: run node scripts/int64-expected.mjs`).toBe(expected.toString('latin1'));
    }
  });
});

// ---- property test: the VM against BigInt reference semantics ----

const MIN = -(2n ** 63n);
const MAX = 2n ** 63n - 1n;
const SAFE = 2n ** 53n - 1n;
const wrap = (x: bigint) => BigInt.asIntN(64, x);
const floorDiv = (a: bigint, b: bigint) => {
  let q = a / b;
  if (a % b !== 0n && (a < 0n) !== (b < 0n)) q -= 1n;
  return wrap(q);
};
const floorMod = (a: bigint, b: bigint) => {
  let r = a % b;
  if (r !== 0n && (r < 0n) !== (b < 0n)) r += b;
  return r;
};
const shiftLeft = (a: bigint, s: number): bigint => {
  if (s <= -64 || s >= 64) return 0n;
  if (s >= 0) return wrap(a << BigInt(s));
  return wrap(BigInt.asUintN(64, a) >> BigInt(-s));
};

const OPS = ['a + b', 'a - b', 'a * b', 'a // b', 'a % b', 'a & b', 'a | b', 'a ~ b', '-a', '~a', 'a << s', 'a >> s',
  'a < b', 'a <= b', 'a == b', 'tostring(a)', 'a < f', 'a <= f', 'a == f', 'f < a'];
function reference(a: bigint, b: bigint, s: number, f: number): unknown[] {
  const fl = Number.isInteger(f) ? BigInt(f) : BigInt(Math.floor(f));
  const integral = Number.isInteger(f);
  return [
    wrap(a + b), wrap(a - b), wrap(a * b), b === 0n ? 'div0' : floorDiv(a, b), b === 0n ? 'mod0' : floorMod(a, b),
    wrap(a & b), wrap(a | b), wrap(a ^ b), wrap(-a), wrap(~a), shiftLeft(a, s), shiftLeft(a, -s),
    a < b, a <= b, a === b, a.toString(),
    integral ? a < fl : a <= fl, a <= fl, integral && a === fl, integral ? fl < a : fl < a,
  ];
}

// Operands biased to the interesting places: small, around ±2^53, around the limits, anything.
const int64 = fc.oneof(
  fc.bigInt(-1000n, 1000n),
  fc.bigInt(SAFE - 100n, SAFE + 100n),
  fc.bigInt(-SAFE - 100n, -SAFE + 100n),
  fc.bigInt(MAX - 100n, MAX),
  fc.bigInt(MIN, MIN + 100n),
  fc.bigInt(-(2n ** 32n), 2n ** 32n),
  fc.bigInt(MIN, MAX),
);
const float = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.bigInt(MIN, MAX).map((x) => Number(x)),
  fc.constantFrom(2 ** 53, 2 ** 53 + 2, 2 ** 63, -(2 ** 63), 2 ** 62 + 0.5 * 2 ** 10, 0.5, -0.5, 1e300),
);

describe('64-bit integers: property test against BigInt semantics', () => {
  it('every operator, comparison and tostring agrees with the reference, and results are normalised', () => {
    const L = newState();
    const body = OPS.map((op) => (op.includes('//') || op.includes('%') ? `(b == 0 and (${op.includes('//') ? '"div0"' : '"mod0"'}) or ${op})` : op));
    check(L, lauxlib.luaL_loadstring(L, to_luastring(`return function(a, b, s, f) return ${body.join(', ')} end`)), 'ops');
    check(L, lua.lua_pcall(L, 0, 1, 0), 'ops');
    const fn = lua.lua_gettop(L);
    expect(lua.lua_checkstack(L, OPS.length + 8)).toBe(true);
    fc.assert(
      fc.property(int64, int64, fc.integer({ min: -70, max: 70 }), float, (a, b, s, f) => {
        lua.lua_settop(L, fn);
        lua.lua_pushvalue(L, fn);
        lua.lua_pushinteger(L, a);
        lua.lua_pushinteger(L, b);
        lua.lua_pushinteger(L, s);
        lua.lua_pushnumber(L, f);
        check(L, lua.lua_pcall(L, 4, OPS.length, 0), 'call');
        const want = reference(a, b, s, f);
        for (let i = 0; i < OPS.length; i++) {
          const idx = fn + 1 + i;
          const w = want[i];
          let got: unknown;
          if (typeof w === 'bigint') {
            expect(lua.lua_isinteger(L, idx), OPS[i]).toBe(true);
            const v = lua.lua_tointeger(L, idx);
            // normalised: a number exactly when the value is a safe integer
            expect(typeof v, `${OPS[i]} representation`).toBe(w >= -SAFE && w <= SAFE ? 'number' : 'bigint');
            got = BigInt(v);
          } else if (typeof w === 'boolean') got = lua.lua_toboolean(L, idx);
          else got = lua.lua_tojsstring(L, idx);
          expect(got, `${OPS[i]} with a=${a} b=${b} s=${s} f=${f}`).toEqual(w);
        }
      }),
      { numRuns: 3000 },
    );
  });
});
