// require() when things go wrong, in the real fengari VM: error locations in required modules,
// syntax errors, cycles, confinement to the project root (../ and symlinks), and yields inside a
// module's main chunk.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestScheduler, type TestScheduler } from '../../src/runtime/test-scheduler';
import { greetModule } from './fixtures';

const dirs: string[] = [];
let ts: TestScheduler | undefined;
afterEach(() => {
  ts?.stop();
  ts = undefined;
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function folder(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'luamod-require-'));
  dirs.push(root);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

function scheduler(root: string, path?: string[]): TestScheduler {
  ts = createTestScheduler({ modules: [greetModule], project: { root, ...(path ? { path } : {}) }, limits: { timeMs: 10_000 } });
  return ts;
}

describe('errors inside required modules', () => {
  it('a runtime error names the module file and line, with the traceback through the requiring file', async () => {
    const root = folder({
      'lib/util.lua': 'local M = {}\n\nfunction M.fail()\n  error("util failed")\nend\n\nreturn M\n',
      'lib/boot.lua': 'local x = 1\nlocal y = nil\nreturn y.field\n',
    });
    const s = scheduler(root);
    const r = await s.run('local util = require("lib.util")\n\nutil.fail()\n', { chunkName: 'main.lua' });
    expect(r.error?.message).toBe('util failed');
    expect(r.error?.chunk).toBe('lib/util.lua');
    expect(r.error?.line).toBe(4);
    expect(r.error?.stack).toMatch(/lib\/util\.lua:4:[\s\S]*main\.lua:3:/);

    const boot = await s.run('\nrequire("lib.boot")\n', { chunkName: 'main.lua' });
    expect(boot.error?.chunk).toBe('lib/boot.lua');
    expect(boot.error?.line).toBe(3);
    expect(boot.error?.message).toMatch(/attempt to index a nil value/);
    // While the module's main chunk runs, the traceback shows it called from require, called from main.lua:2.
    expect(boot.error?.stack).toMatch(/lib\/boot\.lua:3:[\s\S]*require[\s\S]*main\.lua:2:/);
  });

  it('a syntax error names the module, its file and the line, as C Lua does', async () => {
    const root = folder({ 'bad.lua': 'local M = {}\n\nlocal x = = 2\nreturn M\n' });
    const r = await scheduler(root).run('\nlocal bad = require("bad")', { chunkName: 'main.lua' });
    expect(r.error?.message).toMatch(/^error loading module 'bad' from file 'bad\.lua':\n\tbad\.lua:3: unexpected symbol near '='/);
    // The position of the failing require.
    expect(r.error?.line).toBe(2);
  });

  it('a module whose text would close the function wrapper early is a syntax error and leaks nothing', async () => {
    const root = folder({ 'evil.lua': 'x = 1 end, (function() leaked = true end)(), function(...) z = 1' });
    const s = scheduler(root);
    const r = await s.run('return pcall(require, "evil")');
    expect(r.values[0]).toBe(false);
    expect(String(r.values[1])).toMatch(/^error loading module 'evil' from file 'evil\.lua':\n\tevil\.lua:1: /);
    expect((await s.run('return leaked')).values).toEqual([null]);
  });

  it('errors two levels down name the deepest file; a syntax error there is placed at the require that loaded it', async () => {
    const root = folder({
      'a.lua': 'local b = require("lib.b")\nreturn b',
      'lib/b.lua': 'local M = {}\n\nlocal c = require("lib.c")\nreturn M',
      'lib/c.lua': 'local x = 1\nlocal y = x.field.more\nreturn {}',
      'lib/d.lua': 'return {',
      'e.lua': '\nreturn require("lib.d")',
    });
    const s = scheduler(root);
    const deep = await s.run('require("a")', { chunkName: 'main.lua' });
    expect(deep.error).toMatchObject({ chunk: 'lib/c.lua', line: 2 });
    expect(deep.error?.stack).toMatch(/lib\/c\.lua:2:[\s\S]*lib\/b\.lua:3:[\s\S]*a\.lua:1:[\s\S]*main\.lua:1:/);
    const syntax = await s.run('require("e")', { chunkName: 'main.lua' });
    expect(syntax.error).toMatchObject({ chunk: 'e.lua', line: 2 });
    expect(syntax.error?.message).toMatch(/^error loading module 'lib\.d' from file 'lib\/d\.lua':\n\tlib\/d\.lua:1: /);
  });

  it('pcall(require, ...) catches a failing module and the error keeps its position', async () => {
    const root = folder({ 'boom.lua': '\nerror("boom")' });
    const r = await scheduler(root).run('return pcall(require, "boom")');
    expect(r.values).toEqual([false, 'boom.lua:2: boom']);
  });

  it('an error value without a position (a table) is placed at the module\'s frame, not the script\'s', async () => {
    const root = folder({ 'tbl.lua': 'local M = {}\n\nerror({ code = 1 })\nreturn M' });
    const r = await scheduler(root).run('\nrequire("tbl")', { chunkName: 'main.lua' });
    expect(r.error?.chunk).toBe('tbl.lua');
    expect(r.error?.line).toBe(3);
  });

  it('structured errors raised in a module keep their kind and position', async () => {
    const root = folder({ 'st.lua': 'local v, e = greet.fail()\nerror(e)' });
    const r = await scheduler(root).run('require("st")', { chunkName: 'main.lua' });
    expect(r.error?.kind).toBe('NOT_FOUND');
    expect(r.error?.message).toBe('no such thing');
  });
});

describe('odd names', () => {
  it('empty, NUL, absolute, dotted, very long and non-UTF-8 names are not found, never a crash', async () => {
    const root = folder({ 'ok.lua': 'return "ok"' });
    const r = await scheduler(root).run(`
      local out = {}
      for _, name in ipairs({ "", "\\0", "a\\0b", "/etc/passwd", "..", "...", "a..b", ".ok", "ok.", string.rep("a", 5000), "\\xff\\xfe", "ok/../ok" }) do
        local ok, e = pcall(require, name)
        out[#out + 1] = ok and "loaded" or (type(e) == "string" and e:find("not found", 1, true) and "not found" or tostring(e))
      end
      return table.concat(out, ","), require("ok")
    `);
    expect(r.error).toBeUndefined();
    // (`ok/../ok`: dots are separators, so it names ok///ok.lua.)
    expect(String(r.values[0]).split(',')).toEqual(Array(12).fill('not found'));
    expect(r.values[1]).toBe('ok');
  });
});

describe('cycles', () => {
  it('a requires b requires a: a clear error, never a hang or a stack overflow', async () => {
    const root = folder({ 'a.lua': 'local b = require("b")\nreturn { b = b }', 'b.lua': 'local a = require("a")\nreturn { a = a }' });
    const r = await scheduler(root).run('require("a")', { chunkName: 'main.lua' });
    expect(r.error?.message).toBe("loop or previous error loading module 'a'");
    expect(r.error?.chunk).toBe('b.lua');
    expect(r.error?.line).toBe(1);
  });

  it('a module requiring itself is a loop too; pcall catches it', async () => {
    const root = folder({ 'self.lua': 'return pcall(require, "self")' });
    const r = await scheduler(root).run('return require("self")');
    expect(r.values).toEqual([false]);
    const direct = await scheduler(root).run('local ok, e = pcall(require, "self") return ok, e');
    expect(direct.values[0]).toBe(true);
  });

  it('after a module failed to load, requiring it again in the same process says so (Lua 5.1\'s rule)', async () => {
    const root = folder({ 'once.lua': 'error("first")' });
    const r = await scheduler(root).run('pcall(require, "once") return pcall(require, "once")');
    // (Called through pcall, the message has no position: as in C Lua, it is the caller's, a C function.)
    expect(r.values).toEqual([false, "loop or previous error loading module 'once'"]);
  });

  it('a cycle that does not run into itself at load time works (b uses a lazily)', async () => {
    const root = folder({
      'a.lua': 'local M = {}\npackage.loaded.a = M\nlocal b = require("b")\nfunction M.twice(x) return b.double(x) end\nreturn M',
      'b.lua': 'local M = {}\nfunction M.double(x) return 2 * x end\nfunction M.viaA(x) return require("a").twice(x) end\nreturn M',
    });
    const r = await scheduler(root).run('return require("a").twice(3), require("b").viaA(4)');
    expect(r.values).toEqual([6, 8]);
  });
});

describe('confinement to the project root', () => {
  it('a runtime.path template reaching outside the root never loads the file there', async () => {
    const outer = folder({ 'secret.lua': 'return "secret"', 'proj/main.lua': '' });
    const root = join(outer, 'proj');
    const r = await scheduler(root, ['../?.lua', '?.lua']).run('return pcall(require, "secret")');
    expect(r.values[0]).toBe(false);
    expect(String(r.values[1])).toContain("module 'secret' not found");
  });

  it('a name that would climb out of the root (..) is not found', async () => {
    const outer = folder({ 'secret.lua': 'return "secret"', 'proj/x.lua': '' });
    const r = await scheduler(join(outer, 'proj')).run('return (pcall(require, "..secret")), pcall(require, "../secret")');
    expect(r.values.slice(0, 2)).toEqual([false, false]);
    // (Dots are separators: `../secret` names `///secret.lua`, an absolute path, listed as such.)
    expect(r.values[2]).toContain("module '../secret' not found");
    expect(r.values[2]).toContain("no file '/secret.lua'");
  });

  it('a symlink inside the root that points outside it is never loaded; one pointing inside is', async () => {
    const outer = folder({ 'secret.lua': 'return "secret"', 'proj/real.lua': 'return "real"' });
    const root = join(outer, 'proj');
    symlinkSync(join(outer, 'secret.lua'), join(root, 'leak.lua'));
    symlinkSync(join(outer, 'proj'), join(root, 'dir'));
    symlinkSync(join(root, 'real.lua'), join(root, 'alias.lua'));
    symlinkSync(outer, join(root, 'up'));
    const r = await scheduler(root).run('local ok, e = pcall(require, "leak") return ok, e, (pcall(require, "up.secret")), require("alias"), require("dir.real")');
    expect(r.values.slice(0, 3)).toEqual([false, expect.stringContaining("module 'leak' not found"), false]);
    expect(r.values.slice(3)).toEqual(['real', 'real']);
  });
});

describe('yields inside a required module', () => {
  it('a host call that yields at the module top level (sleep, fetch-like) works', async () => {
    const root = folder({ 'slow.lua': 'greet.sleep(0.005)\nlocal M = { ready = true }\ngreet.sleep(0.001)\nreturn M' });
    const r = await scheduler(root).run('local m = require("slow") return m.ready, require("slow") == m');
    expect(r.error).toBeUndefined();
    expect(r.values).toEqual([true, true]);
  });

  it('a long loop at the module top level is time-sliced and the module still loads', async () => {
    const root = folder({ 'busy.lua': 'local n = 0\nfor i = 1, 300000 do n = n + 1 end\nreturn { n = n }' });
    const r = await scheduler(root).run('return require("busy").n');
    expect(r.values).toEqual([300000]);
  });

  it('nested requires that each yield, inside a pcall and a coroutine', async () => {
    const root = folder({
      'outer.lua': 'greet.sleep(0.001)\nlocal inner = require("inner")\nreturn { v = inner.v + 1 }',
      'inner.lua': 'greet.sleep(0.001)\nreturn { v = 1 }',
    });
    const r = await scheduler(root).run(`
      local ok, m = pcall(require, "outer")
      local co = coroutine.wrap(function() return require("outer").v end)
      return ok, m.v, co()
    `);
    expect(r.values).toEqual([true, 2, 2]);
  });

  it('the time limit stops a module stuck in its main chunk', async () => {
    const root = folder({ 'stuck.lua': 'while true do end' });
    ts = createTestScheduler({ project: { root }, limits: { timeMs: 100 } });
    const r = await ts.run('require("stuck")');
    expect(r.error?.kind).toBe('TIMEOUT');
  });
});
