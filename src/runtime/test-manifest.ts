// The manifest of the `test` library `luamod test` provides to *_test.lua files (see test-lib.ts),
// so that the checker and hover can know it when a host wires it in (e.g. for *_test.lua files).
import { newManifest, type TypeManifest } from '../types/manifest';
import { parseType } from '../types/parse';
import type { Field } from '../types/type';

const member = (sig: string, description: string, example: string): Field => ({
  type: parseType(sig),
  description,
  examples: [example],
});

/** Builds the `test` manifest (pure; cheap). */
export function testManifest(): TypeManifest {
  const m = newManifest('test', 'Assertions for `luamod test` files (`*_test.lua`); available as the global `test` and `require("test")`.');
  m.setExport({
    kind: 'record',
    name: 'test',
    fields: {
      eq: member('fun(actual: any, expected: any, msg?: string)', 'Fails unless `actual` equals `expected` (tables compared deeply).', 'test.eq(add(1, 2), 3)'),
      neq: member('fun(actual: any, unexpected: any, msg?: string)', 'Fails when `actual` equals `unexpected` (deeply).', 'test.neq(id(), "")'),
      ok: member('fun(value: any, msg?: string) -> any', 'Fails unless `value` is truthy; returns it.', 'test.ok(errors.is(err, errors.INVALID))'),
      near: member('fun(actual: number, expected: number, eps?: number, msg?: string)', 'Fails unless the numbers are within `eps` (default 1e-9).', 'test.near(0.1 + 0.2, 0.3)'),
      fails: member('fun(fn: fun(), substring?: string, msg?: string) -> any', 'Fails unless `fn` raises an error (containing `substring`); returns the error.', 'test.fails(function() error("boom") end, "boom")'),
      mock: member('fun(module: any, name: string, value: any)', 'Replaces a member of a module table for the current test (restored after it).', 'test.mock(counter, "incr", function(name) return 7 end)'),
      case: member('fun(name: string, fn: fun())', 'Registers a test case (run before the functions the file returns).', 'test.case("adds", function() test.eq(1 + 1, 2) end)'),
    },
  });
  return m;
}
