// `postinstall`: applies patches/ (fengari, see docs/fengari-patches.md) with patch-package when
// luamod is installed for development (`npm ci` / `npm install` in this repository). In any other
// install there is nothing to do: dist/ already bundles the patched fengari, and patch-package (a
// devDependency) is absent, so this exits quietly instead of failing the install.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
let bin;
try {
  bin = require.resolve('patch-package/index.js');
} catch {
  process.exit(0);
}
if (!existsSync('patches')) process.exit(0);
// --error-on-fail: a patch that no longer applies fails the install (CI sees it).
const r = spawnSync(process.execPath, [bin, '--error-on-fail'], { stdio: 'inherit' });
process.exit(r.status ?? 1);
