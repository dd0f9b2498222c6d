// Runtime floors (issue 3): a host function call vs a bare fengari JS function call, the yield
// round trip, process start from a compiled chunk, fengari vs native lua5.3, and (measured once in
// setup, printed) 10,000 processes each sleeping 1 s: wall time and heap above baseline.
// Projects (issue 12): `require` of a loaded module vs a table read; the first load of a 1,000-line
// project file vs a bare fengari compile of the same text.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lauxlib, lua, to_luastring } from 'fengari';
import type { Dispatcher, LState, ModuleDef } from '../../src/module';
import { ModuleClass } from '../../src/module';
import { sleepYield } from '../../src/runtime/clock-dispatcher';
import { createEngine } from '../../src/runtime/engine';
import { createProcess } from '../../src/runtime/process';
import { createTestScheduler } from '../../src/runtime/test-scheduler';
import { newManifest } from '../../src/types';
import { fengariPatchCases } from '../fengari-patch';
import { defineSuite, type SuiteBuilder } from '../harness';

const CALLS = 10_000;
const FIB = 'local function fib(n) if n < 2 then return n end return fib(n - 1) + fib(n - 2) end return fib(24)';

const benchModule: ModuleDef = {
  name: 'b',
  description: 'bench',
  class: [ModuleClass.Deterministic],
  types: () => newManifest('b'),
  build: () => ({
    table: {
      inc: (l: LState) => { l.push(l.checkInt(1) + 1); return 1; },
      tick: (l: LState) => l.yield({ cmdId: 'bench.tick', toCommand: () => null, handleResult: () => 0 }),
      sleep: (l: LState) => l.yield(sleepYield(l.checkNumber(1))),
    },
  }),
};
const tickDispatcher: Dispatcher = { name: 'bench', registerAll: (r) => r('bench.tick', () => undefined) };

export default defineSuite({
  name: 'runtime',
  description: 'host calls, yields, process start, fengari vs lua5.3; 10k sleeping processes (printed)',
  async run(b) {
    await sleepingProcesses(10_000, 1000);

    // Host call vs bare JS function, both called 10,000 times from the same Lua loop on one state.
    const engine = createEngine({ modules: [benchModule] });
    const L = engine.state.L;
    lua.lua_pushjsfunction(L, (L1) => { lua.lua_pushinteger(L1, (lua.lua_tointegerx(L1, 1) as number) + 1); return 1; });
    lua.lua_setglobal(L, 'bare');
    const loop = (callee: string) => {
      lauxlib.luaL_loadbufferx(L, to_luastring(`local f = ${callee} local x = 0 for i = 1, ${CALLS} do x = f(i) end return x`), null, '=bench', 't');
      const ref = lauxlib.luaL_ref(L, lua.LUA_REGISTRYINDEX);
      return () => {
        lua.lua_rawgeti(L, lua.LUA_REGISTRYINDEX, ref);
        if (lua.lua_pcall(L, 0, 1, 0) !== lua.LUA_OK) throw new Error(lua.lua_tojsstring(L, -1) ?? 'error');
        lua.lua_pop(L, 1);
      };
    };
    lua.lua_rawgeti(L, lua.LUA_REGISTRYINDEX, engine.moduleRef('b') as number);
    lua.lua_setglobal(L, 'b');
    b.reference(`bare fengari JS function ×${CALLS}`, loop('bare'));
    b.bench(`host function (LState) ×${CALLS}`, loop('b.inc'));

    // Yield round trip: host yield -> handler answers at once -> resume, 10,000 times per process.
    const ts = createTestScheduler({ modules: [benchModule], dispatchers: [tickDispatcher] });
    const yields = ts.engine.compile(`for i = 1, ${CALLS} do b.tick() end`, 'yield.lua');
    const coro = ts.engine.compile(`local co = coroutine.wrap(function() while true do coroutine.yield() end end) for i = 1, ${CALLS} do co() end`, 'co.lua');
    let n = 0;
    b.reference(`Lua coroutine resume/yield ×${CALLS}`, () => ts.execute(`c${++n}`, createProcess(ts.engine, coro)));
    b.bench(`host yield round trip ×${CALLS}`, () => ts.execute(`y${++n}`, createProcess(ts.engine, yields)));

    // Process start from an already compiled chunk (create + run `return 1` + complete).
    const tiny = ts.engine.compile('return 1', 'tiny.lua');
    b.reference('Promise.resolve round trip', () => Promise.resolve(1));
    b.bench('process start + run `return 1`', () => ts.execute(`p${++n}`, createProcess(ts.engine, tiny)));

    // fengari vs native Lua 5.3 (native measured in setup with its own os.clock; printed).
    const fib = ts.engine.compile(FIB, 'fib.lua');
    b.reference('fengari fib(24)', () => ts.execute(`f${++n}`, createProcess(ts.engine, fib)));
    nativeFib();

    requireCases(b);
    fengariPatchCases(b);
  },
});

