// Attacks that make luamod read files elsewhere on the host through a project's configuration:
// `"manifests": ["/"]` (every JSON file of a folder anywhere), `../..`, or a folder symlink out of
// the project. A manifest folder must be inside the config's folder after symlinks are resolved;
// anything else is a config error naming the entry. (The server's reads of client-named files are
// attacked in device-files.test.ts: hover on /proc/self/environ.)
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { loadConfig } from '../../src/config/config';
import { luamod } from './support/cli';

const base = mkdtempSync(join(tmpdir(), 'luamod-host-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));

// A JSON file outside every project, which no project may read.
mkdirSync(join(base, 'elsewhere'));
writeFileSync(join(base, 'elsewhere', 'private.json'), '{"name": "private", "export": {"fields": {"token": "string"}}}');

function project(name: string, manifests: string[], setup?: (dir: string) => void): string {
  const dir = join(base, name);
  mkdirSync(dir, { recursive: true });
  setup?.(dir);
  writeFileSync(join(dir, '.luamodrc.json'), JSON.stringify({ manifests }));
  writeFileSync(join(dir, 'a.lua'), 'local p = require("private")\nprint(p.token)\n');
  return dir;
}

describe('manifest folders outside the config\'s folder are config errors', () => {
  test.each([
    ['the root folder', ['/'], undefined],
    ['a folder above the project', ['../elsewhere'], undefined],
    ['an absolute folder elsewhere', [join(base, 'elsewhere')], undefined],
    ['a symlink inside the project to a folder elsewhere', ['defs'], (dir: string) => symlinkSync(join(base, 'elsewhere'), join(dir, 'defs'))],
  ])('%s', async (name, manifests, setup) => {
    const dir = project(name.replace(/\W+/g, '-'), manifests, setup);
    const r = await luamod(['check', 'a.lua'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${join(dir, '.luamodrc.json')}: /manifests/0: ${JSON.stringify(manifests[0])} is outside the config's folder`);
    expect(r.stdout + r.stderr).not.toContain('token');
    expect(loadConfig(join(dir, '.luamodrc.json')).error?.path).toBe('/manifests/0');
  }, 60_000);

  test('a folder inside the project (also through a symlink that stays inside) is read', async () => {
    const dir = project('inside', ['link'], (d) => {
      mkdirSync(join(d, 'defs'));
      writeFileSync(join(d, 'defs', 'private.json'), '{"name": "private", "export": {"fields": {"token": "string"}}}');
      symlinkSync(join(d, 'defs'), join(d, 'link'));
    });
    const r = await luamod(['check', 'a.lua'], dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  }, 60_000);
});
