// examples/host-app, as its own project: a copy under node_modules/.cache (so its `file:` link back
// to this repository makes no cycle that folder walkers see) installs luamod through its `file:`
// dependency (offline), builds its TypeScript modules and runs its own tests, `luamod check` and
// `luamod test` with the modules of its .luamodrc.json.
import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(__dirname, '../..');
const source = join(root, 'examples/host-app');
const app = join(root, 'node_modules/.cache/luamod-host-app');
const npm = (...args: string[]) => spawnSync('npm', args, { cwd: app, encoding: 'utf8', env: { ...process.env, npm_config_update_notifier: 'false' } });

describe('examples/host-app', () => {
  it('npm test: its node tests, luamod check and luamod test pass', () => {
    rmSync(app, { recursive: true, force: true });
    cpSync(source, app, { recursive: true, filter: (p) => !/[\\/](node_modules|dist)$/.test(p) });
    const pkg = JSON.parse(readFileSync(join(app, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    pkg.dependencies.luamod = `file:${root}`;
    writeFileSync(join(app, 'package.json'), JSON.stringify(pkg, null, 2));
    const install = npm('install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts');
    expect(install.status, install.stderr).toBe(0);
    const r = npm('test');
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toMatch(/# pass 4\n# fail 0/);
    expect(r.stdout).toMatch(/2 files checked: 0 errors, 0 warnings/);
    expect(r.stdout).toMatch(/6 passed, 0 failed/);
  }, 120_000);
});
