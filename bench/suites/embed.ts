// Embedding floors (issue 15): createRuntime's cost per run in "thread" mode against raw fengari
// running the same chunk; measured once in setup and printed: "pool" throughput, a runaway stopped
// while the others go on (both modes), and 100 scripts each holding 8 MB under a 64 MB limit.
import { lauxlib, lua, to_luastring } from 'fengari';
import { createRuntime } from '../../src/embed/create-runtime';
import type { Runtime } from '../../src/embed/types';
import { defineSuite } from '../harness';

const SCRIPT = 'local s = 0 for i = 1, 100 do s = s + i end return s';
const say = (text: string) => process.stdout.write(`embed: ${text}\n`);

export default defineSuite({
  name: 'embed',
  description: 'createRuntime: thread-mode cost per run vs raw fengari; pool throughput, runaways and memory (printed)',
  async run(b) {
    await threadRunaway();

    // Raw fengari: the same chunk, compiled once, called with lua_pcall on a bare state.
    const L = lauxlib.luaL_newstate();
    lauxlib.luaL_loadbufferx(L, to_luastring(SCRIPT), null, '=raw', 't');
    const ref = lauxlib.luaL_ref(L, lua.LUA_REGISTRYINDEX);
    b.reference('raw fengari: pcall of the compiled chunk', () => {
      lua.lua_rawgeti(L, lua.LUA_REGISTRYINDEX, ref);
      if (lua.lua_pcall(L, 0, 1, 0) !== lua.LUA_OK) throw new Error('raw run failed');
      lua.lua_pop(L, 1);
    });
    const rt = createRuntime({ limits: { timeoutMs: 1000 } });
    b.bench('createRuntime "thread": run(same text)', async () => {
      const r = await rt.run(SCRIPT);
      if (!r.ok) throw new Error(r.error?.message);
    });
    b.bench('createRuntime "thread": run(text, { args })', async () => {
      const r = await rt.run(SCRIPT, { args: [1, 'x'], name: 'job.lua' });
      if (!r.ok) throw new Error(r.error?.message);
    });
    // 1,000 sequential runs, timed as one (after 1,000 to warm up; printed with the overhead over raw fengari).
    const sequential = async () => {
      const t0 = performance.now();
      for (let i = 0; i < 1000; i++) await rt.run(SCRIPT);
      return (performance.now() - t0) / 1000;
    };
    const rawSequential = () => {
      const t0 = performance.now();
      for (let i = 0; i < 1000; i++) {
        lua.lua_rawgeti(L, lua.LUA_REGISTRYINDEX, ref);
        lua.lua_pcall(L, 0, 1, 0);
        lua.lua_pop(L, 1);
      }
      return (performance.now() - t0) / 1000;
    };
    // Best of 5 rounds each (the machine is shared: the minimum is the least disturbed round).
    let perRun = Infinity;
    let raw = Infinity;
    for (let round = 0; round < 6; round++) {
      const a = await sequential();
      const r = rawSequential();
      if (round > 0) { perRun = Math.min(perRun, a); raw = Math.min(raw, r); }
    }
    say(`1,000 sequential "thread" runs (best of 5 rounds): ${(perRun * 1000).toFixed(1)} µs per run, raw fengari ${(raw * 1000).toFixed(1)} µs: ${((perRun - raw) * 1000).toFixed(1)} µs per run beyond the script (floor: 50 µs)`);
    await poolFloors();
  },
});

/** "thread": a backtracking pattern match under a 300 ms limit; the longest event-loop stall, and a run beside it. */
async function threadRunaway(): Promise<void> {
  const rt = createRuntime({ limits: { timeoutMs: 300 } });
  await rt.run('return string.find(string.rep("a", 60), ".-.-b")'); // warm: the first compile and match are cold
  let last = performance.now();
  let stall = 0;
  const timer = setInterval(() => { const now = performance.now(); stall = Math.max(stall, now - last); last = now; }, 1);
  const started = performance.now();
  const [runaway, other] = await Promise.all([
    rt.run('return string.find(string.rep("a", 600), ".-.-.-b")').then((r) => ({ r, ms: performance.now() - started })),
    rt.run('local s = 0 for i = 1, 1000 do s = s + i end return s'),
  ]);
  clearInterval(timer);
  stall = Math.max(stall, performance.now() - last);
  await rt.close();
  say(`"thread" runaway string.find (timeoutMs 300): ${runaway.r.error?.kind ?? 'NOT STOPPED'} after ${runaway.ms.toFixed(0)} ms; longest event-loop stall ${stall.toFixed(0)} ms (floor: 350); the other run ${other.ok ? 'ok' : 'FAILED'}`);
}

async function poolFloors(): Promise<void> {
  const pool: Runtime = createRuntime({ isolation: 'pool', poolSize: 2, limits: { timeoutMs: 5000, memoryMb: 64 } });
  await Promise.all([pool.run('return 1'), pool.run('return 1')]); // start both workers

  // Throughput: 4,000 short runs submitted at once.
  let t = performance.now();
  const short = await Promise.all(Array.from({ length: 4000 }, (_, i) => pool.run('return ...', { args: [i] })));
  const rate = 4000 / ((performance.now() - t) / 1000);
  say(`"pool" (2 workers): ${rate.toFixed(0)} short runs/s (floor: 2,000)${short.every((r) => r.ok) ? '' : `, ${short.filter((r) => !r.ok).length} FAILED`}`);

  // A runaway (timeoutMs 200) among 500 short runs.
  t = performance.now();
  const runaway = pool.run('while true do end', { timeoutMs: 200 }).then((r) => ({ r, ms: performance.now() - t }));
  const others = await Promise.all(Array.from({ length: 500 }, () => pool.run('return 1')));
  const stopped = await runaway;
  say(`"pool" runaway (timeoutMs 200): ${stopped.r.error?.kind ?? 'NOT STOPPED'} after ${stopped.ms.toFixed(0)} ms (floor: 300); the 500 others: ${others.filter((r) => r.ok).length} ok`);

  // 100 concurrent scripts each holding 8 MB (64 MB per script), and one allocating without bound.
  const hold = 'local s = string.rep("x", 8 * 1024 * 1024) local t = {} for i = 1, 20000 do t[i] = {i} end return #s + #t';
  t = performance.now();
  const hog = pool.run('local t = {} local i = 0 while true do i = i + 1 t[i] = {i, i, i} end', { timeoutMs: 60_000 });
  const held = await Promise.all(Array.from({ length: 100 }, () => pool.run(hold)));
  const hogResult = await hog;
  say(`"pool" 100 scripts holding 8 MB (memoryMb 64): ${held.filter((r) => !r.ok).length} stopped (floor: 0) in ${((performance.now() - t) / 1000).toFixed(1)} s; the unbounded allocator: ${hogResult.error?.kind ?? 'NOT STOPPED'} (${hogResult.error?.message ?? ''})`);
  await pool.close();
}