/** Lines of the generated module (about: 4 lines per function). */
const MODULE_LINES = 1000;

/** `require` of an already loaded module, and the first load of a 1,000-line module (issue 12). */
function requireCases(b: SuiteBuilder): void {
  const root = mkdtempSync(join(tmpdir(), 'luamod-bench-require-'));
  const lines = ['local M = {}'];
  for (let i = 1; lines.length < MODULE_LINES - 1; i++) {
    lines.push(`function M.f${i}(a, b)`, `  local x = a * ${i} + (b or 0)`, `  return { value = x, name = "f${i}" }`, 'end');
  }
  lines.push('return M');
  const big = lines.join('\n') + '\n';
  writeFileSync(join(root, 'big.lua'), big);
  writeFileSync(join(root, 'small.lua'), 'return { answer = 42 }\n');
  const ts = createTestScheduler({ modules: [benchModule], project: { root } });
  let n = 0;

  // Already loaded: 10,000 requires in one process vs 10,000 reads of a table field (same process set-up).
  const read = ts.engine.compile(`local loaded = { small = {} } local x for i = 1, ${CALLS} do x = loaded["small"] end return x`, 'read.lua');
  const again = ts.engine.compile(`require("small") local x for i = 1, ${CALLS} do x = require("small") end return x`, 'again.lua');
  b.reference(`table field read ×${CALLS} (in a process)`, () => ts.execute(`r${++n}`, createProcess(ts.engine, read)));
  b.bench(`require of a loaded module ×${CALLS}`, () => ts.execute(`q${++n}`, createProcess(ts.engine, again)));

  // First load: the file changed since the last run (so it is read and compiled again) + its chunk
  // runs in a new process; next to fengari compiling the same text on a bare state.
  const L = lauxlib.luaL_newstate();
  const bytes = to_luastring(big);
  const first = ts.engine.compile('return require("big").f1(1, 2).value', 'first.lua');
  let stamp = Date.now() / 1000;
  b.reference(`bare fengari compile of a ${MODULE_LINES}-line module`, () => {
    if (lauxlib.luaL_loadbufferx(L, bytes, null, '=big', 't') !== lua.LUA_OK) throw new Error('compile failed');
    lua.lua_pop(L, 1);
  });
  b.bench(`first require of a ${MODULE_LINES}-line module (read + compile + run)`, () => {
    stamp += 1;
    utimesSync(join(root, 'big.lua'), stamp, stamp);
    return ts.execute(`b${++n}`, createProcess(ts.engine, first));
  });
  b.bench(`first require of a ${MODULE_LINES}-line module in a new process (compiled already)`, () => ts.execute(`c${++n}`, createProcess(ts.engine, first)));
}

/** Runs `count` processes that each sleep `ms`; prints wall time and heap growth. */
async function sleepingProcesses(count: number, ms: number): Promise<void> {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const before = process.memoryUsage().heapUsed;
  const ts = createTestScheduler({ modules: [benchModule] });
  const chunk = ts.engine.compile(`b.sleep(${ms})`, 'sleep.lua');
  const started = performance.now();
  let peak = 0;
  const sampler = setInterval(() => { peak = Math.max(peak, process.memoryUsage().heapUsed - before); }, 50);
  const runs = Array.from({ length: count }, (_, i) => ts.execute(`s${i}`, createProcess(ts.engine, chunk)));
  peak = Math.max(peak, process.memoryUsage().heapUsed - before);
  await new Promise((r) => setTimeout(r, ms / 2));
  gc?.();
  const retained = process.memoryUsage().heapUsed - before;
  const results = await Promise.all(runs);
  clearInterval(sampler);
  const wall = performance.now() - started;
  const failed = results.filter((r) => r.error).length;
  ts.stop();
  process.stdout.write(
    `runtime: ${count} processes each sleeping ${ms} ms: wall ${(wall / 1000).toFixed(2)} s, ` +
    `peak heap +${(peak / 1024 / 1024).toFixed(1)} MB, retained while all sleep +${(retained / 1024 / 1024).toFixed(1)} MB above baseline${failed ? `, ${failed} FAILED` : ''}${gc ? '' : ' (run with --expose-gc for a clean baseline)'}\n`,
  );
}

/** fib(24) in native lua5.3, timed by itself (median of 5); skipped when lua5.3 is absent. */
function nativeFib(): void {
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const r = spawnSync('lua5.3', ['-e', `local t = os.clock() local v = (function() ${FIB} end)() print((os.clock() - t) * 1e3)`], { encoding: 'utf8' });
    if (r.error || r.status !== 0) {
      process.stdout.write('runtime: lua5.3 not found; native comparison skipped (apt-get install lua5.3)\n');
      return;
    }
    times.push(Number(r.stdout.trim()));
  }
  times.sort((a, c) => a - c);
  process.stdout.write(`runtime: native lua5.3 fib(24): ${times[2].toFixed(2)} ms (compare with 'fengari fib(24)' below)\n`);
}
