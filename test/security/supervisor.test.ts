// `luamod run` runs the script in a worker thread; the main thread stops it where the count hook
// cannot: a script stuck inside one library call (time) and a string doubled past the memory limit
// between two hook checks (memory). Real CLI processes, real files; peak RSS measured by GNU time
// (`/usr/bin/time -f %M`) or, without it, by polling /proc/PID/status.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';

const ROOT = join(__dirname, '../..');
const CLI = join(ROOT, 'bin/luamod.js');
const SCRIPTS = join(__dirname, 'scripts');
const dir = mkdtempSync(join(tmpdir(), 'luamod-supervisor-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const GNU_TIME = '/usr/bin/time';
const hasGnuTime = existsSync(GNU_TIME);

interface Run { code: number | null; stdout: string; stderr: string; ms: number; peakKb?: number }

/** `luamod run ARGS` in `dir`, timed, with its peak resident memory when it can be measured. */
function runCli(args: string[]): Promise<Run> {
  const kbFile = join(dir, `peak-${Math.random().toString(36).slice(2)}.txt`);
  const argv = [process.execPath, CLI, 'run', ...args];
  const [cmd, ...rest] = hasGnuTime ? [GNU_TIME, '-f', '%M', '-o', kbFile, ...argv] : argv;
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(cmd!, rest, { cwd: dir, env: { ...process.env, NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    let polledKb: number | undefined;
    child.stdout.on('data', (d) => { stdout += String(d); });
    child.stderr.on('data', (d) => { stderr += String(d); });
    const poll = hasGnuTime || !existsSync('/proc') ? undefined : setInterval(() => {
      try {
        const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
        if (hwm) polledKb = Math.max(polledKb ?? 0, Number(hwm[1]));
      } catch { /* exited */ }
    }, 20);
    const hang = setTimeout(() => child.kill('SIGKILL'), 120_000);
    child.on('close', (code) => {
      clearTimeout(hang);
      clearInterval(poll);
      const ms = performance.now() - started;
      const peakKb = hasGnuTime ? Number(/(\d+)\s*$/.exec(readFileSync(kbFile, 'utf8'))?.[1]) : polledKb;
      resolve({ code, stdout, stderr, ms, peakKb });
    });
  });
}

const script = (name: string, text?: string): string => {
  const path = join(dir, name);
  writeFileSync(path, text ?? readFileSync(join(SCRIPTS, name)));
  return path;
};

describe('the supervising thread of `luamod run`', () => {
  // No library call runs long enough for the supervisor to step in: the patched pattern matcher,
  // string.rep and table.concat/move/sort stop at the time limit themselves (step budget,
  // test/runtime/step-budget.test.ts). Compiling a huge chunk with `load` still runs in one call.
  const HUGE_LOAD = 'local s = "1," for i = 1, 23 do s = s .. s end\nlocal f = load("return {" .. s .. "}")\nprint("ESCAPED")\n';
  // The load also builds an 8M-item table: on a loaded machine it can pass 256 MiB before the
  // time limit + grace, so these runs get room enough that the time limit is what stops them.
  const ROOM = ['--max-memory', '1024'];

  test('a script stuck inside one library call (load of 16 MB) ends with exit 1 and the TIMEOUT message within the limit + grace', async () => {
    const file = script('huge-load.lua', HUGE_LOAD);
    const r = await runCli([file, '--timeout', '300', ...ROOM]);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toBe(`${file}: script exceeded its time limit of 300 ms inside a library call [TIMEOUT]\n`);
    expect(r.stdout).toBe('');
    // The limit (0.3 s) + the grace (1 s) + start-up and a loaded machine.
    expect(r.ms).toBeGreaterThan(1300);
    expect(r.ms).toBeLessThan(6000);
  }, 30_000);

  test('output printed before the script got stuck still reaches stdout, before the error', async () => {
    const file = script('stuck-after-print.lua', `print("before")\nio = nil\n${HUGE_LOAD}print("after")\n`);
    const r = await runCli([file, '--timeout', '300', ...ROOM]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('before\n');
    expect(r.stderr).toBe(`${file}: script exceeded its time limit of 300 ms inside a library call [TIMEOUT]\n`);
  }, 30_000);

  test('a backtracking string.find is stopped by the step budget at its line, before the supervisor', async () => {
    const file = script('pattern-backtracking.lua');
    const r = await runCli([file, '--timeout', '1000']);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toBe(`${file}:4: script exceeded its time limit of 1000 ms [TIMEOUT]\n`);
  }, 30_000);

  test('`s = s .. s` doubling ends with exit 1 and the memory message, with bounded peak memory', async () => {
    const file = script('memory-concat-doubling.lua');
    const r = await runCli([file]);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toBe(`${file}: script exceeded its memory limit of 256 MiB [UNAVAILABLE]\n`);
    expect(r.stdout).not.toContain('ESCAPED');
    // Unsupervised it reached 6.4 GB in ~20-30 s; supervised it stops near 1 GB in about a second.
    expect(r.ms).toBeLessThan(15_000);
    if (r.peakKb !== undefined) expect(r.peakKb / 1024, 'peak RSS in MiB').toBeLessThan(2048);
  }, 60_000);

  test('the memory limit it enforces follows --max-memory', async () => {
    const file = script('doubling-64.lua', 'local s = "x"\nfor i = 1, 40 do s = s .. s end\nprint(#s)\n');
    const r = await runCli([file, '--max-memory', '64']);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toBe(`${file}: script exceeded its memory limit of 64 MiB [UNAVAILABLE]\n`);
    if (r.peakKb !== undefined) expect(r.peakKb / 1024, 'peak RSS in MiB').toBeLessThan(2048);
  }, 60_000);

  test('a script within its limits runs as before: output, --print-result, args, exit 0', async () => {
    const file = script('normal.lua', 'local a, b = ...\nfor i = 1, 3 do print(i) end\nlocal s = ("ab"):rep(1000)\nreturn {sum = tonumber(a) + tonumber(b), n = #s}\n');
    const r = await runCli([file, '4', '5', '--print-result', '--timeout', '5000']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('1\n2\n3\n{"sum":9,"n":2000}\n');
  }, 30_000);
});
