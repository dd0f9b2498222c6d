// `luamod run` end to end as a child process: source files are bytes, `print` writes raw bytes to
// stdout (no UTF-8 round trip), and a runaway recursion is a catchable `stack overflow`.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';

const root = resolve(__dirname, '../..');
const cli = join(root, 'node_modules/.cache/luamod-bytes-test/cli.js');
let dir: string;

beforeAll(async () => {
  await build({ entryPoints: [join(root, 'src/cli/main.ts')], outfile: cli, bundle: true, platform: 'node', format: 'cjs', packages: 'external', logLevel: 'error' });
  dir = mkdtempSync(join(tmpdir(), 'luamod-bytes-'));
}, 60_000);

function run(source: Buffer): { code: number | null; stdout: Buffer; stderr: string } {
  const file = join(dir, 'script.lua');
  writeFileSync(file, source);
  const r = spawnSync(process.execPath, [cli, 'run', file], { cwd: dir });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr.toString('utf8') };
}

describe('luamod run: bytes and stack overflow', () => {
  it('reads a Latin-1 literal as its bytes and prints them raw', () => {
    const r = run(Buffer.concat([Buffer.from('local s = "caf'), Buffer.from([0xe9]), Buffer.from('"\nprint(#s, s)\n')]));
    expect(r.code).toBe(0);
    expect([...r.stdout]).toEqual([...Buffer.from('4\tcaf'), 0xe9, 0x0a]);
  });
  it('prints invalid UTF-8 as the bytes, without swallowing the next one', () => {
    const r = run(Buffer.from('print("\\xff\\x41", "\\xe9 ok", 1e15)\n'));
    expect([...r.stdout]).toEqual([0xff, 0x41, 0x09, 0xe9, ...Buffer.from(' ok\t1e+15\n')]);
  });
  it('keeps UTF-8 text as it is', () => {
    const r = run(Buffer.from('print("h\u00e9llo \u20ac", #"\u00e9")\n', 'utf8'));
    expect(r.stdout.toString('utf8')).toBe('h\u00e9llo \u20ac\t2\n');
  });
  it('turns unbounded recursion into a catchable stack overflow, at Lua and at C level', () => {
    const r = run(Buffer.from([
      'local function f() return 1 + f() end',
      'local ok, e = pcall(f) print(ok, (e:gsub("^.-:%d+: ", "")))',
      'local t = setmetatable({}, {}) getmetatable(t).__index = function(t, k) return t[k] end',
      'print(pcall(function() return t.x end) == false)',
      'print("alive")',
    ].join('\n')));
    expect(r.stderr).toBe('');
    expect(r.stdout.toString('utf8')).toBe('false\tstack overflow\ntrue\nalive\n');
    expect(r.code).toBe(0);
  });
});
