// The consumer path, end to end: packs luamod, installs the tarball (offline, from the npm cache)
// into a fresh temporary app, and runs the README's embedding example as CommonJS, as ESM, as strict
// TypeScript with moduleResolution node16 (compiled and run) and bundler (type-checked), imports every
// entry point, and runs the installed `luamod` bin. Exit 0 when all pass. Run by .ci/run after npm test.
//   node scripts/consumer-check.mjs [--keep]     (--keep leaves the temporary folder for inspection)
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const keep = process.argv.includes('--keep');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const work = mkdtempSync(join(tmpdir(), 'luamod-consumer-'));
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const sh = (cmd, args, cwd) => execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

const failures = [];
const check = (name, fn) => {
  try {
    fn();
    console.log(`ok   ${name}`);
  } catch (e) {
    failures.push(name);
    console.log(`FAIL ${name}\n${String(e.stdout ?? '')}${String(e.stderr ?? '')}${e.stdout === undefined ? e.message : ''}`.trimEnd());
  }
};

// The README's example: the js block after the `embedding-example` marker.
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const example = /<!-- embedding-example[^>]*-->\n```js\n([\s\S]*?)```/.exec(readme)?.[1];
if (!example) throw new Error('README.md: no embedding-example block');
const expected = /\/\/ (true .*)$/m.exec(example)?.[1]?.trim();

// Every entry point, with a name each must export.
const entries = { luamod: 'createRuntime', 'luamod/checker': 'createChecker', 'luamod/testing': 'checkModuleDrift', 'luamod/manifests': 'manifestToJson' };
const esmImports = Object.entries(entries).map(([spec, name], i) => `import { ${name} as e${i} } from '${spec}';`).join('\n');
const esmCheck = `for (const f of [${Object.keys(entries).map((_, i) => `e${i}`).join(', ')}]) if (typeof f !== 'function') throw new Error('missing export');\n`;

