// 64-bit Lua integers at the host boundary: a Lua integer beyond ±(2^53 - 1) reaches JS as a bigint,
// a bigint within [-2^63, 2^63) reaches Lua as an integer, and the LState checks accept both.
import { afterEach, describe, expect, it } from 'vitest';
import type { LState, ModuleDef } from '../../src/module';
import { ModuleClass } from '../../src/module';
import { newManifest } from '../../src/types';
import { createTestScheduler, type TestScheduler } from '../../src/runtime/test-scheduler';
import { jsonModule } from '../../src/modules/json';

const int64Module: ModuleDef = {
  name: 'i64',
  description: 'Test module: integers across the boundary.',
  class: [ModuleClass.Deterministic],
  types: () => newManifest('i64'),
  build: () => ({
    table: {
      big: (l: LState) => { l.push(2n ** 62n); l.push(-(2n ** 63n)); l.push(9007199254740993n); l.push(5n); return 4; },
      tooBig: (l: LState) => { l.push(2n ** 63n); return 1; },
      exact: (l: LState) => { const v = l.checkInteger(1); l.push(typeof v); l.push(v); return 2; },
      opt: (l: LState) => { l.push(l.optInteger(1, 2n ** 60n)); return 1; },
      int: (l: LState) => { l.push(l.checkInt(1)); return 1; },
      now: (l: LState) => { l.push(1_765_000_000_123); return 1; },
      echo: (l: LState) => { l.push(l.checkAny(1)); return 1; },
    },
  }),
};

let ts: TestScheduler;
const run = (src: string) => {
  ts = createTestScheduler({ modules: [int64Module, jsonModule] });
  return ts.run(src);
};
afterEach(() => ts?.stop());

describe('integers across the host boundary', () => {
  it('a bigint from the host is a Lua integer, normalised to a number in the safe range', async () => {
    const r = await run(`
      local a, b, c, d = i64.big()
      return math.type(a), a == 1 << 62, b == math.mininteger, tostring(c), math.type(d), d + 1`);
    expect(r.values).toEqual(['integer', true, true, '9007199254740993', 'integer', 6]);
  });
  it('a Lua integer beyond 2^53 reaches the host as an exact bigint, a small one as a number', async () => {
    const r = await run('return math.maxinteger, math.mininteger, (1 << 53) + 1, 42, 2^53, {[1 << 60] = 1}');
    expect(r.values).toEqual([9223372036854775807n, -9223372036854775808n, 9007199254740993n, 42, 2 ** 53, { '1152921504606846976': 1 }]);
  });
  it('a bigint outside 64 bits is an error, not a wrapped value', async () => {
    const r = await run('return i64.tooBig()');
    expect(r.error?.message).toMatch(/does not fit in a Lua integer/);
  });
  it('checkInteger is exact over 64 bits and converts integral floats as Lua does', async () => {
    const r = await run(`
      local t1, v1 = i64.exact(math.maxinteger)
      local t2, v2 = i64.exact(7)
      local t3, v3 = i64.exact(2^60)
      return t1, v1 == math.maxinteger, t2, v2, t3, math.type(v3), v3 == 1 << 60, i64.opt(), i64.opt(3)`);
    expect(r.error).toBeUndefined();
    expect(r.values).toEqual(['bigint', true, 'number', 7, 'bigint', 'integer', true, 2n ** 60n, 3]);
    expect((await run('i64.exact("12")')).error?.message).toBe("bad argument #1 to 'exact' (number expected, got string)");
    expect((await run('i64.exact(2.5)')).error?.message).toBe("bad argument #1 to 'exact' (number has no integer representation)");
    expect((await run('i64.exact(2^63)')).error?.message).toBe("bad argument #1 to 'exact' (number has no integer representation)");
  });
  it('checkInt keeps returning a number and refuses integers beyond the safe range', async () => {
    expect((await run('return i64.int(2^53 - 1), i64.int(-5)')).values).toEqual([2 ** 53 - 1, -5]);
    expect((await run('i64.int(1 << 60)')).error?.message).toBe("bad argument #1 to 'int' (integer out of range (beyond ±2^53))");
  });
  it('host numbers such as Date.now() cross as integers', async () => {
    const r = await run('local t = i64.now() return math.type(t), t // 1000, string.format("%d", t)');
    expect(r.values).toEqual(['integer', 1_765_000_000, '1765000000123']);
  });
  it('values round-trip exactly through checkAny and push', async () => {
    const r = await run('local x = i64.echo(-9223372036854775807) local y = i64.echo({1 << 62, 3}) return x == -9223372036854775807, y[1] == 1 << 62, y[2]');
    expect(r.values).toEqual([true, true, 3]);
  });
  it('json encodes and decodes 64-bit integers exactly', async () => {
    const r = await run(`
      local text = json.encode({a = math.maxinteger, b = math.mininteger, c = (1 << 53) + 1, d = 5})
      local v = json.decode('[9223372036854775807, -9223372036854775808, 9007199254740993, 2, 1e3, 9223372036854775808]')
      return text, v[1] == math.maxinteger, v[2] == math.mininteger, v[3] == (1 << 53) + 1, math.type(v[3]), math.type(v[4]), math.type(v[5]), math.type(v[6])`);
    expect(r.error).toBeUndefined();
    // 1e3 is a whole safe number (an integer, as before); 2^63 does not fit 64 bits (a float)
    expect(r.values).toEqual(['{"a":9223372036854775807,"b":-9223372036854775808,"c":9007199254740993,"d":5}', true, true, true, 'integer', 'integer', 'integer', 'float']);
  });
});

// main replaced string.format, math.random and os.date at the library level (src/runtime): they
// receive 64-bit integers as number | bigint.
describe('library functions luamod replaces, with 64-bit integers', () => {
  it('string.format: %q of mininteger is hex, %d/%x/%c of bigints are exact', async () => {
    const r = await run(`return string.format("%q", math.mininteger), string.format("%q %d %x", 1 << 62, math.maxinteger, -1),
      string.format("%c", (1 << 60) + 65)`);
    expect(r.values).toEqual(['0x8000000000000000', '4611686018427387904 9223372036854775807 ffffffffffffffff', 'A']);
  });

  it('math.random over 64-bit ranges, with C Lua 5.3\'s checks', async () => {
    const r = await run(`
      math.randomseed(42)
      local ok = true
      for _ = 1, 200 do
        local a = math.random(math.mininteger, -1)
        local b = math.random(0, math.maxinteger)
        local c = math.random(1 << 60, (1 << 60) + 3)
        if math.type(a) ~= "integer" or a >= 0 or b < 0 or c < 1 << 60 or c > (1 << 60) + 3 then ok = false end
      end
      return ok, select(2, pcall(math.random, math.mininteger, 0)), math.random(math.maxinteger, math.maxinteger)`);
    expect(r.values[0]).toBe(true);
    expect(String(r.values[1])).toContain('interval too large');
    expect(r.values[2]).toBe(2n ** 63n - 1n);
  });

  it('os.date of a time beyond any date is C\'s error, not a crash', async () => {
    const r = await run(`return select(2, pcall(os.date, "!%Y", 1 << 62)), os.date("!%Y", 1 << 40)`);
    expect(String(r.values[0])).toContain('time result cannot be represented in this installation');
    expect(r.values[1]).toBe('36812');
  });
});
