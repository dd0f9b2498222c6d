import { afterEach, describe, expect, it } from 'vitest';
import { createTestScheduler, type TestScheduler } from '../../src/runtime/test-scheduler';
import { fetchDispatcher, greetModule } from './fixtures';

let ts: TestScheduler;
const run = (src: string) => {
  ts = createTestScheduler({ modules: [greetModule], dispatchers: [fetchDispatcher] });
  return ts.run(src);
};
afterEach(() => ts?.stop());

describe('host yields', () => {
  it('at top level, through handleResult', async () => {
    const r = await run('local res = greet.fetch("http://a") return res.status, res.body');
    expect(r.values).toEqual([200, 'http://a']);
  });
  it('with an async handler', async () => {
    const r = await run('return greet.fetch("http://slow").body');
    expect(r.values).toEqual(['http://slow']);
  });
  it('a failing handler becomes nil, err', async () => {
    const r = await run('local v, e = greet.fetch("http://down") return v, e:kind(), e:message(), e:retryable()');
    expect(r.values).toEqual([null, 'UNAVAILABLE', 'http://down is down', true]);
  });
  it('in nested calls, pcall and xpcall', async () => {
    const r = await run(`
      local function get(u) return greet.fetch(u).body end
      local ok, v = pcall(get, "p")
      local ok2, v2 = xpcall(function() return get("x") end, debug and debug.traceback or tostring)
      return ok, v, ok2, v2`);
    expect(r.values).toEqual([true, 'p', true, 'x']);
  });
  it('in metamethods and iterators', async () => {
    const r = await run(`
      local t = setmetatable({}, {__index = function(_, k) return greet.fetch(k).body end})
      local out = {}
      local function iter(_, i) if i < 2 then return i + 1, greet.fetch("i" .. i).body end end
      for i, v in iter, nil, 0 do out[#out + 1] = v end
      return t.key, out[1], out[2]`);
    expect(r.values).toEqual(['key', 'i0', 'i1']);
  });
  it('inside coroutine.wrap and coroutine.resume; the script\'s own yields keep their meaning', async () => {
    const r = await run(`
      local gen = coroutine.wrap(function()
        coroutine.yield(greet.fetch("a").body)
        coroutine.yield(greet.fetch("b").body)
        return "done"
      end)
      local co = coroutine.create(function(x)
        local y = coroutine.yield(x .. greet.fetch("c").body)
        return y .. greet.fetch("d").body
      end)
      local _, first = coroutine.resume(co, "x")
      local ok, second = coroutine.resume(co, "y")
      local nested = coroutine.wrap(function()
        return coroutine.wrap(function() return greet.fetch("deep").body end)()
      end)()
      return gen(), gen(), gen(), first, ok, second, coroutine.status(co), nested`);
    expect(r.values).toEqual(['a', 'b', 'done', 'xc', true, 'yd', 'dead', 'deep']);
  });
  it('errors inside a coroutine still reach resume as false, msg', async () => {
    const r = await run('local co = coroutine.create(function() greet.fetch("a") error("bad") end) return coroutine.resume(co)');
    expect(r.values[0]).toBe(false);
    expect(r.values[1]).toMatch(/test\.lua:1: bad$/);
  });
  it('where Lua cannot yield, the error names the host function and says why', async () => {
    const sort = await run('local t = {3, 1, 2} table.sort(t, function(a, b) greet.fetch("x") return a < b end)');
    expect(sort.error?.message).toMatch(/^greet\.fetch: cannot suspend the script here: Lua cannot yield inside a table\.sort comparator/);
    const gsub = await run('return (string.gsub("abc", "%w", function(c) return greet.fetch(c).body end))');
    expect(gsub.error?.message).toContain('greet.fetch: cannot suspend the script here');
    expect(gsub.error?.message).toContain('string.gsub/gmatch callback');
  });
  it('unknown command resumes with nil, err INTERNAL', async () => {
    const r = await run('local v, e = greet.orphan() return v, e:kind(), e:message()');
    expect(r.values).toEqual([null, 'INTERNAL', 'no handler for command test.nobody']);
  });
  it('clock sleep suspends and resumes', async () => {
    const r = await run('local t = os.clock() greet.sleep(20) return "woke"');
    expect(r.values).toEqual(['woke']);
  });
  it('coroutine.yield in the main chunk fails as in C Lua (it is not a coroutine for the script)', async () => {
    const r = await run('print(coroutine.isyieldable(), pcall(coroutine.yield, 1)) coroutine.yield("x")');
    expect(r.output).toBe('false\tfalse\tattempt to yield from outside a coroutine\n');
    expect(r.error?.message).toBe('attempt to yield from outside a coroutine');
  });
});
