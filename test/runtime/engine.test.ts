import { describe, expect, it } from 'vitest';
import type { ModuleDef } from '../../src/module';
import { ModuleClass } from '../../src/module';
import { createEngine, LuaSyntaxError } from '../../src/runtime/engine';
import { createProcess } from '../../src/runtime/process';
import { createScheduler } from '../../src/runtime/scheduler';
import { createTestScheduler } from '../../src/runtime/test-scheduler';
import { newManifest } from '../../src/types';

describe('engine', () => {
  it('builds every ModuleDef once and shares the table between processes', async () => {
    let builds = 0;
    const counted: ModuleDef = {
      name: 'counted', description: '', class: [ModuleClass.Deterministic], types: () => newManifest('counted'),
      build: () => { builds++; return { table: { id: (l) => { l.push(builds); return 1; } } }; },
    };
    const ts = createTestScheduler({ modules: [counted] });
    const a = await ts.run('return counted.id(), tostring(counted)');
    const b = await ts.run('return counted.id()');
    expect(builds).toBe(1);
    expect(a.values).toEqual([1, "read-only table 'counted'"]);
    expect(b.values).toEqual([1]);
    ts.stop();
  });
  it('a module value may itself be a userdata (ModuleBuild.value)', async () => {
    const log: string[] = [];
    const logger: ModuleDef = {
      name: 'log', description: '', class: [ModuleClass.IO], types: () => newManifest('log'),
      build: () => ({
        table: {},
        value: { typeName: 'log.Logger', value: { prefix: 'app' } },
        userdata: [{ typeName: 'log.Logger', methods: { info: (l) => { log.push(`${l.checkUserdata<{ prefix: string }>(1, 'log.Logger').prefix}: ${l.checkString(2)}`); return 0; } } }],
      }),
    };
    const ts = createTestScheduler({ modules: [logger] });
    const r = await ts.run('log:info("hi") return type(log), require("log") == log');
    expect(r.values).toEqual(['userdata', true]);
    expect(log).toEqual(['app: hi']);
    ts.stop();
  });
  it('a failing build is a start-up error naming the module', () => {
    const broken: ModuleDef = {
      name: 'broken', description: '', class: [], types: () => newManifest('broken'),
      build: () => { throw new Error('no config'); },
    };
    expect(() => createEngine({ modules: [broken] })).toThrow("module 'broken' failed to build: no config");
  });
  it('compile reports syntax errors with line; a compiled chunk serves many processes', async () => {
    const engine = createEngine();
    expect(() => engine.compile('local x = \n\n)', 'bad.lua')).toThrow(LuaSyntaxError);
    try { engine.compile('x = 1\nlocal = 2', 'bad.lua'); } catch (e) { expect((e as LuaSyntaxError).line).toBe(2); }
    const chunk = engine.compile('n = (n or 0) + 1 return n, ...', 'c.lua');
    const s = createScheduler();
    const results = await Promise.all([1, 2, 3].map((i) => s.execute(`p${i}`, createProcess(engine, chunk, { args: [i * 10] }))));
    expect(results.map((r) => r.values)).toEqual([[1, 10], [1, 20], [1, 30]]);
  });
});
