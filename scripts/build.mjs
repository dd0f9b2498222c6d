// Bundles the entry points with esbuild (fast; keeps node_modules external for the CLI and server).
// The VS Code extension bundles everything (see client/).
import { build } from 'esbuild';
import { existsSync } from 'node:fs';

const entries = [
  { in: 'src/cli/main.ts', out: 'dist/cli.js' },
  { in: 'src/cli/check-worker.ts', out: 'dist/check-worker.js' },
  { in: 'src/debug/main.ts', out: 'dist/dap.js' },
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
      packages: 'external',
      logLevel: 'warning',
    }),
  ),
);
