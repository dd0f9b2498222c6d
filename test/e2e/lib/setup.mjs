// Installs what the end-to-end test needs, only when missing: Debian's chromium (apt, as root) and
// this folder's node_modules (code-server 4.100.3 + playwright-core), offline-safe for ripgrep.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';

export const CHROMIUM = '/usr/bin/chromium';

/** apt-get installs chromium (and the build deps of code-server's native modules) when absent. */
export function ensureSystemPackages(log) {
  const need = [];
  if (!existsSync(CHROMIUM)) need.push('chromium');
  if (!existsSync('/usr/bin/rg')) need.push('ripgrep');
  if (!existsSync('/usr/include/gssapi/gssapi.h') && !existsSync('/usr/include/krb5.h')) need.push('libkrb5-dev');
  if (need.length === 0) return;
  if (process.getuid?.() !== 0) {
    throw new Error(`missing system packages (${need.join(', ')}); run as root or: sudo apt-get install -y ${need.join(' ')}`);
  }
  log(`apt-get install ${need.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-q'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-q', ...need], { stdio: 'inherit', env });
}

/** npm ci in test/e2e when code-server or playwright-core is missing. */
export function ensureNodeModules(e2eDir, log) {
  const want = JSON.parse(readFileSync(join(e2eDir, 'package.json'), 'utf8')).dependencies;
  const installed = (name) => {
    const p = join(e2eDir, 'node_modules', name, 'package.json');
    return existsSync(p) && JSON.parse(readFileSync(p, 'utf8')).version === want[name];
  };
  const ok = Object.keys(want).every(installed)
    && existsSync(join(e2eDir, 'node_modules/code-server/lib/vscode/node_modules'));
  if (ok) return;
  // @vscode/ripgrep's postinstall downloads rg from GitHub; it first looks in this cache, which we
  // seed with Debian's rg.
  const tmp = join(tmpdir(), 'luamod-e2e-npm');
  const cache = join(tmp, 'vscode-ripgrep-cache-1.15.11');
  mkdirSync(cache, { recursive: true });
  execFileSync('tar', ['czf', join(cache, 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz'), '-C', '/usr/bin', 'rg']);
  log('npm ci in test/e2e (code-server, playwright-core; about 3 minutes)');
  execFileSync('npm', ['ci', '--unsafe-perm', '--no-audit', '--no-fund'], {
    cwd: e2eDir,
    stdio: 'inherit',
    env: { ...process.env, TMPDIR: tmp, npm_config_yes: 'true' },
  });
}
