// createRuntime in "thread" mode: one engine and one scheduler for all runs, the real fengari VM.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createRuntime } from '../../src/embed/create-runtime';
import { ModuleClass, type ModuleDef } from '../../src/module/module-def';
import { newManifest } from '../../src/types/manifest';
import { parseType } from '../../src/types/parse';

let builds = 0;
const greet: ModuleDef = {
  name: 'greet',
  description: 'Greetings.',
  class: [ModuleClass.Deterministic],
  types: () => newManifest('greet').setExport(parseType('{hello: fun(name: string) -> string}')),
  build: () => {
    builds++;
    return { table: { hello: (l) => { l.push(`hello, ${l.checkString(1)}`); return 1; } } };
  },
};

describe('createRuntime, "thread" isolation', () => {
  const rt = createRuntime({ modules: [greet], limits: { timeoutMs: 200 } });
  afterAll(() => rt.close());

  it('runs a chunk with args: values, output, ok', async () => {
    const r = await rt.run('print(greet.hello(...)) return 6 * 7, ...', { args: ['world', 3] });
    expect(r).toEqual({ ok: true, values: [42, 'world', 3], output: 'hello, world\n' });
  });

  it('builds each module once for all runs', async () => {
    await Promise.all(Array.from({ length: 20 }, (_, i) => rt.run(`return greet.hello("${i}")`)));
    expect(builds).toBe(1);
  });

  it('reports errors with kind, message, file and line', async () => {
    const r = await rt.run('local x = 1\nerror("boom")', { name: 'job.lua' });
    expect(r.ok).toBe(false);
    expect(r.error).toMatchObject({ kind: 'UNKNOWN', message: 'boom', file: 'job.lua', line: 2 });
    expect(r.error?.stack).toMatch(/job\.lua:2/);
  });

  it('a syntax error is an INVALID error, not an exception', async () => {
    const r = await rt.run('x = = 1', { name: 'bad.lua' });
    expect(r.error).toMatchObject({ kind: 'INVALID', file: 'bad.lua', line: 1 });
  });

  it('runs a file', async () => {
    const r = await rt.run({ file: join(__dirname, '../../examples/hello.lua') });
    expect(r.ok).toBe(true);
    expect(r.output).not.toBe('');
  });

  it('a missing file is NOT_FOUND', async () => {
    const r = await rt.run({ file: join(__dirname, 'no-such.lua') });
    expect(r.error).toMatchObject({ kind: 'NOT_FOUND' });
  });

  it('a runaway pattern match stops with TIMEOUT while other runs finish', async () => {
    const [runaway, quick] = await Promise.all([
      rt.run('return string.find(string.rep("a", 600), ".-.-.-b")'),
      rt.run('return greet.hello("x")'),
    ]);
    expect(runaway.error).toMatchObject({ kind: 'TIMEOUT' });
    expect(quick).toMatchObject({ ok: true, values: ['hello, x'] });
  });

  it('timeoutMs per run overrides the default', async () => {
    const r = await rt.run('while true do end', { timeoutMs: 20 });
    expect(r.error?.message).toMatch(/time limit of 20 ms/);
  });

  it('after close, runs are CANCELED', async () => {
    const other = createRuntime({ modules: [greet] });
    await other.close();
    expect((await other.run('return 1')).error).toMatchObject({ kind: 'CANCELED' });
  });
});

describe('createRuntime, "thread" isolation, from a module file', () => {
  const file = join(__dirname, 'fixtures/counter-modules.cjs');

  it('loads modules and dispatchers; permissions gate the yielding function', async () => {
    const rt = createRuntime({ modules: file });
    const denied = await rt.run('local v, err = counter.wait(1) return v, err:kind()');
    expect(denied.values).toEqual([null, 'PERMISSION_DENIED']);
    const allowed = await rt.run('return counter.wait(5)', { permissions: [{ actions: ['counter.*'], effect: 'allow' }] });
    expect(allowed).toMatchObject({ ok: true, values: [5] });
    await rt.close();
  });

  it('a module file that throws is an INVALID error on every run, naming the file', async () => {
    const rt = createRuntime({ modules: join(__dirname, 'fixtures/throwing-modules.cjs') });
    const r = await rt.run('return 1');
    expect(r.error?.kind).toBe('INVALID');
    expect(r.error?.message).toMatch(/throwing-modules\.cjs: module file failed to load: the host module file is broken/);
  });

  it('a module whose build() throws is an INVALID error on every run, never a rejection', async () => {
    const rt = createRuntime({ modules: join(__dirname, 'fixtures/build-throws.cjs') });
    const r = await rt.run('return 1');
    expect(r.error).toMatchObject({ kind: 'INVALID', message: "module 'fragile' failed to build: no database" });
    expect(() => createRuntime({ modules: [{ ...greet, name: 'fragile2', build: () => { throw new Error('boom'); } }] })).toThrow(/module 'fragile2' failed to build: boom/);
  });

  it('a module file exporting bad ModuleDefs names the problem', async () => {
    const rt = createRuntime({ modules: join(__dirname, 'fixtures/not-modules.cjs') });
    expect((await rt.run('return 1')).error?.message).toMatch(/modules\[0\] \('bad name'\): `name` must be a Lua identifier/);
  });

  it('project: require finds the host Lua files under its root, and nothing outside it', async () => {
    const root = mkdtempSync(join(tmpdir(), 'luamod-embed-project-'));
    mkdirSync(join(root, 'lib'));
    writeFileSync(join(root, 'lib', 'price.lua'), 'local M = {}\nfunction M.total(n, each) return n * each end\nreturn M\n');
    const rt = createRuntime({ modules: [greet], project: { root } });
    try {
      expect(await rt.run('return require("lib.price").total(3, 4)')).toMatchObject({ ok: true, values: [12] });
      const missing = await rt.run('return require("nowhere")');
      expect(missing.ok).toBe(false);
      expect(missing.error?.message).toMatch(/module 'nowhere' not found/);
    } finally {
      await rt.close();
      rmSync(root, { recursive: true, force: true });
    }
  });
});
