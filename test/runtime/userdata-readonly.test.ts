import { afterEach, describe, expect, it } from 'vitest';
import { createTestScheduler, type TestScheduler } from '../../src/runtime/test-scheduler';
import { greetModule } from './fixtures';

let ts: TestScheduler;
const run = (src: string) => {
  ts = createTestScheduler({ modules: [greetModule] });
  return ts.run(src);
};
afterEach(() => ts?.stop());

describe('userdata', () => {
  it('methods, __tostring and __eq work', async () => {
    const r = await run(`
      local c = greet.counter(1)
      local d = c:inc(2)
      return c:get(), tostring(d), greet.counter(3) == d, type(c), getmetatable(c)`);
    expect(r.values).toEqual([3, 'Counter(3)', true, 'userdata', 'greet.Counter']);
  });
  it('a wrong type names both types, counting arguments after self', async () => {
    const r = await run('greet.counter():add("x")');
    expect(r.error?.message).toBe("bad argument #1 to 'add' (greet.Counter expected, got string)");
    const self = await run('local c = greet.counter() c.get("x")');
    expect(self.error?.message).toBe("calling 'get' on bad self (greet.Counter expected, got string)");
    const other = await run('greet.counter():add(errors.new("x"))');
    expect(other.error?.message).toBe("bad argument #1 to 'add' (greet.Counter expected, got Error)");
  });
  it('a __tostring host function called from another host function does not confuse its messages', async () => {
    const r = await run('local ok, e = pcall(errors.wrap, greet.counter(1), 5) return errors.wrap(greet.counter(2), "ctx"):message(), e');
    expect(r.values[0]).toBe('ctx: Counter(2)');
    expect(r.values[1]).toContain("bad argument #2 to 'wrap' (string expected, got number)");
  });
  it('metatables are locked', async () => {
    const r = await run('local ok, e = pcall(setmetatable, greet.counter(), {}) return ok, e');
    expect(r.values[0]).toBe(false);
  });
});

describe('read-only module tables', () => {
  const writes = [
    ['assignment', 'greet.greet = nil'],
    ['new field', 'greet.extra = 1'],
    ['rawset', 'rawset(greet, "x", 1)'],
    ['table.insert', 'table.insert(greet, 1)'],
    ['table.remove', 'table.remove(greet.units)'],
    ['setmetatable', 'setmetatable(greet, {})'],
    ['nested table', 'greet.units.second = 1'],
  ];
  for (const [what, src] of writes) {
    it(`refuses ${what}`, async () => {
      const r = await run(src as string);
      expect(r.error?.message).toMatch(/^attempt to modify read-only table '(greet|greet\.units)'$/);
    });
  }
  it('names the module in the message', async () => {
    expect((await run('greet.x = 1')).error?.message).toBe("attempt to modify read-only table 'greet'");
    expect((await run('errors.x = 1')).error?.message).toBe("attempt to modify read-only table 'errors'");
    expect((await run('string.x = 1')).error?.message).toBe("attempt to modify read-only table 'string'");
  });
  it('pairs, ipairs, #, next, rawget still work and hand out no writable table', async () => {
    const r = await run(`
      local names = {}
      for k in pairs(greet) do names[#names + 1] = k end
      table.sort(names)
      local k1 = next(greet)
      local n = 0
      for _ in pairs(greet.units) do n = n + 1 end
      local seen
      for _, t in pairs(greet) do if t == greet.units then seen = t end end
      local ok = pcall(function() seen.x = 1 end)
      return #names > 10, k1 ~= nil, n, rawget(greet, "VERSION"), #greet, ok, getmetatable(greet)`);
    expect(r.values).toEqual([true, true, 2, '1.0', 0, false, false]);
  });
  it('ipairs and # read through a view of a sequence', async () => {
    const r = await run('local s = 0 for i, v in ipairs(table) do s = s + 1 end return s, #string, type(string.format)');
    expect(r.values).toEqual([0, 0, 'function']);
  });
  it('data tables stay ordinary', async () => {
    const r = await run('local t = greet.echo({1, 2}) t[3] = 3 table.insert(t, 4) return #t');
    expect(r.values).toEqual([4]);
  });
});

