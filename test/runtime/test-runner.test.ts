// runTestFile on the real VM: what each test reports (status, message, file, line, expected/actual),
// errors raised while the file loads placed at the test file's own line, the runner's events, and
// the rerun after a test stops its process.
import { describe, expect, test } from 'vitest';
import { builtinModules } from '../../src/modules';
import { runTestFile, type RunTestFileOptions } from '../../src/runtime/test-runner';

const run = (source: string, options: Partial<RunTestFileOptions> = {}) =>
  runTestFile({ source, chunkName: 'util_test.lua', modules: builtinModules, timeoutMs: 2000, ...options });

describe('errors raised while a test file loads name the test file and its line', () => {
  test.each([
    ['a missing module', 'local x = 1\nlocal util = require("util")\nreturn {}', "module 'util' not found:\n\tno field package.preload['util']", 2],
    ['a runtime error', '\n\nlocal t = nil\nt.x = 1', "attempt to index a nil value (local 't')", 4],
    ['error() with level 0', 'local a = 1\nerror("plain", 0)', 'plain', 2],
    ['an error object', 'local a = 1\n\nerror({})', '(error object is a table value)', 3],
    ['a structured error', 'error(errors.new{message = "nope", kind = "NOT_FOUND"})', 'nope [NOT_FOUND]', 1],
    ['a syntax error', 'local x = 1\nreturn {', 'unexpected symbol near <eof>', 2],
  ])('%s', async (_what, source, message, line) => {
    const r = await run(source);
    expect(r.tests).toEqual([{ name: '(load)', ok: false, message, line }]);
  });

  test('a failure inside a function the test calls is placed where it was raised', async () => {
    const r = await run('local function check(v)\n  if not v then error("bad value") end\nend\nreturn { t = function()\n  check(false)\nend }');
    expect(r.tests).toMatchObject([{ name: 't', ok: false, message: 'bad value', line: 2 }]);
  });
});

describe('what each test reports', () => {
  test('passes, failures with expected/actual, and durations', async () => {
    const r = await run('test.case("c", function() test.eq({1, 2}, {1, 3}) end)\nreturn { a = function() test.ok(true) end }');
    expect(r.tests).toMatchObject([
      { name: 'c', ok: false, message: 'expected {1, 3}, got {1, 2}', line: 1, expected: '{1, 3}', actual: '{1, 2}' },
      { name: 'a', ok: true },
    ]);
    for (const t of r.tests) expect(t.durationMs).toBeGreaterThanOrEqual(0);
  });

  test('onBegin names each test with the line its function starts on; onCase follows', async () => {
    const events: string[] = [];
    await run('local M = {}\n\nfunction M.first() end\nfunction M.second() error("x") end\nreturn M', {
      onBegin: (name, line) => events.push(`begin ${name} ${line}`),
      onCase: (r) => events.push(`case ${r.name} ${r.ok}`),
    });
    expect(events).toEqual(['begin (load) 1', 'begin first 3', 'case first true', 'begin second 4', 'case second false']);
  });

  test('a test that stops its process fails; the others still run; skip leaves tests out', async () => {
    const source = 'return { a = function() test.ok(true) end, b = function() while true do end end, c = function() test.ok(true) end }';
    const r = await run(source, { timeoutMs: 200 });
    expect(r.tests.map((t) => `${t.name} ${t.ok}`)).toEqual(['a true', 'b false', 'c true']);
    expect(r.tests[1]).toMatchObject({ message: 'script exceeded its time limit of 200 ms [TIMEOUT]', line: 1 });
    const skipped = await run(source, { timeoutMs: 200, skip: ['a', 'b'] });
    expect(skipped.tests.map((t) => t.name)).toEqual(['c']);
  });

  test('test.fails matches the text of any error value, computed safely', async () => {
    const r = await run(`return {
  raising = function() test.fails(function() error(setmetatable({}, {__tostring = function() error("inner text", 0) end})) end, "inner text") end,
  looping = function() test.fails(function() error(setmetatable({}, {__tostring = function() while true do end end})) end, "error object is a table") end,
  structured = function() test.fails(function() error(errors.new{message = "gone", kind = "NOT_FOUND"}) end, "gone") end,
  mismatch = function() test.fails(function() error({}) end, "other") end,
}`);
    expect(r.tests.map((t) => [t.name, t.ok, t.message])).toEqual([
      ['looping', true, undefined],
      ['mismatch', false, 'expected an error containing "other", got "(error object is a table value)"'],
      ['raising', true, undefined],
      ['structured', true, undefined],
    ]);
  });

  test('the test library is a read-only view; the runner leaves no global behind', async () => {
    const r = await run('return { t = function() test.eq(type(test), "userdata") test.eq(rawget(_G, "__luamod_test"), nil) test.fails(function() test.x = 1 end, "read-only") end }');
    expect(r.tests).toMatchObject([{ name: 't', ok: true }]);
  });
});
