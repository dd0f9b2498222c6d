// Attacks on `luamod test` (the real CLI, real files, real worker threads): a test file tries to
// hang or exhaust the runner, forge a pass, reset its deadline, hide a failure, reach the runner's
// or another test's state, crash the runner with its error value, or leak environment changes into
// the next file. Each attack passes when the promise holds: every test is reported truthfully, the
// other tests and files still run, and the summary line is printed.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';

const ROOT = join(__dirname, '../..');
const CLI = join(ROOT, 'bin/luamod.js');
const base = mkdtempSync(join(tmpdir(), 'luamod-test-attacks-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));

interface Run { code: number | null; stdout: string; stderr: string }

/** Writes `files` into a fresh folder and runs `luamod test ARGS` there. */
function luamodTest(files: Record<string, string>, args: string[] = []): Promise<Run> {
  const dir = mkdtempSync(join(base, 'case-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, 'test', ...args], { cwd: dir, env: { ...process.env, NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => { stdout += String(d); });
    child.stderr.on('data', (d) => { stderr += String(d); });
    const hang = setTimeout(() => child.kill('SIGKILL'), 90_000);
    child.on('close', (code) => {
      clearTimeout(hang);
      resolve({ code, stdout, stderr });
    });
  });
}

const summary = (r: Run) => r.stdout.trimEnd().split('\n').at(-1);
const AFTER = 'z_after_test.lua';
const after = { [AFTER]: 'return { still_runs = function() test.ok(true) end }' };

describe('a runaway test is stopped by the supervising thread; the rest still runs', () => {
  test('a test stuck inside one library call (load of 16 MB): TIMEOUT at the test, the file and the next files go on', async () => {
    const r = await luamodTest({
      'hang_test.lua': 'return {\n  a_hangs = function()\n    local s = "1," for i = 1, 23 do s = s .. s end load("return {" .. s .. "}")\n  end,\n  b_next = function() test.ok(true) end,\n}\n',
      ...after,
    }, ['--timeout', '500', '--max-memory', '1024']); // room enough that the time limit stops the load (it builds an 8M-item table)
    expect(r.stdout).toContain('FAIL hang_test.lua › a_hangs\n  hang_test.lua:2: test exceeded its time limit of 500 ms inside a library call [TIMEOUT]\n');
    expect(summary(r)).toBe('2 passed, 1 failed');
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
  }, 60_000);

  test('a pattern backtracking inside one string.find call is stopped by the step budget at its line; the file and the next files go on', async () => {
    const r = await luamodTest({
      'hang_test.lua': 'return {\n  a_hangs = function()\n    string.find(("a"):rep(3000), ".-.-.-.-x")\n  end,\n  b_next = function() test.ok(true) end,\n}\n',
      ...after,
    }, ['--timeout', '500']);
    expect(r.stdout).toContain('FAIL hang_test.lua › a_hangs\n  hang_test.lua:3: script exceeded its time limit of 500 ms [TIMEOUT]\n');
    expect(summary(r)).toBe('2 passed, 1 failed');
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
  }, 60_000);

  test('a deadline reset attempt through the old runner global does not extend the time limit', async () => {
    const r = await luamodTest({
      'reset_test.lua': `return { loops = function()
  while true do
    if __luamod_test then __luamod_test.begin("loops") end
    local runner = rawget(_G, "__luamod_test")
    if runner then runner.begin("loops") end
  end
end }`,
      ...after,
    }, ['--timeout', '300']);
    expect(r.stdout).toMatch(/FAIL reset_test.lua › loops\n {2}reset_test.lua:\d: script exceeded its time limit of 300 ms \[TIMEOUT\]/);
    expect(summary(r)).toBe('1 passed, 1 failed');
  }, 60_000);

  test('`s = s .. s` doubling: the test fails with the memory limit, the next tests and files still run', async () => {
    const r = await luamodTest({
      'memory_test.lua': 'return {\n  a_doubles = function() local s = "x" for i = 1, 40 do s = s .. s end end,\n  b_next = function() test.ok(true) end,\n}\n',
      ...after,
    }, ['--timeout', '20000']);
    expect(r.stdout).toMatch(/FAIL memory_test.lua › a_doubles\n {2}memory_test.lua:2: (test|script) exceeded its memory limit of 256 MiB \[UNAVAILABLE\]\n/);
    expect(summary(r)).toBe('2 passed, 1 failed');
  }, 60_000);
  test('table growth stopped by the memory limit: the next tests, which allocate too, are not charged for its garbage', async () => {
    const r = await luamodTest({
      'grow_test.lua': `return {
  a_grows = function() local t = {} local i = 0 while true do i = i + 1; t[i] = { i } end end,
  b_allocates = function() local t = {} for i = 1, 1e5 do t[i] = { i } end test.ok(true) end,
}`,
      ...after,
    }, ['--timeout', '30000']);
    expect(r.stdout).toContain('FAIL grow_test.lua › a_grows\n  grow_test.lua:2: script exceeded its memory limit of 256 MiB [UNAVAILABLE]\n');
    expect(summary(r)).toBe('2 passed, 1 failed');
  }, 90_000);
});

describe("the runner's internals are out of the test's reach", () => {
  test('forging a pass: no runner global, nothing named luamod in the globals, the failure is reported', async () => {
    const r = await luamodTest({
      'forge_test.lua': `
local found = {}
for k in pairs(_G) do if tostring(k):find("luamod") then found[#found + 1] = k end end
local mt = getmetatable(_ENV)
return {
  a_forges = function()
    pcall(function() __luamod_test.record{name = "a_forges", ok = true} end)
    pcall(function() _G.__luamod_test.record{name = "b_fails", ok = true} end)
    test.eq(found, {})
    test.eq(mt, false)
    error("a real failure")
  end,
  b_fails = function() error("another real failure") end,
}`,
    });
    expect(r.stdout).toContain('FAIL forge_test.lua › a_forges\n  forge_test.lua:11: a real failure');
    expect(r.stdout).toContain('FAIL forge_test.lua › b_fails\n  forge_test.lua:13: another real failure');
    expect(summary(r)).toBe('0 passed, 2 failed');
  }, 60_000);

  test("hiding a failure: replacing the globals the runner used (xpcall, pcall, type, error, pairs, ipairs, table) changes nothing", async () => {
    const r = await luamodTest({
      'hide_test.lua': `
local M = {}
local raise = error
function M.fails() raise("must be reported") end
xpcall = function() return true end
pcall = function() return true end
type = function() return "nil" end
error = function() end
pairs = function() return function() end end
ipairs = pairs
table = nil
string = nil
tostring = function() return "" end
return M`,
    });
    expect(r.stdout).toContain('FAIL hide_test.lua › fails\n  hide_test.lua:4: must be reported');
    expect(summary(r)).toBe('0 passed, 1 failed');
  }, 60_000);

  test("changing another test's state: the test library is read-only, tests are fixed once loaded, cases cannot be added later", async () => {
    const r = await luamodTest({
      'state_test.lua': `
local M = {}
function M.a_rewires()
  M.b_fails = function() end
  local ok1 = pcall(function() test.eq = function() end end)
  local ok2 = pcall(rawset, test, "ok", function() end)
  local ok3 = pcall(setmetatable, test, {})
  local ok4 = pcall(test.case, "late", function() end)
  test.eq({ok1, ok2, ok3, ok4}, {false, false, false, false})
end
function M.b_fails() test.eq(1, 2) end
function M.c_asserts_still_work() test.fails(function() test.ok(false) end, "expected a true value") end
return M`,
    });
    expect(r.stdout).toContain('FAIL state_test.lua › b_fails\n  state_test.lua:11: expected 2, got 1');
    expect(r.stdout).not.toContain('late');
    expect(summary(r)).toBe('2 passed, 1 failed');
  }, 60_000);
});

describe('a test cannot crash the runner with its error value', () => {
  test('error(obj) whose __tostring raises an object whose __tostring raises: reported, later files run, summary printed', async () => {
    const r = await luamodTest({
      'crash_test.lua': `local inner = setmetatable({}, {__tostring = function() error("inner text") end})
return {
  crashes = function() error(setmetatable({}, {__tostring = function() error(inner) end})) end,
  loops = function() error(setmetatable({}, {__tostring = function() while true do end end})) end,
  yields = function() error(setmetatable({}, {__tostring = function() coroutine.yield() end})) end,
}`,
      'crash_load_test.lua': 'error(setmetatable({}, {__tostring = function() error(setmetatable({}, {__tostring = function() error("x") end})) end}))',
      ...after,
    });
    expect(r.stdout).toContain('FAIL crash_test.lua › crashes\n  crash_test.lua:3: crash_test.lua:1: inner text\n');
    expect(r.stdout).toContain('FAIL crash_test.lua › loops\n  crash_test.lua:4: (error object is a table value)\n');
    expect(r.stdout).toContain('FAIL crash_test.lua › yields\n  crash_test.lua:5: attempt to yield across a C-call boundary\n');
    expect(r.stdout).toContain('FAIL crash_load_test.lua › (load)\n  crash_load_test.lua:1: crash_load_test.lua:1: x\n');
    expect(r.stderr).not.toMatch(/non-normal|at .*\.js/);
    expect(summary(r)).toBe('1 passed, 4 failed');
  }, 60_000);
});

describe('each test file gets its own environment copy', () => {
  test('env.set in one file is not seen by the next file', async () => {
    const r = await luamodTest({
      'a_sets_test.lua': 'return { sets = function() env.set("LUAMOD_ATTACK_LEAK", "leaked") test.eq(env.get("LUAMOD_ATTACK_LEAK"), "leaked") end }',
      'b_reads_test.lua': 'return { reads = function() test.eq(env.get("LUAMOD_ATTACK_LEAK"), nil) end }',
    }, ['--allow', 'env.*']);
    expect(summary(r)).toBe('2 passed, 0 failed');
  }, 60_000);
});
