// Attacks through the `luamod run` command line, with the real CLI: grants and limits that silently
// meant "everything" or "nothing" (an empty resource, a memory limit rounding to 0, a timeout that
// overflows Node's timer), absolute fs resources, and the messages a script sees.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { createTestScheduler } from '../../src/runtime/test-scheduler';
import { greetModule } from '../runtime/fixtures';

const CLI = join(__dirname, '../../bin/luamod.js');
const dir = mkdtempSync(join(tmpdir(), 'luamod-cli-limits-'));
mkdirSync(join(dir, 'data'));
writeFileSync(join(dir, 'data', 'a.txt'), 'data a');
writeFileSync(join(dir, 'secret.txt'), 'secret');
writeFileSync(join(dir, 'read.lua'), 'local a = fs.read("data/a.txt") local s, err = fs.read("secret.txt") print(a, s, err and err:kind())');
writeFileSync(join(dir, 'one.lua'), 'print("ran") return 1');
writeFileSync(join(dir, 'rep.lua'), 'string.rep("x", {})');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, 'run', ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('grants that must not mean "everything"', () => {
  test('--allow fs.read: with an empty resource (an unset $VAR) is a usage error', () => {
    const r = run('read.lua', '--allow', 'fs.read:');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/invalid --allow 'fs\.read:': the resource after ':' is empty/);
    expect(r.stdout).not.toContain('secret');
  });
  test('an absolute fs resource inside the root is relative to the root; outside it is an error', () => {
    const inside = run('read.lua', '--allow', `fs.read:${dir}/data/*`);
    expect(inside.code).toBe(0);
    expect(inside.stdout.trim()).toBe('data a\tnil\tPERMISSION_DENIED');
    const outside = run('read.lua', '--allow', 'fs.read:/data/*');
    expect(outside.code).toBe(2);
    expect(outside.stderr).toMatch(/resource '\/data\/\*' is outside the fs root/);
  });
  test('--help shows working fs grants', () => {
    const help = spawnSync(process.execPath, [CLI, 'run', '--help'], { encoding: 'utf8' }).stdout;
    expect(help).not.toMatch(/fs\.read:\/data\/\*/);
    expect(help).toMatch(/fs\.read:data\/\*/);
  });
});

describe('limits that must not round to "no limit" or overflow', () => {
  test.each([['--max-memory', '0.0000001'], ['--max-memory', '7'], ['--max-memory', '-1'], ['--max-memory', ''], ['--max-string', '0.0000001']])(
    '%s %s is a usage error', (flag, value) => {
      const r = run('one.lua', flag, value);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(new RegExp(`invalid ${flag} '${value.replace('.', '\\.')}'`));
      expect(r.stdout).toBe('');
    });
  test('--max-memory 0 (no limit) and 8 run', () => {
    expect(run('one.lua', '--max-memory', '0').code).toBe(0);
    expect(run('one.lua', '--max-memory', '8').code).toBe(0);
  });
  test('--timeout 2147483648 does not stop the script after 1 ms', () => {
    const r = run('one.lua', '--timeout', '2147483648');
    expect(r.stderr).not.toMatch(/TIMEOUT/);
    expect([r.code, r.stdout.trim()]).toEqual([0, 'ran']);
  });
  test('a process time limit past 2^31 ms in the runtime does not fire at once', async () => {
    const ts = createTestScheduler({ modules: [greetModule], limits: { timeMs: 2 ** 31 + 10 } });
    try {
      const r = await ts.run('greet.sleep(20) return "slept"');
      expect(r.error).toBeUndefined();
      expect(r.values).toEqual(['slept']);
    } finally {
      ts.stop();
    }
  });
});

test('wrapped library functions name themselves in errors', () => {
  const r = run('rep.lua');
  expect(r.code).toBe(1);
  expect(r.stderr).toMatch(/rep\.lua:1: bad argument #2 to 'rep' \(number expected, got table\)/);
});

describe('luamod test takes the same grants and limits as luamod run', () => {
  writeFileSync(join(dir, 'read_test.lua'), 'return { reads = function() test.eq(fs.read("data/a.txt"), "data a"); local s, err = fs.read("secret.txt"); test.eq(err:kind(), "PERMISSION_DENIED") end }');
  const luamodTest = (...args: string[]) => spawnSync(process.execPath, [CLI, 'test', ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 60_000 });
  test('--max-memory below 8 MiB (other than 0) is a usage error', () => {
    const r = luamodTest('read_test.lua', '--max-memory', '0.0000001');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/invalid --max-memory '0\.0000001'/);
  });
  test('an absolute fs resource inside the root is relative to it; outside it is an error; empty is an error', () => {
    expect(luamodTest('read_test.lua', '--allow', `fs.read:${dir}/data/*`).stdout).toContain('1 passed, 0 failed');
    const outside = luamodTest('read_test.lua', '--allow', 'fs.read:/data/*');
    expect(outside.status).toBe(2);
    expect(outside.stderr).toMatch(/outside the fs root/);
    expect(luamodTest('read_test.lua', '--allow', 'fs.read:').status).toBe(2);
  });
});
