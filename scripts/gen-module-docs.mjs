// Writes docs/modules/<name>.md for every built-in module from its manifest (the same page
// `luamod manifest NAME --format md` prints). `--check` writes nothing and exits 1 when a page is stale.
import { build } from 'esbuild';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const check = process.argv.includes('--check');
// Bundle into node_modules/.cache so that the bundle's own requires resolve from the repository.
mkdirSync(join(root, 'node_modules/.cache'), { recursive: true });
const dir = mkdtempSync(join(root, 'node_modules/.cache/luamod-docs-'));
try {
  const out = join(dir, 'pages.cjs');
  await build({
    entryPoints: [join(root, 'src/modules/docs-pages.ts')],
    outfile: out, bundle: true, platform: 'node', format: 'cjs', target: 'node20',
    packages: 'external', logLevel: 'warning', absWorkingDir: root,
  });
  const { moduleDocPages } = createRequire(import.meta.url)(out);
  let stale = 0;
  for (const page of moduleDocPages()) {
    const file = join(root, page.file);
    const current = existsSync(file) ? readFileSync(file, 'utf8') : undefined;
    if (current === page.markdown) continue;
    stale++;
    if (check) {
      process.stderr.write(`${page.file} is out of date (run: node scripts/gen-module-docs.mjs)\n`);
    } else {
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, page.markdown);
      process.stdout.write(`wrote ${page.file}\n`);
    }
  }
  if (check && stale > 0) process.exitCode = 1;
  else if (stale === 0) process.stdout.write('docs/modules: up to date\n');
} finally {
  rmSync(dir, { recursive: true, force: true });
}
