// Attacks on the conversions between Lua and JS values: deeply nested tables handed to host
// functions (errors.new details, json.encode, logger fields, any checkTable/get) and host functions
// returning many values must never corrupt the thread: every failure is a Lua error `pcall` catches.
import { afterAll, describe, expect, test } from 'vitest';
import type { ModuleDef } from '../../src/module';
import { ModuleClass } from '../../src/module';
import { newManifest } from '../../src/types';
import { builtinModules } from '../../src/modules';
import { createTestScheduler } from '../../src/runtime/test-scheduler';
import { greetModule } from '../runtime/fixtures';

const manyModule: ModuleDef = {
  name: 'many',
  description: 'Returns many values.',
  class: [ModuleClass.Deterministic],
  types: () => newManifest('many'),
  build: () => ({
    table: {
      values: (l) => { const n = l.checkInt(1); for (let i = 1; i <= n; i++) l.push(i); return n; },
      errors: (l) => { const n = l.checkInt(1); for (let i = 1; i <= n; i++) l.pushError({ message: `e${i}` }); return n; },
    },
  }),
};

const ts = createTestScheduler({ modules: [...builtinModules, greetModule, manyModule] });
afterAll(() => ts.stop());
const all = { actor: { id: 'a' }, scope: { policies: [{ actions: ['*'], effect: 'allow' as const }] } };

const nest = (depth: number) => `local t = {} local c = t for i = 1, ${depth} do c.x = {} c = c.x end`;

describe('deeply nested values passed to host functions stay inside pcall', () => {
  // `pcall(f, args)` calls the host function straight from pcall (no Lua frame in between).
  const calls = [
    'errors.new, { message = "m", details = t }',
    'greet.echo, t',
    'greet.keys, t',
    'json.encode, t',
    'logger.info, logger, "m", t',
    'logger.with, logger, t',
    'errors.new, { message = "m", details = setmetatable({}, { __index = t }) }',
  ];
  for (const depth of [12, 19, 40, 70, 300]) {
    test.each(calls)(`${depth} levels: pcall(%s)`, async (call) => {
      const r = await ts.run(`${nest(depth)}
        local ok, err = pcall(${call})
        local ok2, err2 = pcall(function() return ${call.replace(/^([\w.]+), /, '$1(')}) end)
        return "after", type(err) == "string" and err or tostring(err), type(err2) == "string" and err2 or tostring(err2)`, all);
      expect(r.error).toBeUndefined();
      expect(r.values[0]).toBe('after');
      for (const v of r.values.slice(1)) expect(String(v)).not.toMatch(/^function: |assertion failed|runtime failure/);
    });
  }
  test('a structured error built from a deep table is a usable Error', async () => {
    const r = await ts.run(`${nest(12)}
      local ok, e = pcall(error, errors.new({ message = "deep", details = t }))
      return ok, e:message(), type(e:details().x)`, all);
    expect(r.values).toEqual([false, 'deep', 'table']);
  });
});

describe('host functions returning more values than the initial stack', () => {
  test.each([10, 19, 25, 200, 5000])('%i values, then as many errors', async (n) => {
    const r = await ts.run(`local v = { many.values(${n}) } local e = { many.errors(${n}) }
      return #v, v[#v], #e, e[#e]:message()`, all);
    expect(r.error).toBeUndefined();
    expect(r.values).toEqual([n, n, n, `e${n}`]);
  });
});
