import { afterEach, describe, expect, it } from 'vitest';
import { createTestScheduler, type TestScheduler } from '../../src/runtime/test-scheduler';
import { fetchDispatcher, greetModule } from './fixtures';

let ts: TestScheduler;
const run = (src: string) => {
  ts = createTestScheduler({ modules: [greetModule], dispatchers: [fetchDispatcher] });
  return ts.run(src);
};
afterEach(() => ts?.stop());

describe('host functions', () => {
  it('calls a sync function with required and optional arguments', async () => {
    const r = await run('return greet.greet("Ann"), greet.greet("Bo", "Hi")');
    expect(r.values).toEqual(['Hello, Ann!', 'Hi, Bo!']);
  });
  it('is reachable through require and as a global', async () => {
    const r = await run('local g = require("greet") return g == greet, g.VERSION, g.units.second');
    expect(r.values).toEqual([true, '1.0', 1000]);
  });
  it('unknown module: module not found', async () => {
    const r = await run('require("nope")');
    expect(r.error?.message).toBe("module 'nope' not found:\n\tno field package.preload['nope']");
    expect(r.error?.line).toBe(1);
  });
  it('argument errors read like Lua', async () => {
    const r = await run('\ngreet.greet(42)');
    expect(r.error?.message).toBe("bad argument #1 to 'greet' (string expected, got number)");
    expect(r.error?.line).toBe(2);
    expect((await run('greet.greet()')).error?.message).toBe("bad argument #1 to 'greet' (string expected, got no value)");
    expect((await run('greet.greet("a", {})')).error?.message).toBe("bad argument #2 to 'greet' (string expected, got table)");
    expect((await run('greet.add(1.5, 2)')).error?.message).toBe("bad argument #1 to 'add' (number has no integer representation)");
    expect((await run('greet.num("3")')).error?.message).toBe("bad argument #1 to 'num' (number expected, got string)");
    expect((await run('greet.flag(nil)')).error?.message).toBe("bad argument #1 to 'flag' (boolean expected, got nil)");
    expect((await run('greet.echo()')).error?.message).toBe("bad argument #1 to 'echo' (value expected)");
    expect((await run('greet.keys(1)')).error?.message).toBe("bad argument #1 to 'keys' (table expected, got number)");
  });
  it('argument errors are catchable by pcall', async () => {
    const r = await run('local ok, e = pcall(greet.greet, 1) return ok, e');
    expect(r.values[0]).toBe(false);
    expect(r.values[1]).toContain("bad argument #1 to 'greet'");
  });
  it('converts tables both ways', async () => {
    const r = await run('return greet.keys({b=1, a=2}), greet.echo({1, 2, {x = "y"}})');
    expect(r.values).toEqual(['a,b', [1, 2, { x: 'y' }]]);
  });
  it('a JS exception reaches the script as an INTERNAL error value', async () => {
    const r = await run('local ok, e = pcall(greet.boom) return ok, e:kind(), e:message()');
    expect(r.values).toEqual([false, 'INTERNAL', 'greet.boom: kaput']);
    const top = await run('greet.boom()');
    expect(top.error).toMatchObject({ kind: 'INTERNAL', message: 'greet.boom: kaput', line: 1 });
  });
  it('a buggy host function (cyclic value, no return count) is an INTERNAL error, not a crash', async () => {
    const cyc = await run('local ok, e = pcall(greet.cyclic) return ok, e:kind(), e:message()');
    expect(cyc.values).toEqual([false, 'INTERNAL', 'greet.cyclic: value nested too deeply (or cyclic) to pass to Lua']);
    const none = await run('local ok, e = pcall(greet.noreturn) return ok, e:kind()');
    expect(none.values).toEqual([false, 'INTERNAL']);
  });
  it('returns nil, err by convention and raises structured errors', async () => {
    const r = await run('local v, e = greet.fail() return v, e:kind(), e:message(), e:details().id, e:retryable()');
    expect(r.values).toEqual([null, 'NOT_FOUND', 'no such thing', 7, null]);
    const raised = await run('local ok, e = pcall(greet.raise) return errors.is(e, errors.CONFLICT), e:retryable()');
    expect(raised.values).toEqual([true, false]);
  });
});

describe('integers at the host boundary (64-bit; more in int64-host.test.ts)', () => {
  it('pushes safe-integer numbers as integers, other numbers as floats, never wrapped', async () => {
    const r = await run(`
      local a, b, c, d, e = greet.big()
      return a, math.type(a), math.type(b), math.type(c), math.type(d), math.type(e), b, c, d, e, e == 2^53`);
    expect(r.values).toEqual([3_000_000_000, 'integer', 'integer', 'integer', 'float', 'float', 2147483647, -2147483648, 0.5, 2 ** 53, true]);
  });
  it('accepts integral floats beyond 32 bits in checkInt', async () => {
    const r = await run('return greet.add(2147483647, 1), greet.add(3e9, 1)');
    expect(r.values).toEqual([2147483648, 3000000001]);
  });
  it('integer arithmetic is 64-bit (vendored fengari, docs/fengari-patches.md)', async () => {
    const r = await run('return math.maxinteger + 1 == math.mininteger, 1000000 * 1000000, 1 << 40');
    expect(r.values).toEqual([true, 1_000_000_000_000, 2 ** 40]);
  });
});
