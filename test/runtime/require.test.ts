// require() of a project's own Lua files in the real fengari VM: resolution, once per process,
// per-process instances, compile once per engine, stdlib names, host modules first, preload,
// the not-found message, `...` of a module, and the read-only `package` view.
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createProcess } from '../../src/runtime/process';
import { runScript } from '../../src/runtime/run-script';
import { createTestScheduler, type TestScheduler } from '../../src/runtime/test-scheduler';
import { greetModule } from './fixtures';

const dirs: string[] = [];
let ts: TestScheduler | undefined;
afterEach(() => {
  ts?.stop();
  ts = undefined;
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A temporary project folder with `files` (path → text). */
export function project(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'luamod-require-'));
  dirs.push(root);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

function scheduler(root: string, extra: { path?: string[]; external?: string[] } = {}): TestScheduler {
  ts = createTestScheduler({ modules: [greetModule], project: { root, ...extra } });
  return ts;
}

const COUNTER = `
local M = { n = 0 }
function M.bump() M.n = M.n + 1 return M.n end
loads = (loads or 0) + 1
return M
`;

describe('require of project files', () => {
  it('loads a file module, and a dotted name from a folder (a/b.lua, a/init.lua)', async () => {
    const root = project({
      'util.lua': 'local M = {} function M.add(a, b) return a + b end return M',
      'lib/strings.lua': 'return { upper = string.upper }',
      'pkg/init.lua': 'return { name = "pkg" }',
    });
    const r = await scheduler(root).run('return require("util").add(2, 3), require("lib.strings").upper("x"), require("pkg").name', { chunkName: 'main.lua' });
    expect(r.error).toBeUndefined();
    expect(r.values).toEqual([5, 'X', 'pkg']);
  });

  it('runs a module once per process: the second require returns the same value from package.loaded', async () => {
    const root = project({ 'counter.lua': COUNTER });
    const r = await scheduler(root).run(`
      local a = require("counter")
      local b = require("counter")
      a.bump()
      return a == b, b.n, loads, package.loaded.counter == a
    `);
    expect(r.values).toEqual([true, 1, 1, true]);
  });

  it('passes the module name and its file as ... (as Lua 5.3 does)', async () => {
    const root = project({ 'lib/args.lua': 'return { select("#", ...), ... }' });
    const r = await scheduler(root).run('local t = require("lib.args") return t[1], t[2], t[3]');
    expect(r.values).toEqual([2, 'lib.args', 'lib/args.lua']);
  });

  it('a module that returns nothing is recorded as true; one that sets package.loaded itself keeps that value', async () => {
    const root = project({ 'side.lua': 'sideEffect = 1', 'self.lua': 'package.loaded.self = "mine"' });
    const r = await scheduler(root).run('return require("side"), sideEffect, require("self")');
    expect(r.values).toEqual([true, 1, 'mine']);
  });

  it('a module sees the process globals and the standard library', async () => {
    const root = project({ 'g.lua': 'return { fromMain = shared, len = string.len("abc"), greet = greet.greet("m") }' });
    const r = await scheduler(root).run('shared = 42 local g = require("g") return g.fromMain, g.len, g.greet');
    expect(r.values).toEqual([42, 3, 'Hello, m!']);
  });

  it('standard library names give the same value as the global, and package.loaded holds them', async () => {
    const root = project({ 'string.lua': 'return "the file"' });
    const r = await scheduler(root).run(`
      return require("string") == string, require("table") == table, require("math") == math,
        require("coroutine") == coroutine, require("utf8") == utf8, require("os") == os,
        package.loaded.string == string, package.loaded._G == _G, require("_G") == _G
    `);
    expect(r.values).toEqual([true, true, true, true, true, true, true, true, true]);
  });

  it('host modules win over a file of the same name', async () => {
    const root = project({ 'greet.lua': 'return { file = true }' });
    const r = await scheduler(root).run('local g = require("greet") return g == greet, g.file');
    expect(r.values).toEqual([true, null]);
  });

  it('package.preload loaders run before project files, with the name and ":preload:"', async () => {
    const root = project({ 'pre.lua': 'return "file"' });
    const r = await scheduler(root).run('package.preload.pre = function(...) return { ... } end local t = require("pre") return t[1], t[2]');
    expect(r.values).toEqual(['pre', ':preload:']);
  });

  it('not found: C Lua\'s message, listing preload and the files tried (runtime.path order)', async () => {
    const root = project({});
    const r = await scheduler(root, { path: ['?.lua', 'lib/?.lua', '?/init.lua'] }).run('\nrequire("a.b")', { chunkName: 'main.lua' });
    expect(r.error?.message).toBe(
      "module 'a.b' not found:\n\tno field package.preload['a.b']\n\tno file 'a/b.lua'\n\tno file 'lib/a/b.lua'\n\tno file 'a/b/init.lua'",
    );
    expect(r.error?.line).toBe(2);
    expect(r.error?.chunk).toBe('main.lua');
  });

  it('runtime.external names are still not found at run time unless the host provides them, and the message says so', async () => {
    const root = project({});
    const r = await scheduler(root, { external: ['socket.*'] }).run('require("socket.http")');
    expect(r.error?.message).toMatch(/^module 'socket\.http' not found:/);
    expect(r.error?.message).toContain("'socket.http' is listed in runtime.external");
  });

  it('require checks its argument; a number is a name, as in C Lua', async () => {
    const s = scheduler(project({ '42.lua': 'return "forty-two"' }));
    expect((await s.run('require({})')).error?.message).toBe("bad argument #1 to 'require' (string expected, got table)");
    expect((await s.run('return require(42), package.loaded["42"]')).values).toEqual(['forty-two', 'forty-two']);
  });
});

describe('package', () => {
  it('package.path shows runtime.path and is read-only, with a hint', async () => {
    const root = project({});
    const s = scheduler(root, { path: ['?.lua', 'src/?.lua'] });
    expect((await s.run('return package.path, type(package.loaded), type(package.preload)')).values).toEqual(['?.lua;src/?.lua', 'table', 'table']);
    const r = await s.run('package.path = "./?.lua"');
    expect(r.error?.message).toBe('attempt to modify read-only table \'package\' (set "runtime.path" in .luamodrc.json instead)');
  });

  it('pairs(package) lists its fields; tostring names it', async () => {
    const r = await scheduler(project({})).run('local ks = {} for k in pairs(package) do ks[#ks + 1] = k end table.sort(ks) return table.concat(ks, ","), tostring(package)');
    expect(r.values).toEqual(['config,cpath,loaded,path,preload,searchpath', "read-only table 'package'"]);
  });
});

describe('processes and engines', () => {
  it('each process has its own module instance and its own package.loaded', async () => {
    const root = project({ 'counter.lua': COUNTER });
    const s = scheduler(root);
    const src = 'local c = require("counter") c.bump() c.bump() return c.n, loads, package.loaded.counter ~= nil, package.loaded.mark';
    const a = await s.run(`package.loaded.mark = "a" ${src}`);
    const b = await s.run(src);
    expect(a.values).toEqual([2, 1, true, 'a']);
    expect(b.values).toEqual([2, 1, true, null]);
  });

  it('processes running at the same time do not share module state', async () => {
    const root = project({ 'counter.lua': COUNTER });
    const s = scheduler(root);
    const src = 'local c = require("counter") for i = 1, 3 do c.bump() greet.sleep(0.001) end return c.n';
    const results = await Promise.all([1, 2, 3].map(() => s.run(src)));
    expect(results.map((r) => r.values)).toEqual([[3], [3], [3]]);
  });

  it('two processes loading the same module at once (it yields at its top level) each get their own, no false loop', async () => {
    const root = project({ 'slow.lua': 'greet.sleep(0.005)\nloads = (loads or 0) + 1\nreturn { t = {} }' });
    const s = scheduler(root);
    const results = await Promise.all([1, 2, 3].map(() => s.run('local m = require("slow") return loads, type(m.t)')));
    expect(results.map((r) => r.error?.message)).toEqual([undefined, undefined, undefined]);
    expect(results.map((r) => r.values)).toEqual([[1, 'table'], [1, 'table'], [1, 'table']]);
    expect(s.engine.loader.compiles).toBe(1);
  });

  it('compiles a file once per engine, however many processes require it; again when it changes', async () => {
    const root = project({ 'counter.lua': COUNTER, 'other.lua': 'return 1' });
    const s = scheduler(root);
    for (let i = 0; i < 3; i++) expect((await s.run('return require("counter").bump()')).values).toEqual([1]);
    expect(s.engine.loader.compiles).toBe(1);
    await s.run('return require("other")');
    expect(s.engine.loader.compiles).toBe(2);
    writeFileSync(join(root, 'counter.lua'), 'return { bump = function() return "changed" end }');
    utimesSync(join(root, 'counter.lua'), new Date(), new Date(Date.now() + 5000));
    expect((await s.run('return require("counter").bump()')).values).toEqual(['changed']);
    expect(s.engine.loader.compiles).toBe(3);
  });

  it('without a project, require still gives host modules and the standard library', async () => {
    ts = createTestScheduler({ modules: [greetModule] });
    const r = await ts.run('return require("greet") == greet, require("string") == string');
    expect(r.values).toEqual([true, true]);
    const nf = await ts.run('require("util")');
    expect(nf.error?.message).toBe("module 'util' not found:\n\tno field package.preload['util']");
  });

  it('a process limited to some host modules cannot require the others, not even as a file of that name', async () => {
    const root = project({ 'greet.lua': 'return "the file"' });
    const s = scheduler(root);
    const p = createProcess(s.engine, s.engine.compile('return pcall(require, "greet")', 'm.lua'), { modules: [] });
    const r = await s.execute('limited', p);
    expect(r.values[0]).toBe(false);
    expect(String(r.values[1])).toContain("module 'greet' not found:\n\tthe host module 'greet' is not available to this process");
  });
});

describe('embedding API', () => {
  it('runScript({ project }) requires project files and reports an error in a module with its chunk', async () => {
    const root = project({ 'lib/calc.lua': 'local M = {}\nfunction M.div(a, b)\n  if b == 0 then error("division by zero") end\n  return a / b\nend\nreturn M\n' });
    const ok = await runScript({ source: 'return require("calc").div(6, 3)', chunkName: 'main.lua', project: { root, path: ['lib/?.lua'] } });
    expect(ok.result).toEqual([2]);
    const bad = await runScript({ source: '\nreturn require("calc").div(1, 0)', chunkName: 'main.lua', project: { root, path: ['lib/?.lua'] } });
    expect(bad.error).toMatchObject({ message: 'division by zero', chunk: 'lib/calc.lua', line: 3 });
    // An error in the script itself carries no chunk: it is the script's.
    const own = await runScript({ source: '\nerror("own")', chunkName: 'main.lua', project: { root } });
    expect(own.error).toMatchObject({ message: 'own', line: 2 });
    expect(own.error?.chunk).toBeUndefined();
  });
});
