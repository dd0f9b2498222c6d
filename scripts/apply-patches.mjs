// Run by `prepare` (before the build): applies patches/ (fengari, see docs/fengari-patches.md) in
// their sequence (`+001+step-budget`, then `+002+fidelity`) with patch-package when luamod is
// installed for development (`npm ci` / `npm install` in this repository). `prepare` does not run
// when luamod is installed as a dependency from the registry or a tarball (and the package has no
// install scripts): dist/ already bundles the patched fengari. Where patch-package (a
// devDependency) is absent this exits quietly instead of failing.
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
