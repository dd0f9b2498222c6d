// examples/host-app, as its own project: installs luamod through its `file:` dependency (offline),
// builds its TypeScript modules and runs its own tests, `luamod check` and `luamod test` with the
// modules of its .luamodrc.json.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const app = resolve(__dirname, '../../examples/host-app');
const npm = (...args: string[]) => spawnSync('npm', args, { cwd: app, encoding: 'utf8', env: { ...process.env, npm_config_update_notifier: 'false' } });

describe('examples/host-app', () => {
  it('npm test: its node tests, luamod check and luamod test pass', () => {
    if (!existsSync(join(app, 'node_modules/luamod'))) {
      const install = npm('install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts');
      expect(install.status, install.stderr).toBe(0);
    }
    const r = npm('test');
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toMatch(/# pass 4\n# fail 0/);
    expect(r.stdout).toMatch(/2 files checked: 0 errors, 0 warnings/);
    expect(r.stdout).toMatch(/6 passed, 0 failed/);
  }, 120_000);
});
