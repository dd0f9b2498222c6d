// Attacks through the error value itself: a script raises a table whose `__tostring` raises
// (another such object), yields, loops, recurses or returns a non-string. Turning the value into
// text must never crash the runtime ("cannot do calls on non-normal thread"), hang it, or lose the
// line: in runScript (the embedding API), `luamod run` and the server's Run Lua Script.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { builtinModules } from '../../src/modules';
import { runScript } from '../../src/runtime/run-script';
import { startServer, type TestServer } from '../server/lsp-client';

const ROOT = join(__dirname, '../..');
const CLI = join(ROOT, 'bin/luamod.js');
const dir = mkdtempSync(join(tmpdir(), 'luamod-error-values-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const obj = (tostring: string) => `setmetatable({}, {__tostring = function() ${tostring} end})`;

/** [attack, script, the message it must end with]. */
const ATTACKS: ReadonlyArray<readonly [string, string, string | RegExp]> = [
  ['a __tostring that raises a string', `error(${obj('error("inner")')})`, 'attack.lua:1: inner'],
  ['a __tostring that raises an object whose __tostring raises', `local inner = ${obj('error("deepest")')}\nerror(${obj('error(inner)')})`, 'attack.lua:1: deepest'],
  ['a __tostring that raises its own object (endless chain)', `local t; t = ${obj('error(t)')}\nerror(t)`, '(error object is a table value)'],
  ['a __tostring that yields', `error(${obj('coroutine.yield()')})`, 'attempt to yield across a C-call boundary'],
  ['a __tostring that waits on a host call', `error(${obj('time.sleep(1) return "slept"')})`, 'attack.lua:1: time.sleep: cannot suspend: no process is running'],
  ['a __tostring that loops forever', `error(${obj('while true do end')})`, '(error object is a table value)'],
  ['a __tostring that loops inside pcall', `error(${obj('while true do pcall(function() while true do end end) end')})`, '(error object is a table value)'],
  ['a __tostring that loops in a coroutine', `error(${obj('return coroutine.wrap(function() while true do end end)()')})`, '(error object is a table value)'],
  // C Lua 5.3 prints the overflow; the conversion's budget (instructions and time, error-text.ts)
  // may end a slow overflow first on a loaded machine, which gives the fallback.
  ['a __tostring that overflows the stack', `local function f() return f() + 1 end\nerror(${obj('return f()')})`, /^(attack\.lua:1: stack overflow|\(error object is a table value\))$/],
  ['a __tostring that returns a number', `error(${obj('return 7')})`, '(error object is a table value)'],
  ['a plain table', 'error({})', '(error object is a table value)'],
  ['nil', 'error(nil)', '(error object is a nil value)'],
  ['a __tostring that returns text', `error(${obj('return "boom object"')})`, 'boom object'],
];

describe('runScript: any error value becomes a message, never an INTERNAL failure', () => {
  test.each(ATTACKS)('%s', async (_attack, source, message) => {
    const r = await runScript({ source, chunkName: 'attack.lua', modules: builtinModules, timeoutMs: 5000 });
    expect(r.error).toMatchObject({ object: true });
    if (typeof message === 'string') expect(r.error?.message).toBe(message);
    else expect(r.error?.message).toMatch(message);
    expect(r.error?.kind).toBeUndefined();
    expect(r.error?.line).toBeGreaterThan(0);
  }, 20_000);

  test('a caught error object keeps working: pcall returns it, tostring raises in the script as in C Lua', async () => {
    const r = await runScript({
      source: `local ok, e = pcall(error, ${obj('error("nope")')})\nprint(ok, pcall(tostring, e))\nerror(e)`,
      chunkName: 'attack.lua', modules: builtinModules, timeoutMs: 5000,
    });
    expect(r.output).toBe('false\tfalse\tattack.lua:1: nope\n');
    expect(r.error).toMatchObject({ message: 'attack.lua:1: nope', object: true, line: 3 });
  });
});

describe('luamod run prints an uncaught error object as C Lua 5.3 does', () => {
  const run = (source: string) => {
    const file = join(dir, 'attack.lua');
    writeFileSync(file, source);
    const r = spawnSync(process.execPath, [CLI, 'run', 'attack.lua', '--timeout', '5000'], { cwd: dir, encoding: 'utf8' });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  };
  test.each(ATTACKS)('%s', (_attack, source, message) => {
    const r = run(source);
    if (typeof message === 'string') expect(r.stderr).toBe(`lua: ${message}\n`);
    else expect(r.stderr.replace(/^lua: /, '').replace(/\n$/, '')).toMatch(message);
    expect(r.code).toBe(1);
  }, 20_000);
});

describe("the server's Run Lua Script", () => {
  let s: TestServer;
  beforeAll(async () => { s = await startServer(); });
  afterAll(async () => { expect(await s.stop()).toBe(0); });
  test('an error object with a raising __tostring ends the run with its message and line', async () => {
    const r = await s.request<{ output: string; error?: { message: string; kind?: string; line?: number } }>('luamod/runScript', {
      uri: 'file:///virtual/attack.lua',
      text: `print("before")\nlocal inner = ${obj('error("deepest")')}\nerror(${obj('error(inner)')})`,
      timeoutMs: 5000,
    });
    expect(r.output).toBe('before\n');
    expect(r.error?.message).toMatch(/deepest/);
    expect(r.error?.message).not.toMatch(/non-normal|worker failed/);
    expect(r.error?.line).toBe(3);
  }, 30_000);
});
