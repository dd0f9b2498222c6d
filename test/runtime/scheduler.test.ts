import { afterEach, describe, expect, it } from 'vitest';
import { clockDispatcher } from '../../src/runtime/clock-dispatcher';
import { createHandlerRegistry } from '../../src/runtime/dispatcher';
import { createTestScheduler, type TestScheduler } from '../../src/runtime/test-scheduler';
import { fetchDispatcher, greetModule } from './fixtures';

let ts: TestScheduler | undefined;
afterEach(() => ts?.stop());

describe('scheduler', () => {
  it('lifecycle hooks see start and completion', async () => {
    const events: string[] = [];
    ts = createTestScheduler({
      modules: [greetModule],
      lifecycle: { onStart: (pid) => events.push(`start ${pid}`), onComplete: (pid, r) => events.push(`done ${pid} ${String(r.values[0])}`) },
    });
    await ts.execute('p1', ts.process('return 42'));
    expect(events).toEqual(['start p1', 'done p1 42']);
  });
  it('calls a method with input after the chunk ran', async () => {
    ts = createTestScheduler();
    const r = await ts.execute('m', ts.process('function handle(a, b) return a + b, name end name = "x"'), 'handle', [2, 3]);
    expect(r.values).toEqual([5, 'x']);
    const missing = await ts.execute('m2', ts.process('x = 1'), 'handle');
    expect(missing.error?.message).toBe("the script defines no function 'handle'");
  });
  it('processes have their own globals', async () => {
    ts = createTestScheduler({ modules: [greetModule] });
    const a = ts.execute('a', ts.process('shared = "a" greet.sleep(10) return shared'));
    const b = ts.execute('b', ts.process('shared = "b" _G.other = 1 return shared'));
    const c = ts.execute('c', ts.process('return shared, other'));
    expect((await a).values).toEqual(['a']);
    expect((await b).values).toEqual(['b']);
    expect((await c).values).toEqual([null, null]);
  });
  it('the concurrency limit queues processes; the process cap refuses', async () => {
    const order: string[] = [];
    ts = createTestScheduler({ modules: [greetModule], maxConcurrent: 1, maxProcesses: 2, lifecycle: { onStart: (pid) => order.push(pid) } });
    const a = ts.execute('a', ts.process('greet.sleep(15) return 1'));
    const b = ts.execute('b', ts.process('return 2'));
    await expect(ts.execute('c', ts.process('return 3'))).rejects.toThrow('too many processes (the limit is 2)');
    expect(order).toEqual(['a']);
    await Promise.all([a, b]);
    expect(order).toEqual(['a', 'b']);
  });
  it('terminate ends a waiting process with CANCELED', async () => {
    ts = createTestScheduler({ modules: [greetModule] });
    const p = ts.execute('t', ts.process('greet.sleep(10000) return 1'));
    await new Promise((r) => setTimeout(r, 10));
    expect(ts.scheduler.terminate('t')).toBe(true);
    expect((await p).error).toMatchObject({ kind: 'CANCELED', message: 'process terminated' });
    expect(ts.scheduler.terminate('t')).toBe(false);
  });
  it('stop refuses new work', async () => {
    ts = createTestScheduler();
    ts.stop();
    await expect(ts.execute('x', ts.process('return 1'))).rejects.toThrow('scheduler is stopped');
  });
  it('two handlers for one command fail at start-up naming both', () => {
    const other = { name: 'other-clock', registerAll: (r: (id: string, h: () => unknown) => void) => r('clock.sleep', () => undefined) };
    expect(() => createHandlerRegistry([clockDispatcher(), other])).toThrow("command 'clock.sleep' has two handlers: dispatcher 'clock' and dispatcher 'other-clock'");
    expect(() => createTestScheduler({ dispatchers: [other] })).toThrow(/dispatcher 'clock' and dispatcher 'other-clock'/);
  });
});

describe('runaway scripts', () => {
  it('while true do end ends with TIMEOUT and does not freeze other processes', async () => {
    ts = createTestScheduler({ modules: [greetModule], dispatchers: [fetchDispatcher], limits: { timeMs: 150 } });
    const runaway = ts.execute('loop', ts.process('while true do end'));
    const other = ts.execute('other', ts.process('local n = 0 for i = 1, 5 do greet.sleep(1) n = n + 1 end return n'));
    expect((await other).values).toEqual([5]);
    const r = await runaway;
    expect(r.error).toMatchObject({ kind: 'TIMEOUT', line: 1 });
    expect(r.error?.message).toBe('script exceeded its time limit of 150 ms');
  });
  it("a script's pcall cannot swallow the limit", async () => {
    ts = createTestScheduler({ limits: { timeMs: 100 } });
    const r = await ts.run('while true do pcall(function() while true do end end) end');
    expect(r.error?.kind).toBe('TIMEOUT');
    const sorted = await ts.run('local t = {} for i = 1, 50 do t[i] = i end while true do pcall(table.sort, t, function(a, b) while true do end end) end');
    expect(sorted.error?.kind).toBe('TIMEOUT');
  });
  it('a caught error does not switch the limit off (fengari allowhook fix)', async () => {
    ts = createTestScheduler({ limits: { timeMs: 100 } });
    const r = await ts.run('pcall(error, "x") xpcall(error, print, "y") while true do end');
    expect(r.error?.kind).toBe('TIMEOUT');
  });
  it('the limit also stops a loop inside the script\'s own coroutine', async () => {
    ts = createTestScheduler({ limits: { timeMs: 100 } });
    const r = await ts.run('local co = coroutine.wrap(function() while true do end end) pcall(co)');
    expect(r.error?.kind).toBe('TIMEOUT');
    const resumed = await ts.run('local co = coroutine.create(function() while true do end end) while true do coroutine.resume(co) end');
    expect(resumed.error?.kind).toBe('TIMEOUT');
  });
  it('the instruction budget ends a script with TIMEOUT', async () => {
    ts = createTestScheduler({ limits: { instructions: 100_000 } });
    const r = await ts.run('local i = 0 while true do i = i + 1 end');
    expect(r.error).toMatchObject({ kind: 'TIMEOUT', message: 'script exceeded its instruction budget of 100000' });
  });
  it('a process waiting past its time limit ends with TIMEOUT', async () => {
    ts = createTestScheduler({ modules: [greetModule], limits: { timeMs: 30 } });
    const r = await ts.run('greet.sleep(5000)');
    expect(r.error?.kind).toBe('TIMEOUT');
  });
  it('time-slicing interleaves two busy processes', async () => {
    ts = createTestScheduler({ limits: { sliceMs: 1 } });
    const out: string[] = [];
    const busy = (tag: string) => ts!.execute(tag, ts!.process(`for i = 1, 3 do local x = 0 for j = 1, 200000 do x = x + j end print("${tag}") end`, { output: (t) => out.push(t.trim()) }));
    await Promise.all([busy('a'), busy('b')]);
    expect(out.join('')).not.toBe('aaabbb');
  });
});
