// The real CLI (`luamod run`, `luamod test`) bundled from source and run as a child process.
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';

const root = resolve(__dirname, '../..');
const cli = join(root, 'node_modules/.cache/luamod-runtime-test/cli.js');
let dir: string;

beforeAll(async () => {
  await build({ entryPoints: [join(root, 'src/cli/main.ts')], outfile: cli, bundle: true, platform: 'node', format: 'cjs', packages: 'external', logLevel: 'error' });
  dir = mkdtempSync(join(tmpdir(), 'luamod-cli-'));
}, 60_000);

const luamod = (...args: string[]) => {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd: dir, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};
const file = (name: string, text: string) => {
  const path = join(dir, name);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, text);
  return name;
};

describe('luamod run', () => {
  it('runs examples/hello.lua', () => {
    const r = luamod('run', join(root, 'examples/hello.lua'));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Hello, world!');
  });
  it('prints FILE:LINE: message [KIND] on stderr and exits 1', () => {
    const r = luamod('run', file('fail.lua', 'print("before")\nerror(errors.new{message = "no user", kind = "NOT_FOUND"})'));
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('before\n');
    expect(r.stderr).toBe('fail.lua:2: no user [NOT_FOUND]\n');
    const plain = luamod('run', file('plain.lua', '\n\nlocal x = nil + 1'));
    expect(plain.stderr).toBe('plain.lua:3: attempt to perform arithmetic on a nil value\n');
    const syntax = luamod('run', file('syntax.lua', 'x = = 1'));
    expect(syntax.code).toBe(1);
    expect(syntax.stderr).toBe("syntax.lua:1: unexpected symbol near '='\n");
  });
  it('--timeout stops a runaway script with TIMEOUT', () => {
    const r = luamod('run', file('loop.lua', 'while true do end'), '--timeout', '100');
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('loop.lua:1: script exceeded its time limit of 100 ms [TIMEOUT]\n');
  });
  it('print output and log lines reach stdout and stderr in the order the script wrote them', () => {
    const out = join(dir, 'both.txt');
    const fd = openSync(out, 'w');
    const script = file('order.lua', 'print("a")\nlogger:info("one", {n = 1})\nprint("b")\nlogger:warn("two")\nprint("c")\nerror("boom")\n');
    const r = spawnSync(process.execPath, [cli, 'run', script], { cwd: dir, stdio: ['ignore', fd, fd] });
    closeSync(fd);
    expect(r.status).toBe(1);
    const lines = readFileSync(out, 'utf8').split('\n');
    expect(lines.map((l) => (l.startsWith('{') ? JSON.parse(l).msg : l))).toEqual(['a', 'one', 'b', 'two', 'c', 'order.lua:6: boom', '']);
  });
  it('--print-result prints the returned values as JSON; args arrive as ...', () => {
    const r = luamod('run', file('ret.lua', 'local a, b = ... return {sum = tonumber(a) + tonumber(b)}'), '2', '3', '--print-result');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('{"sum":5}\n');
  });
  it('--workflow refuses modules that are not workflow-safe, naming them', () => {
    const r = luamod('run', file('wf.lua', 'local x = 1\nlocal data = fs.read_file("a.txt")'), '--workflow');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^wf\.lua:2: module 'fs' is not workflow-safe/);
    const ok = luamod('run', file('wf2.lua', 'print(errors.new("fine"))'), '--workflow');
    expect(ok.code).toBe(0);
  });
  it('--allow and --policy grant permissions; strict by default; deny wins', () => {
    const script = file('env.lua', 'local v, err = env.get("LUAMOD_T") if err then error(err) end print(v)');
    const run = (...extra: string[]) => spawnSync(process.execPath, [cli, 'run', script, ...extra], { cwd: dir, encoding: 'utf8', env: { ...process.env, LUAMOD_T: 'yes' } });
    const denied = run();
    expect(denied.status).toBe(1);
    expect(denied.stderr).toBe("env.lua:1: permission denied: env.get on 'LUAMOD_T' [PERMISSION_DENIED]\n");
    expect(run('--allow', 'env.get:LUAMOD_*').stdout).toBe('yes\n');
    expect(run('--allow', 'env.*').stdout).toBe('yes\n');
    const policy = file('deny.json', JSON.stringify({ policies: [{ actions: ['env.get'], resources: ['LUAMOD_T'], effect: 'deny' }] }));
    expect(run('--allow', 'env.get', '--policy', policy).status).toBe(1);
  });
  it('bad usage exits 2 with a clear message', () => {
    expect(luamod('run', 'missing.lua').code).toBe(2);
    const pol = luamod('run', file('p.lua', 'return 1'), '--policy', file('pol.json', '{"policies": [{"actions": ["x"], "effect": "perhaps"}]}'));
    expect(pol.code).toBe(2);
    expect(pol.stderr).toContain('pol.json: $.policies[0].effect: expected "allow" or "deny"');
    expect(luamod('run', file('q.lua', 'return 1'), '--timeout', 'soon').code).toBe(2);
  });
});

