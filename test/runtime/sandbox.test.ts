import { afterEach, describe, expect, it } from 'vitest';
import { runScript } from '../../src/runtime/run-script';
import { createTestScheduler, type TestScheduler } from '../../src/runtime/test-scheduler';
import { greetModule } from './fixtures';

let ts: TestScheduler;
const run = (src: string) => {
  ts = createTestScheduler({ modules: [greetModule] });
  return ts.run(src);
};
afterEach(() => ts?.stop());

describe('sandbox', () => {
  it('leaves out io, dofile, loadfile, string.dump and the unsafe part of debug', async () => {
    const r = await run('return io, dofile, loadfile, string.dump, debug.getregistry, debug.sethook, debug.getlocal, debug.getupvalue, debug.upvaluejoin');
    expect(r.values).toEqual([null, null, null, null, null, null, null, null, null]);
    const names = await run('local n = {} for k in pairs(debug) do n[#n + 1] = k end table.sort(n) return table.concat(n, " "), debug.getinfo(1, "f").func, debug.getmetatable(string), pcall(debug.setmetatable, string, {})');
    expect(names.values.slice(0, 4)).toEqual(['getinfo getmetatable setmetatable traceback', null, false, false]);
  });
  it('package is a read-only view: only its loaded and preload tables (the process\'s own) can change', async () => {
    const r = await run('package.loaded.x = 1 package.preload.y = print return type(package), package.loaded.x, package.cpath, pcall(function() package.loaded = {} end)');
    expect(r.values.slice(0, 4)).toEqual(['userdata', 1, '', false]);
    expect(String(r.values[4])).toContain("attempt to modify read-only table 'package'");
  });
  it('collectgarbage is harmless', async () => {
    const r = await run('return collectgarbage(), math.type(collectgarbage("count")), collectgarbage("step"), pcall(collectgarbage, "nope")');
    expect(r.values.slice(0, 4)).toEqual([0, 'float', true, false]);
  });
  it('keeps only os.time, os.clock, os.date, os.difftime', async () => {
    const r = await run(`
      local names = {}
      for k in pairs(os) do names[#names + 1] = k end
      table.sort(names)
      return table.concat(names, ","), type(os.time()), type(os.clock()), type(os.date("%Y"))`);
    expect(r.values).toEqual(['clock,date,difftime,time', 'number', 'number', 'string']);
  });
  it('load never loads binary chunks and defaults to the process globals', async () => {
    const r = await run(`
      x = 41
      local f = load("x = x + 1 return x")
      local ok, err = load("\\27Lua")
      return f(), x, ok, err, load("return y", "c", "t", {y = 5})()`);
    expect(r.values).toEqual([42, 42, null, 'attempt to load a binary chunk (binary chunks are not supported)', 5]);
  });
  it('skips a shebang line and keeps line numbers', async () => {
    const r = await run('#!/usr/bin/env lua\nprint("ok")\nerror("line 3")');
    expect(r.output).toBe('ok\n');
    expect(r.error?.line).toBe(3);
  });
  it('print writes to the process output sink, tab-separated, with __tostring', async () => {
    const r = await run('print("a", 1, 2.5, nil, true, greet.counter(2))');
    expect(r.output).toBe('a\t1\t2.5\tnil\ttrue\tCounter(2)\n');
  });
  it('cannot reach the shared globals or the string metatable', async () => {
    const r = await run('return getmetatable(_ENV), getmetatable(""), _G == _ENV, pcall(setmetatable, _ENV, {})');
    expect(r.values.slice(0, 4)).toEqual([false, false, true, false]);
  });
  it('base functions keep Lua\'s behaviour and messages', async () => {
    const r = await run(`
      local _, a = pcall(setmetatable, 1, {})
      local _, b = pcall(setmetatable, setmetatable({}, {__metatable = "locked"}), {})
      local _, c = pcall(math.floor, "x")
      return a, b, c, next({}), next({7}), rawlen({1, 2}), rawget({x = 1}, "x")`);
    expect(r.values).toEqual([
      "bad argument #1 to 'setmetatable' (table expected, got number)",
      'cannot change a protected metatable',
      "bad argument #1 to 'math.floor' (number expected, got string)",
      null, 1, 2, 1,
    ]);
  });
  it('global errors name the global', async () => {
    const r = await run('undefined_fn()');
    expect(r.error?.message).toBe("attempt to call a nil value (global 'undefined_fn')");
  });
  it('a process may be limited to some modules', async () => {
    ts = createTestScheduler({ modules: [greetModule] });
    const r = await ts.run('return greet, pcall(require, "greet"), errors ~= nil', { modules: [] });
    expect(r.values[0]).toBeNull();
    expect(r.values[1]).toBe(false);
    expect(r.values[2]).toBe(true);
  });
});

describe('runScript', () => {
  it('returns output, result and duration', async () => {
    const r = await runScript({ source: 'print("hi") return 1, "two"', chunkName: 'x.lua' });
    expect(r.output).toBe('hi\n');
    expect(r.result).toEqual([1, 'two']);
    expect(r.error).toBeUndefined();
    expect(typeof r.durationMs).toBe('number');
  });
  it('reports syntax errors with their line', async () => {
    const r = await runScript({ source: 'local x = 1\nlocal = 2', chunkName: 'bad.lua' });
    expect(r.error?.line).toBe(2);
    expect(r.error?.message).toContain("<name> expected near '='");
  });
  it('reports runtime errors with kind and line', async () => {
    const r = await runScript({ source: '\nerror(errors.new{message = "nope", kind = "INVALID"})', chunkName: 'e.lua' });
    expect(r.error).toMatchObject({ message: 'nope', kind: 'INVALID', line: 2 });
  });
  it('an AbortSignal cancels a running script', async () => {
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 30);
    const r = await runScript({ source: 'while true do end', chunkName: 'c.lua', signal: ac.signal });
    expect(r.error).toMatchObject({ kind: 'CANCELED', message: 'run canceled' });
  });
  it('passes the env map to host modules and enforces timeouts', async () => {
    const r = await runScript({ source: 'return greet.env("HOME_X")', chunkName: 'e.lua', modules: [greetModule], env: { HOME_X: '/h' } });
    expect(r.result).toEqual(['/h']);
    const t = await runScript({ source: 'while true do end', chunkName: 't.lua', timeoutMs: 50 });
    expect(t.error?.kind).toBe('TIMEOUT');
  });
});