try {
  check('npm pack', () => sh(npm, ['pack', '--pack-destination', work], root));
  const tarball = join(work, readdirSync(work).find((f) => f.endsWith('.tgz')));
  const app = join(work, 'app');
  mkdirSync(app);
  // Offline: npm resolves nothing; a lockfile made from luamod's own (whose tarballs `npm ci` put in
  // the npm cache) pins luamod's dependencies, typescript and @types/node by integrity.
  writeFileSync(join(app, 'package-lock.json'), JSON.stringify(consumerLock(tarball), null, 2));
  writeFileSync(join(app, 'package.json'), JSON.stringify(consumerPackage(tarball), null, 2));
  check('npm ci --offline (the tarball, typescript, @types/node)', () => sh(npm, ['ci', '--offline', '--no-audit', '--no-fund'], app));

  const sub = (name, type, files) => {
    const dir = join(app, name);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: `consumer-${name}`, private: true, type }));
    for (const [f, text] of Object.entries(files)) writeFileSync(join(dir, f), text);
    return dir;
  };
  const expectOutput = (out) => {
    if (!out.includes(expected)) throw new Error(`expected output '${expected}', got:\n${out}`);
  };

  check('CommonJS: require() of every entry point and the example', () => {
    const body = example.replace(/^import \{([^}]*)\} from '([^']+)';$/m, 'const {$1} = require(\'$2\');');
    const requires = Object.entries(entries).map(([spec, name]) => `if (typeof require('${spec}').${name} !== 'function') throw new Error('${spec}');`).join('\n');
    const dir = sub('cjs', 'commonjs', { 'index.js': `${requires}\n(async () => {\n${body}})().catch((e) => { console.error(e); process.exit(1); });\n` });
    expectOutput(sh(process.execPath, ['index.js'], dir));
  });
  check('ESM: import of every entry point and the example', () => {
    const dir = sub('esm', 'module', { 'index.js': `${esmImports}\n${esmCheck}${example}` });
    expectOutput(sh(process.execPath, ['index.js'], dir));
  });
  const tsconfig = (options) => JSON.stringify({ compilerOptions: { strict: true, target: 'ES2022', types: ['node'], ...options }, include: ['index.ts'] });
  const tsc = join(app, 'node_modules', '.bin', 'tsc');
  check('TypeScript strict, module/moduleResolution node16: compiles and runs', () => {
    const dir = sub('ts-node16', 'module', { 'index.ts': `${esmImports}\n${esmCheck}${example}`, 'tsconfig.json': tsconfig({ module: 'node16', moduleResolution: 'node16', outDir: 'out' }) });
    sh(tsc, ['-p', '.'], dir);
    expectOutput(sh(process.execPath, ['out/index.js'], dir));
  });
  check('TypeScript strict, moduleResolution bundler: type-checks', () => {
    const dir = sub('ts-bundler', 'module', { 'index.ts': `${esmImports}\n${esmCheck}${example}`, 'tsconfig.json': tsconfig({ module: 'esnext', moduleResolution: 'bundler', noEmit: true }) });
    sh(tsc, ['-p', '.'], dir);
  });
  check('a module file: "pool" isolation, and luamod check/run with .luamodrc.json "modules"', () => {
    const dir = sub('modules', 'commonjs', {
      'modules.js': [
        "const { newManifest, parseType, ModuleClass } = require('luamod');",
        'exports.modules = [{',
        "  name: 'greet', description: 'Greetings.', class: [ModuleClass.Deterministic],",
        "  types: () => newManifest('greet').setExport(parseType('{hello: fun(name: string) -> string}')),",
        "  build: () => ({ table: { hello: (l) => { l.push('hello, ' + l.checkString(1)); return 1; } } }),",
        '}];',
      ].join('\n'),
      'pool.js': [
        "const { createRuntime } = require('luamod');",
        "const rt = createRuntime({ modules: './modules.js', isolation: 'pool', poolSize: 1, limits: { timeoutMs: 500 } });",
        "Promise.all([rt.run('return greet.hello(...)', { args: ['pool'] }), rt.run('while true do end')])",
        "  .then(async ([a, b]) => { console.log(a.values[0], b.error.kind); await rt.close(); });",
      ].join('\n'),
      '.luamodrc.json': JSON.stringify({ modules: ['./modules.js'] }),
      'ok.lua': 'print(greet.hello("cli"))\n',
      'bad.lua': 'print(greet.hello(1))\n',
    });
    const out = sh(process.execPath, ['pool.js'], dir);
    if (!out.includes('hello, pool TIMEOUT')) throw new Error(`unexpected output: ${out}`);
    const bin = join(app, 'node_modules', '.bin', 'luamod');
    if (!sh(bin, ['run', 'ok.lua'], dir).includes('hello, cli')) throw new Error('luamod run did not use the module file');
    sh(bin, ['check', 'ok.lua'], dir);
    try {
      sh(bin, ['check', 'bad.lua'], dir);
      throw new Error('luamod check passed a wrong call to a host module');
    } catch (e) {
      if (e.status !== 1) throw e;
    }
  });
  check('the installed bin: luamod run and luamod check', () => {
    writeFileSync(join(app, 'hello.lua'), 'print("hello from " .. _VERSION)\n');
    const out = sh(join(app, 'node_modules', '.bin', 'luamod'), ['run', 'hello.lua'], app);
    if (!out.includes('hello from Lua 5.3')) throw new Error(`unexpected output: ${out}`);
    sh(join(app, 'node_modules', '.bin', 'luamod'), ['check', 'hello.lua'], app);
  });
} finally {
  if (keep) console.log(`kept ${work}`);
  else rmSync(work, { recursive: true, force: true });
}
/** The consumer app's package.json: luamod from the tarball, typescript and @types/node as luamod pins them. */
function consumerPackage(tarball) {
  const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')).packages;
  return {
    name: 'consumer', version: '1.0.0', private: true,
    dependencies: { luamod: `file:${tarball}`, typescript: lock['node_modules/typescript'].version, '@types/node': lock['node_modules/@types/node'].version },
  };
}

/** A lockfile for consumerPackage: luamod's production closure, typescript (with its platform packages) and @types/node, copied from luamod's lockfile. */
function consumerLock(tarball) {
  const ours = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')).packages;
  const wanted = (k) => k !== '' && !ours[k].link && (!ours[k].dev || /^node_modules\/(typescript|@typescript\/|@types\/node$|undici-types$)/.test(k));
  const packages = { '': consumerPackage(tarball) };
  delete packages[''].private;
  for (const k of Object.keys(ours).filter(wanted)) {
    const { dev: _dev, devOptional: _devOptional, ...entry } = ours[k];
    packages[k] = entry;
  }
  const integrity = `sha512-${createHash('sha512').update(readFileSync(tarball)).digest('base64')}`;
  packages['node_modules/luamod'] = {
    version: pkg.version, resolved: `file:${tarball}`, integrity, license: pkg.license,
    dependencies: pkg.dependencies, bin: pkg.bin, engines: pkg.engines,
  };
  return { name: 'consumer', version: '1.0.0', lockfileVersion: 3, requires: true, packages };
}

if (failures.length) {
  console.log(`\n${failures.length} consumer check(s) failed`);
  process.exit(1);
}
console.log('\nall consumer checks passed');