describe('luamod test', () => {
  it('runs *_test.lua files and ends with the summary line', () => {
    file('suite/math_test.lua', `
local test = require("test")
return {
  adds = function() test.eq(1 + 1, 2) end,
  breaks = function()
    test.eq({a = 1}, {a = 2})
  end,
}`);
    file('suite/other_test.lua', 'test.case("ok", function() test.ok(true) end)');
    file('suite/helper.lua', 'error("never runs")');
    const r = luamod('test', 'suite');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('FAIL suite/math_test.lua › breaks');
    expect(r.stdout).toContain('suite/math_test.lua:6: expected {a = 2}, got {a = 1}');
    expect(r.stdout).toContain('    expected: {a = 2}\n    actual:   {a = 1}');
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe('2 passed, 1 failed');
  });
  it('exits 0 when everything passes', () => {
    const r = luamod('test', join(root, 'examples/runtime'));
    expect(r.code).toBe(0);
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe('4 passed, 0 failed');
  });
  it('the time limit applies per test; the other tests still run', () => {
    const r = luamod('test', file('slow_test.lua', 'return { a_loops = function() while true do end end, b_sleeps = function() time.sleep("1ms") test.ok(true) end }'), '--timeout', '200');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('FAIL slow_test.lua › a_loops\n  slow_test.lua:1: script exceeded its time limit of 200 ms [TIMEOUT]');
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe('1 passed, 1 failed');
  });
  it('--filter runs only the tests whose name matches; a bad pattern is bad usage', () => {
    file('filtered/f_test.lua', 'return { add_one = function() test.ok(true) end, add_two = function() test.ok(true) end, breaks = function() test.ok(false) end }');
    const r = luamod('test', 'filtered', '--filter', '^add_', '--verbose');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('ok   filtered/f_test.lua › add_one');
    expect(r.stdout).not.toContain('breaks');
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe('2 passed, 0 failed');
    const bad = luamod('test', 'filtered', '--filter', '(');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("invalid --filter '('");
  });
  it('--junit writes JUnit XML: a suite per file, a testcase per test, escaped failures', () => {
    file('junit/j_test.lua', 'return { fine = function() test.ok(true) end, tags = function() test.eq("<a & b>", "c") end }');
    const r = luamod('test', 'junit', '--junit', 'report.xml');
    expect(r.code).toBe(1);
    const xml = readFileSync(join(dir, 'report.xml'), 'utf8');
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites name="luamod test" tests="2" failures="1" time="[\d.]+">/);
    expect(xml).toContain('<testsuite name="junit/j_test.lua" tests="2" failures="1"');
    expect(xml).toMatch(/<testcase name="fine" classname="junit\/j_test.lua" time="[\d.]+"\/>/);
    expect(xml).toContain('<failure message="expected &quot;c&quot;, got &quot;&lt;a &amp; b&gt;&quot;" type="failure">junit/j_test.lua:1: expected');
    expect(xml).toContain('expected: &quot;c&quot;\nactual:   &quot;&lt;a &amp; b&gt;&quot;</failure>');
  });
  it('--reporter json: one JSON report on stdout (per file and per test), test output on stderr', () => {
    file('json/a_test.lua', 'print("printed")\nreturn {\n  fine = function() test.ok(true) end,\n  breaks = function()\n    test.eq({1}, {2})\n  end,\n}');
    file('json/b_test.lua', 'local util = require("util")\nreturn {}');
    const r = luamod('test', 'json', '--reporter', 'json');
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('printed\n');
    const report = JSON.parse(r.stdout) as { version: number; passed: number; failed: number; durationMs: number; files: Array<{ file: string; passed: number; failed: number; durationMs: number; tests: unknown[] }> };
    expect(report).toMatchObject({ version: 1, passed: 1, failed: 2 });
    expect(report.durationMs).toBeGreaterThan(0);
    expect(report.files.map((f) => [f.file, f.passed, f.failed])).toEqual([['json/a_test.lua', 1, 1], ['json/b_test.lua', 0, 1]]);
    expect(report.files[0]!.tests).toEqual([
      { name: 'breaks', status: 'failed', durationMs: expect.any(Number), message: 'expected {2}, got {1}', file: 'json/a_test.lua', line: 5, expected: '{2}', actual: '{1}' },
      { name: 'fine', status: 'passed', durationMs: expect.any(Number), file: 'json/a_test.lua' },
    ]);
    expect(report.files[1]!.tests).toEqual([{ name: '(load)', status: 'failed', message: expect.stringMatching(/^module 'util' not found:\n\tno field package\.preload\['util'\]\n\tno file 'json\/util\.lua'/), file: 'json/b_test.lua', line: 1 }]);
    const bad = luamod('test', 'json', '--reporter', 'xml');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("invalid --reporter 'xml'");
  });
  it('an error raised while a file loads is placed at the test file\'s own line (not the runner\'s)', () => {
    const r = luamod('test', file('util_test.lua', 'local util = require("util")\nreturn { adds = function() test.eq(util.add(1, 2), 3) end }'));
    expect(r.stdout).toContain("FAIL util_test.lua › (load)\n  util_test.lua:1: module 'util' not found:\n\tno field package.preload['util']\n\tno file 'util.lua'\n");
  });
  it('a file that fails to load counts as a failure', () => {
    const r = luamod('test', file('broken_test.lua', 'return {'));
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('FAIL broken_test.lua › (load)');
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe('0 passed, 1 failed');
  });
});