describe('errors library', () => {
  it('new from a string or a table; kind constants', async () => {
    const r = await run(`
      local a = errors.new("plain")
      local b = errors.new{message = "gone", kind = errors.NOT_FOUND, retryable = true, details = {path = "/x"}}
      return a:message(), a:kind(), a:retryable(), b:kind(), b:retryable(), b:details().path, errors.TIMEOUT`);
    expect(r.values).toEqual(['plain', 'UNKNOWN', null, 'NOT_FOUND', true, '/x', 'TIMEOUT']);
  });
  it('tostring and concatenation both ways', async () => {
    const r = await run('local e = errors.new("boom") return tostring(e), "x: " .. e, e .. "!", 1 .. e');
    expect(r.values).toEqual(['boom', 'x: boom', 'boom!', '1boom']);
  });
  it('wrap keeps kind, retryable and details', async () => {
    const r = await run(`
      local e = errors.new{message = "disk full", kind = "UNAVAILABLE", retryable = true, details = {dev = "sda"}}
      local w = errors.wrap(e, "saving")
      return w:message(), w:kind(), w:retryable(), w:details().dev, errors.is(w, "UNAVAILABLE"), errors.is(w, "INTERNAL"),
        errors.is("str", "UNKNOWN"), errors.wrap(nil, "x"), errors.wrap("raw", "ctx"):message()`);
    expect(r.values).toEqual(['saving: disk full', 'UNAVAILABLE', true, 'sda', true, false, false, null, 'ctx: raw']);
  });
  it('stack() holds a Lua traceback', async () => {
    const r = await run('local function f() return errors.new("x") end return f():stack()');
    expect(r.values[0]).toContain('stack traceback');
  });
  it('rejects bad input', async () => {
    expect((await run('errors.new{message = "x", kind = "NOPE"}')).error?.message).toContain("unknown error kind 'NOPE'");
    expect((await run('errors.new(5)')).error?.message).toBe("bad argument #1 to 'new' (string or table expected, got number)");
    expect((await run('errors.new{}')).error?.message).toBe("bad argument #1 to 'new' (field 'message' must be a string, got nil)");
  });
  it('an uncaught structured error keeps its kind and line', async () => {
    const r = await run('\n\nerror(errors.new{message = "bad input", kind = "INVALID"})');
    expect(r.error).toMatchObject({ message: 'bad input', kind: 'INVALID', line: 3 });
  });
});

describe("the reference note's names: registerTypeMethods, pushUserdata, checkUserdata", () => {
  it('declare a userdata type whose methods, metamethods and argument checks work on the VM', async () => {
    const { registerTypeMethods, pushUserdata, checkUserdata, ModuleClass } = await import('../../src/module');
    const { newManifest } = await import('../../src/types');
    type Box = { v: string };
    const boxModule = {
      name: 'box', description: 'boxes', class: [ModuleClass.Deterministic], types: () => newManifest('box'),
      build: () => ({
        table: { new: (l: import('../../src/module').LState) => { pushUserdata(l, { v: l.checkString(1) } satisfies Box, 'box.Box'); return 1; } },
        userdata: [registerTypeMethods('box.Box',
          { __tostring: (l) => { l.push(`Box(${checkUserdata<Box>(l, 1, 'box.Box').v})`); return 1; } },
          { get: (l) => { l.push(checkUserdata<Box>(l, 1, 'box.Box').v); return 1; } })],
      }),
    };
    ts = createTestScheduler({ modules: [boxModule] });
    const r = await ts.run('local b = box.new("x") return b:get(), tostring(b), pcall(b.get, "nope")');
    expect(r.values.slice(0, 3)).toEqual(['x', 'Box(x)', false]);
    expect(String(r.values[3])).toContain('box.Box expected, got string');
  });
});
