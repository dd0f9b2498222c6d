// Builds the VS Code extension into client/dist (client and server bundled by esbuild, grammars,
// language configuration, JSON schemas, module docs) and packages luamod-<version>.vsix with vsce.
// Usage: node scripts/package-extension.mjs [--no-vsix] [--server-entry=FILE]   (works offline)
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const client = join(root, 'client');
const dist = join(client, 'dist');
const manifest = JSON.parse(readFileSync(join(client, 'package.json'), 'utf8'));
const vsixName = `${manifest.name}-${manifest.version}.vsix`;
// --server-entry=FILE bundles another server entry point (to try the client against a test server).
const serverEntry = process.argv.find((a) => a.startsWith('--server-entry='))?.slice('--server-entry='.length)
  ?? join(root, 'server/src/main.ts');

/** Copies `from` (relative to the repo root) to `to` (relative to client/dist); false when absent. */
function copy(from, to, { required = false } = {}) {
  const src = join(root, from);
  if (!existsSync(src)) {
    if (required) throw new Error(`missing ${from}`);
    console.warn(`package-extension: ${from} not found, skipped`);
    return false;
  }
  mkdirSync(dirname(join(dist, to)), { recursive: true });
  cpSync(src, join(dist, to), { recursive: true });
  return true;
}

rmSync(dist, { recursive: true, force: true });
mkdirSync(dist, { recursive: true });

// jsonc-parser's UMD `main` hides its requires from esbuild; its ESM build bundles. (Preferring
// `module` everywhere would break packages whose ESM build reads import.meta.url, e.g. fdir.)
const common = {
  bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: 'linked', logLevel: 'warning',
  alias: { 'jsonc-parser': 'jsonc-parser/lib/esm/main.js' },
  // ESM dependencies (tinyglobby → fdir) call createRequire(import.meta.url); give the CJS bundle one.
  define: { 'import.meta.url': '__luamodImportMetaUrl' },
  banner: { js: "const __luamodImportMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
};
await Promise.all([
  build({ ...common, entryPoints: [join(client, 'src/extension.ts')], outfile: join(dist, 'extension.js'), external: ['vscode'] }),
  // The server runs in VS Code's Node with no node_modules next to it: bundle everything.
  build({ ...common, entryPoints: [serverEntry], outfile: join(dist, 'server.js') }),
  // The debug adapter (`luamod dap`), started by the extension for `luamod` debug sessions.
  build({ ...common, entryPoints: [join(root, 'src/debug/main.ts')], outfile: join(dist, 'dap.js') }),
  // The CLI, for the Test Explorer (`luamod test --reporter json`); its test worker runs this same file.
  build({ ...common, entryPoints: [join(root, 'src/cli/main.ts')], outfile: join(dist, 'cli.js') }),
]);

copy('language-configuration.json', 'language-configuration.json', { required: true });
copy('syntaxes/lua.tmLanguage.json', 'syntaxes/lua.tmLanguage.json', { required: true });
copy('syntaxes/luamod-annotations.injection.tmLanguage.json', 'syntaxes/luamod-annotations.injection.tmLanguage.json', { required: true });
copy('schemas/luamodrc.schema.json', 'schemas/luamodrc.schema.json');
// StyLua's WebAssembly, read by the bundled server from its own folder (`${__dirname}/stylua_lib_bg.wasm`).
copy('node_modules/@johnnymorganz/stylua/stylua_lib_bg.wasm', 'stylua_lib_bg.wasm', { required: true });
// editorconfig's parser (@one-ini/wasm) reads its WebAssembly from the bundle's folder too.
copy('node_modules/@one-ini/wasm/one_ini_bg.wasm', 'one_ini_bg.wasm', { required: true });
copy('manifests/schema.json', 'schemas/manifest.schema.json');
if (existsSync(join(root, 'docs/modules'))) {
  for (const f of readdirSync(join(root, 'docs/modules')).filter((f) => f.endsWith('.md'))) {
    copy(`docs/modules/${f}`, `docs/modules/${f}`);
  }
}
await generateMissingModulePages();
// The server's ModuleRegistry loads the bundled manifests (the Lua standard library, ...) from
// `<package root>/manifests`, the package root being the nearest folder whose package.json is named
// luamod: mark dist/ as that root, so that dist/server.js finds dist/manifests.
for (const f of readdirSync(join(root, 'manifests')).filter((f) => f.endsWith('.json'))) copy(`manifests/${f}`, `manifests/${f}`);
// The host profiles' standard libraries (runtime.version / runtime.library) and the config presets (extends: "luamod:NAME").
for (const sub of ['manifests/stdlib', 'presets']) {
  for (const f of readdirSync(join(root, sub)).filter((f) => f.endsWith('.json'))) copy(`${sub}/${f}`, `${sub}/${f}`);
}
writeFileSync(join(dist, 'package.json'), JSON.stringify({
  name: 'luamod',
  private: true,
  description: 'Marks client/dist as the luamod package root for the bundled server (it reads manifests/ from here).',
}, null, 2) + '\n');

/**
 * Writes docs/modules/<name>.md for every built-in module that docs/modules does not cover, rendered
 * by src/modules/docs-pages.ts (what "Show Module Manifest" falls back to without the server).
 */
async function generateMissingModulePages() {
  const contents = "export { moduleDocPages } from './src/modules/docs-pages';";
  let pages;
  try {
    const out = await build({ ...common, sourcemap: false, write: false, stdin: { contents, resolveDir: root, loader: 'ts' } });
    const module = { exports: {} };
    const entry = join(root, 'package.json');
    new Function('module', 'exports', 'require', '__filename', '__dirname', out.outputFiles[0].text)(module, module.exports, createRequire(entry), entry, root);
    pages = module.exports.moduleDocPages();
  } catch (err) {
    console.warn(`package-extension: module pages not generated (${String(err?.message ?? err).split('\n')[0]})`);
    return;
  }
  for (const { file, markdown } of pages) {
    const out = join(dist, file);
    if (existsSync(out)) continue;
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, markdown);
  }
}

if (!process.argv.includes('--no-vsix')) {
  const out = join(root, vsixName);
  rmSync(out, { force: true });
  const vsce = join(root, 'node_modules/@vscode/vsce/vsce');
  execFileSync(
    process.execPath,
    [vsce, 'package', '--no-dependencies', '--skip-license', '--allow-missing-repository', '--out', out],
    { cwd: client, stdio: 'inherit' },
  );
  console.log(`package-extension: wrote ${vsixName}`);
}
