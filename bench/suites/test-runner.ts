// `luamod test` under supervision (issue 13): the real CLI (dist/cli.js) on real files. Measured:
// one file and 20 files (one worker reused across files) against `luamod run` of one script (one
// worker start); printed once in setup: the time from a test stuck inside one library call to its
// TIMEOUT report, and from `s = s .. s` doubling to its memory report.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findPackageRoot } from '../../src/module/package-root';
import { defineSuite } from '../harness';

const PASSING = 'return { adds = function() test.eq(1 + 1, 2) end }';

export default defineSuite({
  name: 'test-runner',
  description: 'luamod test: 1 and 20 files vs luamod run; time to a runaway test\'s TIMEOUT / memory report (printed)',
  run(b) {
    const cli = join(findPackageRoot() ?? process.cwd(), 'dist/cli.js');
    const dir = mkdtempSync(join(tmpdir(), 'luamod-bench-test-'));
    writeFileSync(join(dir, 'hello.lua'), 'print(1 + 1)');
    for (let i = 0; i < 20; i++) writeFileSync(join(dir, `f${String(i).padStart(2, '0')}_test.lua`), PASSING);
    writeFileSync(join(dir, 'stuck.lua'), `return {\n  a_stuck = function() string.find(("a"):rep(3000), ".-.-.-.-x") end,\n  b_next = function() test.ok(true) end,\n}`);
    writeFileSync(join(dir, 'doubling.lua'), `return {\n  a_doubles = function() local s = "x" for i = 1, 40 do s = s .. s end end,\n  b_next = function() test.ok(true) end,\n}`);
    const luamod = (...args: string[]) => spawnSync(process.execPath, [cli, ...args], { cwd: dir, encoding: 'utf8' });

    for (const [what, file, extra] of [['stuck in string.find, --timeout 1000', 'stuck.lua', ['--timeout', '1000']], ['`s = s .. s` doubling', 'doubling.lua', []]] as const) {
      const started = performance.now();
      const r = luamod('test', file, '--reporter', 'json', ...extra);
      const wall = performance.now() - started;
      const report = JSON.parse(r.stdout) as { files: Array<{ tests: Array<{ name: string; status: string; durationMs?: number; message?: string }> }> };
      const [first, next] = report.files[0]!.tests;
      process.stdout.write(`test-runner: ${what}: reported after ${first?.durationMs?.toFixed(0)} ms (${first?.message}); next test ${next?.status}; whole CLI ${wall.toFixed(0)} ms\n`);
    }

    b.reference('luamod run hello.lua (one worker start)', () => luamod('run', 'hello.lua'));
    b.bench('luamod test, 1 file', () => luamod('test', 'f00_test.lua'));
    b.bench('luamod test, 20 files (one worker)', () => luamod('test', '.'));
  },
});
