// Builds dist/ with esbuild: the CLI, the language server and the check worker, plus the library
// entry points of the npm package (luamod, luamod/checker, luamod/testing, luamod/manifests) with a
// thin ESM wrapper each, the pool worker, and the .d.ts files (tsc, tsconfig.types.json).
// node_modules stay external except fengari: the bundle carries luamod's copy (vendor/fengari,
// docs/fengari-patches.md), so a consumer's install of an unpatched fengari never runs luamod scripts.
// The VS Code extension bundles everything (see client/).
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const BUNDLED = new Set(['fengari']);
const external = Object.keys({ ...pkg.dependencies, ...pkg.devDependencies })
  .filter((name) => !BUNDLED.has(name))
  .flatMap((name) => [name, `${name}/*`]);

/** The package's entry points: subpath -> source. */
const libraries = {
  index: 'src/api/index.ts',
  checker: 'src/api/checker.ts',
  testing: 'src/api/testing.ts',
  manifests: 'src/api/manifests.ts',
};

const entries = [
  { in: 'src/cli/main.ts', out: 'dist/cli.js' },
  { in: 'src/cli/check-worker.ts', out: 'dist/check-worker.js' },
  { in: 'src/debug/main.ts', out: 'dist/dap.js' },
  { in: 'server/src/main.ts', out: 'dist/server.js' },
  { in: 'bench/main.ts', out: 'dist/bench.js' },
  { in: 'src/embed/pool-worker.ts', out: 'dist/pool-worker.js' },
  ...Object.entries(libraries).map(([name, src]) => ({ in: src, out: `dist/${name}.js` })),
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

// ESM: each entry re-exports the CommonJS build's names (one module instance for both).
const require = createRequire(import.meta.url);
for (const name of Object.keys(libraries)) {
  const names = Object.keys(require(`../dist/${name}.js`)).filter((n) => n !== 'default' && n !== '__esModule');
  writeFileSync(`dist/${name}.mjs`, [
    `// ESM entry of luamod${name === 'index' ? '' : '/' + name}: the CommonJS build's exports.`,
    `import cjs from './${name}.js';`,
    `export const { ${names.join(', ')} } = cjs;`,
    `export default cjs;`,
    '',
  ].join('\n'));
}

// Declarations: tsc emits dist/types/**; the hand-written typings of fengari and luaparse (which
// ship none) go along, referenced from each entry's .d.ts.
execFileSync(join('node_modules', '.bin', 'tsc'), ['-p', 'tsconfig.types.json'], { stdio: 'inherit' });
mkdirSync('dist/types/ambient', { recursive: true });
for (const f of readdirSync('types')) if (f.endsWith('.d.ts')) copyFileSync(join('types', f), join('dist/types/ambient', f));
for (const name of Object.keys(libraries)) {
  const file = `dist/types/api/${name}.d.ts`;
  const refs = readdirSync('types').filter((f) => f.endsWith('.d.ts')).map((f) => `/// <reference path="../ambient/${f}" />`).join('\n');
  writeFileSync(file, `${refs}\n${readFileSync(file, 'utf8')}`);
}
