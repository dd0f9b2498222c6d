// The supervisor of `luamod test` (src/runtime/isolated-test.ts) with real worker threads running
// the real CLI bundle: a healthy worker is reused across files, a stopped one is replaced, a stuck
// test (also while the file loads) fails with TIMEOUT and the file goes on, each file gets its own
// environment copy.
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { beforeAll, describe, expect, test } from 'vitest';
import { createTestSupervisor, type IsolatedTestOptions } from '../../src/runtime/isolated-test';

const root = resolve(__dirname, '../..');
const bundle = join(root, 'node_modules/.cache/luamod-isolated-test/cli.js');

beforeAll(async () => {
  await build({ entryPoints: [join(root, 'src/cli/main.ts')], outfile: bundle, bundle: true, platform: 'node', format: 'cjs', packages: 'external', logLevel: 'error' });
}, 60_000);

const supervisor = (options: IsolatedTestOptions = {}) => createTestSupervisor({ timeoutMs: 300, outputFd: 2, ...options }, { workerFile: bundle });
// One library call that runs long: compiling a 16 MB chunk. (A backtracking string.find no longer
// does: the patched matcher's step budget stops it at its line, test/runtime/step-budget.test.ts.)
// It also builds an 8M-item table: the tests that run it give it memory enough that the time
// limit is what stops it (ROOM).
const STUCK = 'local s = "1," for i = 1, 23 do s = s .. s end load("return {" .. s .. "}")';
const ROOM = { memoryBytes: 1024 * 1024 * 1024 };

describe('the test supervisor', () => {
  test('reuses a healthy worker across files', async () => {
    const s = supervisor();
    for (let i = 0; i < 3; i++) {
      const r = await s.runFile({ source: 'return { t = function() test.ok(true) end }', chunkName: `f${i}_test.lua` });
      expect(r.tests).toMatchObject([{ name: 't', ok: true }]);
    }
    expect(s.workersStarted).toBe(1);
    await s.close();
  }, 30_000);

  test('a test stuck inside a library call fails with TIMEOUT at its line; a new worker runs the rest of the file and the next file', async () => {
    const s = supervisor(ROOM);
    const cases: string[] = [];
    const r = await s.runFile({ source: `return {\n  a = function() test.ok(true) end,\n  b = function() ${STUCK} end,\n  c = function() test.ok(true) end,\n}`, chunkName: 'stuck_test.lua' });
    expect(r.tests.map((t) => `${t.name} ${t.ok}`)).toEqual(['a true', 'b false', 'c true']);
    expect(r.tests[1]).toMatchObject({ message: 'test exceeded its time limit of 300 ms inside a library call [TIMEOUT]', line: 3 });
    const next = await s.runFile({ source: 'test.case("x", function() test.ok(true) end)', chunkName: 'next_test.lua' });
    cases.push(...next.tests.map((t) => t.name));
    expect(cases).toEqual(['x']);
    expect(s.workersStarted).toBe(2);
    await s.close();
  }, 30_000);

  test('a file stuck while it loads fails as (load); the next file runs', async () => {
    const s = supervisor(ROOM);
    const r = await s.runFile({ source: `local x = 1\n${STUCK}\nreturn { t = function() end }`, chunkName: 'load_test.lua' });
    expect(r.tests).toMatchObject([{ name: '(load)', ok: false, message: 'test exceeded its time limit of 300 ms inside a library call [TIMEOUT]' }]);
    const next = await s.runFile({ source: 'return { t = function() test.ok(true) end }', chunkName: 'next_test.lua' });
    expect(next.tests).toMatchObject([{ name: 't', ok: true }]);
    await s.close();
  }, 30_000);

  test('each file gets its own copy of the environment', async () => {
    const s = supervisor({ env: { KEPT: 'original' }, actor: { id: 'test' }, scope: { policies: [{ actions: ['env.*'], resources: ['*'], effect: 'allow' }] } });
    const a = await s.runFile({ source: 'return { t = function() env.set("KEPT", "changed") env.set("NEW", "x") test.eq(env.get("KEPT"), "changed") end }', chunkName: 'a_test.lua' });
    const b = await s.runFile({ source: 'return { t = function() test.eq(env.get("KEPT"), "original") test.eq(env.get("NEW"), nil) end }', chunkName: 'b_test.lua' });
    expect([...a.tests, ...b.tests].map((t) => [t.ok, t.message])).toEqual([[true, undefined], [true, undefined]]);
    await s.close();
  }, 30_000);
});
