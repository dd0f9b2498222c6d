// createRuntime in "pool" isolation: real worker threads (dist/pool-worker.js, built by `npm test`),
// each with its own engine built from a module file.
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createRuntime } from '../../src/embed/create-runtime';

const modules = join(__dirname, 'fixtures/counter-modules.cjs');

describe('createRuntime, "pool" isolation', () => {
  const rt = createRuntime({ modules, isolation: 'pool', poolSize: 2, limits: { timeoutMs: 10_000, memoryMb: 64 } });
  afterAll(() => rt.close());

  it('runs scripts against the module file, args in, values and output out', async () => {
    const r = await rt.run('print("hi") return counter.incr("a") > 0, ...', { args: ['x', 2] });
    expect(r).toEqual({ ok: true, values: [true, 'x', 2], output: 'hi\n' });
  });

  it('yielding functions and permissions work in the workers', async () => {
    const r = await rt.run('return counter.wait(5)', { permissions: [{ actions: ['counter.wait'], effect: 'allow' }], actor: { id: 'alice' } });
    expect(r).toMatchObject({ ok: true, values: [5] });
  });

  it('a runaway is stopped (TIMEOUT) while the other runs finish', async () => {
    const runs = [
      rt.run('while true do end', { timeoutMs: 100 }),
      ...Array.from({ length: 20 }, (_, i) => rt.run(`return ${i}`)),
    ];
    const [runaway, ...others] = await Promise.all(runs);
    expect(runaway.error).toMatchObject({ kind: 'TIMEOUT' });
    expect(others.map((r) => r.values[0])).toEqual(Array.from({ length: 20 }, (_, i) => i));
  });

  it('a script allocating without bound is stopped alone (memory), and the pool goes on', async () => {
    const [hog, ok] = await Promise.all([
      rt.run('local t = {} local i = 0 while true do i = i + 1 t[i] = {i, i, i, i} end', { timeoutMs: 20_000 }),
      rt.run('local t = {} for i = 1, 1000 do t[i] = string.rep("x", 1024) end return #t'),
    ]);
    expect(hog.error).toMatchObject({ kind: 'UNAVAILABLE' });
    expect(hog.error?.message).toMatch(/memory limit of 64 MiB/);
    expect(ok, JSON.stringify(ok.error)).toMatchObject({ ok: true, values: [1000] });
    expect((await rt.run('return counter.incr("b") > 0')).values).toEqual([true]);
  }, 30_000);

  it('memoryMb per run: a run with a smaller limit gets a worker started for it', async () => {
    const hog = 'local t = {} local i = 0 while true do i = i + 1 t[i] = {i, i, i, i} end';
    const [small, ok] = await Promise.all([rt.run(hog, { memoryMb: 16, timeoutMs: 20_000 }), rt.run('return 7')]);
    expect(small.error?.message).toMatch(/memory limit of 16 MiB/);
    expect(ok.values).toEqual([7]);
  }, 30_000);

  it('scripts each holding 8 MB under a 64 MB limit are not stopped', async () => {
    // 8 MB as one string (outside the V8 heap) or as many small tables (inside it), held across a yield.
    const inString = 'local s = string.rep("x", 8 * 1024 * 1024) counter.wait(1) return #s > 0';
    const inTables = 'local t = {} for i = 1, 40000 do t[i] = {i, i * 2} end counter.wait(1) return #t > 0';
    const grant = { permissions: [{ actions: ['*'], effect: 'allow' as const }], actor: { id: 'a' }, timeoutMs: 10_000 };
    const rs = await Promise.all(Array.from({ length: 12 }, (_, i) => rt.run(i % 2 ? inString : inTables, grant)));
    expect(rs.filter((r) => !r.ok)).toEqual([]);
  }, 30_000);

  it('a broken module file fails every run with INVALID naming the file', async () => {
    const broken = createRuntime({ modules: join(__dirname, 'fixtures/throwing-modules.cjs'), isolation: 'pool', poolSize: 1 });
    const r = await broken.run('return 1');
    expect(r.error?.kind).toBe('INVALID');
    expect(r.error?.message).toMatch(/throwing-modules\.cjs/);
    await broken.close();
  });

  it('ModuleDef objects are refused: functions cannot cross threads', async () => {
    const def = { name: 'x', description: '', class: [], types: () => { throw new Error('unused'); } };
    expect(() => createRuntime({ modules: [def], isolation: 'pool' })).toThrow(/module file paths/);
    const bare = createRuntime({ isolation: 'pool', poolSize: 1 });
    expect((await bare.run('return 1 + 1')).values).toEqual([2]);
    await bare.close();
  });
});
