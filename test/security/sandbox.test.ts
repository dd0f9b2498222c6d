// Hostile scripts (test/security/scripts/*.lua), each run by the real CLI (`node bin/luamod.js run`)
// in a temp folder: every one must fail with a clear `FILE:LINE: message` error (exit 1; `FILE: message`
// when the supervising thread stopped it), never print ESCAPED, never show a JS stack trace, and leave
// the host untouched.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { reportFigures } from '../fuzz/support/config';

const ROOT = join(__dirname, '../..');
const CLI = join(ROOT, 'bin/luamod.js');
const SCRIPTS = join(__dirname, 'scripts');

interface Hostile { file: string; attack: string; expect: RegExp; flags: string[]; fsRoot: boolean }

/** Reads a script's header: `-- attack:`, `-- expect:` (a regex), `-- flags:`, `-- fsroot: yes`. */
function readHostile(file: string): Hostile {
  const text = readFileSync(join(SCRIPTS, file), 'utf8');
  const header = (key: string): string | undefined => new RegExp(`^-- ${key}: (.*)$`, 'm').exec(text)?.[1]?.trim();
  const expected = header('expect');
  if (!expected) throw new Error(`${file}: no '-- expect:' header`);
  return { file, attack: header('attack') ?? file, expect: new RegExp(expected, 'i'), flags: header('flags')?.split(/\s+/) ?? [], fsRoot: header('fsroot') === 'yes' };
}

const hostile = readdirSync(SCRIPTS).filter((f) => f.endsWith('.lua')).sort().map(readHostile);
const base = mkdtempSync(join(tmpdir(), 'luamod-security-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));

/** A fresh folder: `root/` (the fs root and working directory) next to `secret.txt`, with symlinks out. */
function sandboxFor(name: string): { root: string; outside: string } {
  const outside = join(base, name);
  const root = join(outside, 'root');
  mkdirSync(root, { recursive: true });
  writeFileSync(join(outside, 'secret.txt'), 'top secret');
  symlinkSync(join(outside, 'secret.txt'), join(root, 'secret-link'));
  symlinkSync(outside, join(root, 'outside-link'));
  return { root, outside };
}

function runCli(args: string[], cwd: string): Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, 'run', ...args], { cwd, env: { ...process.env, NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => { stdout += String(d); });
    child.stderr.on('data', (d) => { stderr += String(d); });
    // A hang detector far above every limit the scripts run with.
    const timer = setTimeout(() => child.kill('SIGKILL'), 150_000);
    child.on('close', (code, signal) => { clearTimeout(timer); resolve({ code, signal, stdout, stderr }); });
  });
}

let blocked = 0;
describe.concurrent('hostile scripts fail safely under `luamod run`', () => {
  afterAll(() => reportFigures('security', { scripts: hostile.length, blocked }));

  test.each(hostile.map((h) => [h.file, h] as const))('%s', async (_name, h) => {
    const { root, outside } = sandboxFor(basename(h.file, '.lua'));
    const script = join(root, h.file);
    writeFileSync(script, readFileSync(join(SCRIPTS, h.file)));
    const r = await runCli([script, '--fs-root', root, ...h.flags], root);
    const all = r.stdout + r.stderr;
    expect(all, h.attack).not.toContain('ESCAPED');
    expect(r.code, `${h.attack}\n${all}`).toBe(1);
    expect(r.stderr, h.attack).toMatch(h.expect);
    expect(r.stderr.startsWith(`${script}:`), `error names the file: ${r.stderr}`).toBe(true);
    expect(all, 'no JS stack trace').not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
    expect(existsSync(join(outside, 'planted.txt'))).toBe(false);
    expect(existsSync('/tmp/luamod-security-pwned')).toBe(false);
    blocked++;
  }, 160_000);
});

describe('limits are configurable', () => {
  test('a lower --max-string refuses what the default allows', async () => {
    const dir = mkdtempSync(join(base, 'limits-'));
    const script = join(dir, 'rep.lua');
    writeFileSync(script, 'local s = ("x"):rep(2 * 1024 * 1024) print(#s)\n');
    expect((await runCli([script], dir)).stdout).toBe('2097152\n');
    const r = await runCli([script, '--max-string', '1'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/resulting string too large in 'rep' \(2097152 bytes; the limit is 1 MiB\)/);
  });

  test('--max-memory 0 and --max-string 0 lift the limits; bad values are usage errors', async () => {
    const dir = mkdtempSync(join(base, 'limits-'));
    const script = join(dir, 'ok.lua');
    writeFileSync(script, 'print(#("x"):rep(17 * 1024 * 1024))\n');
    expect((await runCli([script, '--max-string', '0', '--max-memory', '0'], dir)).stdout).toBe(`${17 * 1024 * 1024}\n`);
    const bad = await runCli([script, '--max-memory', 'lots'], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/invalid --max-memory 'lots'/);
  });
});
