// Protocol tests of `luamod dap`: the real adapter, spawned over stdio, driven by VS Code's
// DebugClient (@vscode/debugadapter-testsupport), on real Lua files.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DebugClient } from '@vscode/debugadapter-testsupport';
import type { DebugProtocol } from '@vscode/debugprotocol';
import { build } from 'esbuild';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';

const root = resolve(__dirname, '../..');
const cli = join(root, 'node_modules/.cache/luamod-dap-test/cli.js');
let dir: string;

beforeAll(async () => {
  await build({ entryPoints: [join(root, 'src/cli/main.ts')], outfile: cli, bundle: true, platform: 'node', format: 'cjs', packages: 'external', logLevel: 'error' });
  dir = mkdtempSync(join(tmpdir(), 'luamod-dap-'));
}, 60_000);

let dc: DebugClient | undefined;
let dc2: DebugClient | undefined;
afterEach(async () => {
  await dc?.stop();
  await dc2?.stop();
  dc = undefined;
  dc2 = undefined;
});

/** Writes `name` in the test folder; returns its path. */
function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

async function client(): Promise<DebugClient> {
  dc = new DebugClient(process.execPath, `"${cli}" dap`, 'luamod', { shell: true, cwd: dir });
  dc.defaultTimeout = 10_000;
  await dc.start();
  return dc;
}

/** A second client (for a second run in one test). */
async function client2(): Promise<DebugClient> {
  dc2 = new DebugClient(process.execPath, `"${cli}" dap`, 'luamod', { shell: true, cwd: dir });
  dc2.defaultTimeout = 10_000;
  await dc2.start();
  return dc2;
}

/** Launches `program` with breakpoints set at `lines` (and options); resolves at the first stop (or the launch). */
async function launch(c: DebugClient, program: string, options: {
  breakpoints?: DebugProtocol.SourceBreakpoint[]; filters?: string[]; args?: Record<string, unknown>; waitStop?: boolean;
} = {}): Promise<DebugProtocol.StoppedEvent | undefined> {
  const stopped = options.waitStop === false ? Promise.resolve(undefined) : c.waitForEvent('stopped');
  await Promise.all([
    c.waitForEvent('initialized').then(async () => {
      if (options.breakpoints) await c.setBreakpointsRequest({ source: { path: program }, breakpoints: options.breakpoints });
      if (options.filters) await c.setExceptionBreakpointsRequest({ filters: options.filters });
      return c.configurationDoneRequest();
    }),
    c.launch({ program, cwd: dir, ...options.args }),
  ]);
  return (await stopped) as DebugProtocol.StoppedEvent | undefined;
}

async function top(c: DebugClient): Promise<{ name: string; line: number; path?: string }[]> {
  const r = await c.stackTraceRequest({ threadId: 1 });
  return r.body.stackFrames.map((f) => ({ name: f.name, line: f.line, path: f.source?.path }));
}

async function scope(c: DebugClient, name: string, frameId = 0): Promise<Record<string, string>> {
  const scopes = await c.scopesRequest({ frameId });
  const s = scopes.body.scopes.find((x) => x.name === name);
  if (!s) throw new Error(`no scope ${name}`);
  const vars = await c.variablesRequest({ variablesReference: s.variablesReference });
  return Object.fromEntries(vars.body.variables.map((v) => [v.name, v.value]));
}

async function variable(c: DebugClient, scopeName: string, name: string): Promise<DebugProtocol.Variable> {
  const scopes = await c.scopesRequest({ frameId: 0 });
  const s = scopes.body.scopes.find((x) => x.name === scopeName) as DebugProtocol.Scope;
  const vars = await c.variablesRequest({ variablesReference: s.variablesReference });
  const v = vars.body.variables.find((x) => x.name === name);
  if (!v) throw new Error(`no variable ${name} in ${scopeName}`);
  return v;
}

