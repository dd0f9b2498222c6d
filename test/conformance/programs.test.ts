// Real programs: each driver in test/conformance/programs/*.lua runs with the pure-Lua libraries it
// requires (Debian's lua-* packages, bundled by ./programs/bundle.ts) on native lua5.3 and on
// luamod's runtime; the output bytes must be identical. Skipped, with the reason, when lua5.3 or
// a library is not installed (.ci/run installs them).
process.env.TZ = 'UTC';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bundle, findModule, requiredNames } from './programs/bundle';
import { runSnippet } from './run-snippet';

const dir = join(__dirname, 'programs');
const drivers = readdirSync(dir).filter((f) => f.endsWith('.lua')).sort();
const lua = process.env.LUA ?? 'lua5.3';
const hasLua = spawnSync(lua, ['-v']).status === 0;
const work = mkdtempSync(join(tmpdir(), 'luamod-programs-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function native(source: Buffer): Buffer {
  writeFileSync(join(work, 'snippet.lua'), source);
  const r = spawnSync(lua, ['snippet.lua'], { cwd: work, env: { PATH: process.env.PATH, TZ: 'UTC', LC_ALL: 'C' }, timeout: 60_000 });
  let out = r.stdout;
  if (r.status !== 0) out = Buffer.concat([out, Buffer.from(`error: ${r.stderr.toString('latin1').split('\n')[0].replace(/^lua5\.3: /, '')}\n`, 'latin1')]);
  return out.length > 0 && out[out.length - 1] !== 10 ? Buffer.concat([out, Buffer.from('\n')]) : out;
}

describe('real programs (native lua5.3 vs luamod)', () => {
  it('has at least 12 drivers', () => {
    expect(drivers.length).toBeGreaterThanOrEqual(12);
  });
  for (const file of drivers) {
    const driver = readFileSync(join(dir, file));
    const missing = requiredNames(driver.toString('latin1')).filter((m) => !findModule(m));
    const reason = !hasLua ? `${lua} is not installed` : missing.length > 0 ? `not installed: ${missing.join(', ')}` : '';
    it.skipIf(reason !== '')(`${file}${reason ? ` (skipped: ${reason})` : ''}`, async () => {
      const { source } = bundle(driver);
      const want = native(source);
      expect(want.toString('latin1')).not.toMatch(/^error: /m);
      const got = await runSnippet(source);
      expect(got.toString('latin1')).toBe(want.toString('latin1'));
    });
  }
});
