// Bundles the entry points with esbuild (fast; keeps node_modules external for the CLI and server,
// except fengari: the bundle carries the patched copy (vendor/fengari, docs/fengari-patches.md),
// so a consumer's install of an unpatched fengari never runs luamod scripts).
// The VS Code extension bundles everything (see client/).
import { build } from 'esbuild';
import { existsSync, readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const BUNDLED = new Set(['fengari']);
const external = Object.keys({ ...pkg.dependencies, ...pkg.devDependencies })
  .filter((name) => !BUNDLED.has(name))
  .flatMap((name) => [name, `${name}/*`]);

const entries = [
  { in: 'src/cli/main.ts', out: 'dist/cli.js' },
  { in: 'src/cli/check-worker.ts', out: 'dist/check-worker.js' },
  { in: 'server/src/main.ts', out: 'dist/server.js' },
  { in: 'bench/main.ts', out: 'dist/bench.js' },
].filter((e) => existsSync(e.in));

await Promise.all(
  entries.map((e) =>
    build({
      entryPoints: [e.in],
      outfile: e.out,
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      sourcemap: 'linked',
      external,
      logLevel: 'warning',
    }),
  ),
);