const step = async (c: DebugClient, kind: 'next' | 'stepIn' | 'stepOut') => {
  const stopped = c.waitForEvent('stopped');
  if (kind === 'next') await c.nextRequest({ threadId: 1 });
  else if (kind === 'stepIn') await c.stepInRequest({ threadId: 1 });
  else await c.stepOutRequest({ threadId: 1 });
  return stopped;
};

const BASIC = `local count = 0

local function add(a, b)
  local sum = a + b
  count = count + 1
  return sum
end

local t = { 1, 2, 3, name = "box" }
local x = add(1, 2)
local y = add(x, 10)
print("x", x, "y", y)
glob = y
return y
`;

describe('luamod dap', () => {
  it('stops on entry, then runs to the end with output and the exit code', async () => {
    const c = await client();
    const program = file('entry.lua', BASIC);
    const outputs: string[] = [];
    c.on('output', (e: DebugProtocol.OutputEvent) => outputs.push(e.body.output));
    const stop = await launch(c, program, { args: { stopOnEntry: true } });
    expect(stop?.body.reason).toBe('entry');
    expect((await top(c))[0]).toEqual({ name: 'main chunk', line: 1, path: program });
    const exited = c.waitForEvent('exited');
    const terminated = c.waitForEvent('terminated');
    await c.continueRequest({ threadId: 1 });
    expect(((await exited) as DebugProtocol.ExitedEvent).body.exitCode).toBe(0);
    await terminated;
    expect(outputs.join('')).toContain('x\t3\ty\t13');
  });

  it('verifies breakpoints, moving them to the next line with code', async () => {
    const c = await client();
    const program = file('verify.lua', BASIC);
    await Promise.all([c.waitForEvent('initialized'), c.launch({ program, cwd: dir, stopOnEntry: true })]);
    const r = await c.setBreakpointsRequest({ source: { path: program }, breakpoints: [{ line: 2 }, { line: 4 }, { line: 200 }] });
    expect(r.body.breakpoints.map((b) => [b.verified, b.line])).toEqual([[true, 4], [true, 4], [false, 200]]);
    const bad = file('bad.lua', 'local x = \n');
    const r2 = await c.setBreakpointsRequest({ source: { path: bad }, breakpoints: [{ line: 1 }] });
    expect(r2.body.breakpoints[0].verified).toBe(false);
    expect(r2.body.breakpoints[0].message).toMatch(/does not compile/);
  });

  it('hits a line breakpoint and shows locals, upvalues, globals and tables', async () => {
    const c = await client();
    const program = file('bp.lua', BASIC);
    const stop = await launch(c, program, { breakpoints: [{ line: 5 }] });
    expect(stop?.body.reason).toBe('breakpoint');
    expect((await top(c)).map((f) => [f.name, f.line])).toEqual([['add', 5], ['main chunk', 10]]);
    expect(await scope(c, 'Locals')).toEqual({ a: '1', b: '2', sum: '3' });
    expect(await scope(c, 'Upvalues')).toEqual({ count: '0' });
    // The caller's frame: its locals, and a table that expands.
    const caller = await scope(c, 'Locals', 1);
    expect(Object.keys(caller)).toEqual(['count', 'add', 't']);
    const scopes = await c.scopesRequest({ frameId: 1 });
    const locals = await c.variablesRequest({ variablesReference: scopes.body.scopes[0].variablesReference });
    const t = locals.body.variables.find((v) => v.name === 't') as DebugProtocol.Variable;
    expect(t.variablesReference).toBeGreaterThan(0);
    const fields = await c.variablesRequest({ variablesReference: t.variablesReference });
    expect(fields.body.variables.map((v) => [v.name, v.value])).toEqual([['[1]', '1'], ['[2]', '2'], ['[3]', '3'], ['name', '"box"']]);
    // Globals: only what the script assigned (none yet), no built-ins.
    expect(await scope(c, 'Globals')).toEqual({});
  });

  it('pages a big table', async () => {
    const c = await client();
    const program = file('big.lua', 'local big = {}\nfor i = 1, 1000 do big[i] = i * 2 end\nbig.extra = true\nprint(#big)\n');
    await launch(c, program, { breakpoints: [{ line: 4 }] });
    const v = await variable(c, 'Locals', 'big');
    expect(v.indexedVariables).toBe(1000);
    expect(v.namedVariables).toBe(1);
    const page = await c.variablesRequest({ variablesReference: v.variablesReference, filter: 'indexed', start: 500, count: 3 });
    expect(page.body.variables.map((x) => [x.name, x.value])).toEqual([['[501]', '1002'], ['[502]', '1004'], ['[503]', '1006']]);
    const named = await c.variablesRequest({ variablesReference: v.variablesReference, filter: 'named' });
    expect(named.body.variables.map((x) => x.name)).toEqual(['extra']);
  });

  it('conditional, hit-count and log-point breakpoints', async () => {
    const c = await client();
    const program = file('loop.lua', 'local total = 0\nfor i = 1, 10 do\n  total = total + i\nend\nprint(total)\n');
    const outputs: string[] = [];
    c.on('output', (e: DebugProtocol.OutputEvent) => outputs.push(e.body.output));
    const stop = await launch(c, program, { breakpoints: [{ line: 3, condition: 'i == 4' }, { line: 5, logMessage: 'total is {total}, twice {total * 2}' }] });
    expect(stop?.body.reason).toBe('breakpoint');
    expect((await scope(c, 'Locals')).i).toBe('4');
    // Now a hit count: the 3rd time the line runs from here on.
    await c.setBreakpointsRequest({ source: { path: program }, breakpoints: [{ line: 3, hitCondition: '3' }, { line: 5, logMessage: 'total is {total}, twice {total * 2}' }] });
    const next = c.waitForEvent('stopped');
    await c.continueRequest({ threadId: 1 });
    await next;
    expect((await scope(c, 'Locals')).i).toBe('7');
    await c.setBreakpointsRequest({ source: { path: program }, breakpoints: [{ line: 5, logMessage: 'total is {total}, twice {total * 2}' }] });
    const exited = c.waitForEvent('exited');
    await c.continueRequest({ threadId: 1 });
    await exited;
    expect(outputs.join('')).toContain('total is 55, twice 110');
    expect(outputs.join('')).toContain('55\n');
  });

  it('steps over, in and out', async () => {
    const c = await client();
    const program = file('step.lua', BASIC);
    await launch(c, program, { breakpoints: [{ line: 10 }] });
    await step(c, 'next');
    expect((await top(c))[0].line).toBe(11);
    await step(c, 'stepIn');
    expect((await top(c)).map((f) => [f.name, f.line])).toEqual([['add', 4], ['main chunk', 11]]);
    await step(c, 'next');
    expect((await top(c))[0].line).toBe(5);
    await step(c, 'stepOut');
    expect((await top(c)).map((f) => [f.name, f.line])).toEqual([['main chunk', 12]]);
    expect((await scope(c, 'Locals')).y).toBe('13');
  });

  it('steps into a required project module and through a coroutine', async () => {
    const c = await client();
    file('util.lua', 'local M = {}\nfunction M.double(n)\n  local r = n * 2\n  return r\nend\nreturn M\n');
    const program = file('main_req.lua', [
      'local util = require("util")',
      'local v = util.double(4)',
      'local co = coroutine.wrap(function(a)',
      '  local b = a + 1',
      '  coroutine.yield(b)',
      '  return b * 10',
      'end)',
      'local first = co(v)',
      'local second = co()',
      'print(first, second)',
    ].join('\n') + '\n');
    await launch(c, program, { breakpoints: [{ line: 2 }] });
    await step(c, 'stepIn');
    const frames = await top(c);
    expect(frames[0]).toMatchObject({ name: 'double', line: 3, path: join(dir, 'util.lua') });
    await step(c, 'stepOut');
    expect((await top(c))[0].line).toBe(3);
    await c.setBreakpointsRequest({ source: { path: program }, breakpoints: [{ line: 8 }] });
    const at8 = c.waitForEvent('stopped');
    await c.continueRequest({ threadId: 1 });
    await at8;
    await step(c, 'stepIn');
    const inCo = await top(c);
    expect(inCo[0].line).toBe(4);
    expect(inCo.map((f) => f.line)).toContain(8);
    expect((await scope(c, 'Locals')).a).toBe('8');
    await step(c, 'next');
    expect((await top(c))[0].line).toBe(5);
    await step(c, 'next');
    // The coroutine yielded: stepping continues in the code that resumed it.
    expect((await top(c))[0].line).toBe(9);
    expect((await scope(c, 'Locals')).first).toBe('9');
  });

  it('stops on an uncaught error with its message, kind and retryable flag', async () => {
    const c = await client();
    const program = file('boom.lua', 'last = "set"\nlocal function fail(n)\n  local why = "bad " .. n\n  error(errors.new{ message = why, kind = "UNAVAILABLE", retryable = true })\nend\nfail(3)\n');
    const stop = await launch(c, program, { filters: ['uncaught'] });
    expect(stop?.body.reason).toBe('exception');
    expect(stop?.body.text).toBe('[UNAVAILABLE, retryable] bad 3');
    const frames = await top(c);
    expect(frames.map((f) => [f.name, f.line])).toEqual([['fail', 4], ['main chunk', 6]]);
    expect((await scope(c, 'Locals')).why).toBe('"bad 3"');
    // The run is over, yet its globals and frames still evaluate.
    expect(await scope(c, 'Globals')).toEqual({ last: '"set"' });
    expect((await c.evaluateRequest({ expression: 'why .. "!" .. n', frameId: 0, context: 'watch' })).body.result).toBe('"bad 3!3"');
    const exited = c.waitForEvent('exited');
    await c.continueRequest({ threadId: 1 });
    expect(((await exited) as DebugProtocol.ExitedEvent).body.exitCode).toBe(1);
  });

  it('without the filter, an uncaught error ends the run with exit code 1 and the message on stderr', async () => {
    const c = await client();
    const program = file('boom2.lua', 'local x = nil\nprint(x.y)\n');
    const errors: string[] = [];
    c.on('output', (e: DebugProtocol.OutputEvent) => { if (e.body.category === 'stderr') errors.push(e.body.output); });
    const exited = c.waitForEvent('exited');
    await launch(c, program, { filters: [], waitStop: false });
    expect(((await exited) as DebugProtocol.ExitedEvent).body.exitCode).toBe(1);
    expect(errors.join('')).toMatch(/boom2\.lua:2: attempt to index a nil value/);
  });

  it('"all errors" stops at a pcall that caught one', async () => {
    const c = await client();
    const program = file('caught.lua', 'local ok, err = pcall(function()\n  error("oops")\nend)\nprint(ok, err)\n');
    const stop = await launch(c, program, { filters: ['all'] });
    expect(stop?.body.reason).toBe('exception');
    expect(stop?.body.text).toMatch(/caught\.lua:2: oops/);
    expect((await top(c))[0].line).toBe(1);
    const outputs: string[] = [];
    c.on('output', (e: DebugProtocol.OutputEvent) => outputs.push(e.body.output));
    const exited = c.waitForEvent('exited');
    await c.continueRequest({ threadId: 1 });
    expect(((await exited) as DebugProtocol.ExitedEvent).body.exitCode).toBe(0);
    expect(outputs.join('')).toMatch(/false\t.*oops/);
  });

  it('shows Error values and userdata with their type', async () => {
    const c = await client();
    const program = file('values.lua', 'local e = errors.new{ message = "nope", kind = "NOT_FOUND", retryable = false, details = { id = 7 } }\nlocal d = time.parse_duration("1500ms")\nprint(e, d)\n');
    await launch(c, program, { breakpoints: [{ line: 3 }] });
    const e = await variable(c, 'Locals', 'e');
    expect(e.value).toBe('Error NOT_FOUND: nope');
    const fields = await c.variablesRequest({ variablesReference: e.variablesReference });
    expect(Object.fromEntries(fields.body.variables.map((v) => [v.name, v.value]))).toEqual({ kind: '"NOT_FOUND"', message: '"nope"', retryable: 'false', details: '"{\\"id\\":7}"' });
    const d = await variable(c, 'Locals', 'd');
    expect(d.type).toBe('time.Duration');
    expect(d.value).toBe('time.Duration: 1.5s');
  });

  it('evaluates expressions in a frame, and REPL statements in the paused process', async () => {
    const c = await client();
    const program = file('eval.lua', BASIC);
    await launch(c, program, { breakpoints: [{ line: 4 }] });
    expect((await c.evaluateRequest({ expression: 'a + b * 100', frameId: 0, context: 'watch' })).body.result).toBe('201');
    expect((await c.evaluateRequest({ expression: 'count', frameId: 0, context: 'hover' })).body.result).toBe('0');
    expect((await c.evaluateRequest({ expression: 'string.upper("x") .. #t', frameId: 1, context: 'watch' })).body.result).toBe('"X3"');
    await expect(c.evaluateRequest({ expression: 'nosuch.field', frameId: 0, context: 'watch' })).rejects.toThrow(/attempt to index a nil value/);
    // A statement: assigns the local `b` and a new global.
    await c.evaluateRequest({ expression: 'b = 40; seen = a', frameId: 0, context: 'repl' });
    await step(c, 'next');
    expect(await scope(c, 'Locals')).toMatchObject({ a: '1', b: '40', sum: '41' });
    expect(await scope(c, 'Globals')).toEqual({ seen: '1' });
  });

  it('sets a local variable', async () => {
    const c = await client();
    const program = file('setvar.lua', BASIC);
    await launch(c, program, { breakpoints: [{ line: 5 }] });
    const scopes = await c.scopesRequest({ frameId: 0 });
    const r = await c.setVariableRequest({ variablesReference: scopes.body.scopes[0].variablesReference, name: 'sum', value: 'a * 1000' });
    expect(r.body.value).toBe('1000');
    const outputs: string[] = [];
    c.on('output', (e: DebugProtocol.OutputEvent) => outputs.push(e.body.output));
    await c.setBreakpointsRequest({ source: { path: program }, breakpoints: [] });
    const exited = c.waitForEvent('exited');
    await c.continueRequest({ threadId: 1 });
    await exited;
    expect(outputs.join('')).toContain('x\t1000\ty\t1010');
  });

  it('keeps answering while the script waits on time.sleep, pauses after it and steps over it', async () => {
    const c = await client();
    const program = file('sleep.lua', 'local n = 0\ntime.sleep("300ms")\nn = n + 1\ntime.sleep("600ms")\nn = n + 1\nprint(n)\n');
    await launch(c, program, { breakpoints: [{ line: 2 }] });
    await step(c, 'next');
    expect((await top(c))[0].line).toBe(3);
    await c.setBreakpointsRequest({ source: { path: program }, breakpoints: [] });
    await c.continueRequest({ threadId: 1 });
    // The script sleeps; the adapter answers meanwhile and a pause stops it after the sleep.
    const threads = await c.threadsRequest();
    expect(threads.body.threads).toHaveLength(1);
    const paused = c.waitForEvent('stopped');
    await c.pauseRequest({ threadId: 1 });
    expect(((await paused) as DebugProtocol.StoppedEvent).body.reason).toBe('pause');
    expect((await top(c))[0].line).toBe(5);
  });

  it('pauses a busy loop, and terminates', async () => {
    const c = await client();
    const program = file('busy.lua', 'local i = 0\nwhile true do\n  i = i + 1\nend\n');
    await launch(c, program, { waitStop: false });
    const paused = c.waitForEvent('stopped');
    await c.pauseRequest({ threadId: 1 });
    await paused;
    expect([2, 3]).toContain((await top(c))[0].line);
    const terminated = c.waitForEvent('terminated');
    await c.terminateRequest({});
    await terminated;
  });

  it('restarts the script', async () => {
    const c = await client();
    const program = file('restart.lua', BASIC);
    await launch(c, program, { breakpoints: [{ line: 5 }] });
    const again = c.waitForEvent('stopped');
    await c.customRequest('restart', { arguments: { program, cwd: dir } });
    await again;
    expect((await top(c)).map((f) => f.line)).toEqual([5, 10]);
    expect(await scope(c, 'Upvalues')).toEqual({ count: '0' });
  });

  it('rejects bad launch arguments with a clear error', async () => {
    const c = await client();
    await expect(c.launch({ program: 42 } as never)).rejects.toThrow(/'program' must be the path of a Lua file/);
    await expect(c.launch({ program: 'x.lua', timeout: -1 } as never)).rejects.toThrow(/'timeout' must be a positive number/);
    await expect(c.launch({ program: 'x.lua', allow: 'fs.read' } as never)).rejects.toThrow(/'allow' must be an array of strings/);
  });

  it('workflow mode refuses a module that is not workflow-safe, naming the line', async () => {
    const c = await client();
    const program = file('flow.lua', 'local x = 1\nlocal t = time.now()\nprint(x, t)\n');
    const errors: string[] = [];
    c.on('output', (e: DebugProtocol.OutputEvent) => { if (e.body.category === 'stderr') errors.push(e.body.output); });
    const exited = c.waitForEvent('exited');
    await launch(c, program, { waitStop: false, args: { workflow: true } });
    const code = ((await exited) as DebugProtocol.ExitedEvent).body.exitCode;
    expect(code).toBe(1);
    expect(errors.join('')).toMatch(/flow\.lua:2: module 'time' is not workflow-safe/);
  });

  it('test mode: runs a test file\'s cases under the debugger, stops at a breakpoint in one, reports results', async () => {
    const c = await client();
    const program = file('calc_test.lua', [
      'local test = require("test")',
      'test.case("adds", function()',
      '  local sum = 1 + 1',
      '  test.eq(sum, 2)',
      'end)',
      'return {',
      '  breaks = function()',
      '    local got = { a = 1 }',
      '    test.eq(got, { a = 2 })',
      '  end,',
      '}',
    ].join('\n') + '\n');
    const outputs: string[] = [];
    c.on('output', (e: DebugProtocol.OutputEvent) => outputs.push(e.body.output));
    await launch(c, program, { breakpoints: [{ line: 9 }], args: { test: true } });
    expect((await top(c))[0]).toMatchObject({ line: 9, path: program });
    expect((await scope(c, 'Locals')).got).toBe('table [0 + 1 keys]');
    const exited = c.waitForEvent('exited');
    await c.continueRequest({ threadId: 1 });
    expect(((await exited) as DebugProtocol.ExitedEvent).body.exitCode).toBe(1);
    expect(outputs.join('')).toContain('PASS adds');
    expect(outputs.join('')).toMatch(/FAIL breaks \(.*calc_test\.lua:9\): expected \{a = 2\}, got \{a = 1\}/);
    // One case only: the filter leaves `breaks` out, so the run passes.
    const c2 = await client2();
    const exited2 = c2.waitForEvent('exited');
    await launch(c2, program, { waitStop: false, args: { test: true, testFilter: '^adds$' } });
    expect(((await exited2) as DebugProtocol.ExitedEvent).body.exitCode).toBe(0);
  });

  it('a missing program ends with exit code 2 and says why', async () => {
    const c = await client();
    const errors: string[] = [];
    c.on('output', (e: DebugProtocol.OutputEvent) => errors.push(e.body.output));
    const exited = c.waitForEvent('exited');
    await launch(c, join(dir, 'missing.lua'), { waitStop: false });
    expect(((await exited) as DebugProtocol.ExitedEvent).body.exitCode).toBe(2);
    expect(errors.join('')).toMatch(/cannot read .*missing\.lua/);
  });
});
