// The checker on real Lua: every .lua file Debian's Lua packages ship (bench/corpus.ts). Rows:
// analyze() against bare luaparse and against luaparse with the options analyze needs (same process,
// each reference with a luaparse copy of its own: see bench/private-luaparse.ts); the parse plus name
// binding alone (the cheapest one-walk checker); `luamod check` against luacheck and against a cold
// process that only parses the same files (interleaved samples); CLI start-up.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { analyze } from '../../src/checker/analyze';
import { bind } from '../../src/checker/binder';
import { parseLua } from '../../src/checker/parse';
import { environmentFromRegistry } from '../../src/checker/environment';
import { ModuleRegistry } from '../../src/module/registry';
import { findPackageRoot } from '../../src/module/package-root';
import { builtinModules } from '../../src/modules';
import { loadCorpus } from '../corpus';
import { defineSuite } from '../harness';
import { privateLuaparse } from '../private-luaparse';
import { reportPrecision } from '../precision/report';

function median(xs: readonly number[]): number | undefined {
  if (xs.length === 0) return undefined;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/**
 * Runs a command to completion (exit status ignored: both tools exit non-zero on findings) and
 * records its CPU time (user + system, from /usr/bin/time when present) in `cpus`.
 */
function runCommand(cmd: string, args: readonly string[], cpus: number[], env: NodeJS.ProcessEnv = process.env): void {
  const timer = existsSync('/usr/bin/time');
  const options = { stdio: ['ignore', 'ignore', 'pipe'] as ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 30, timeout: 600_000, env };
  const r = timer ? spawnSync('/usr/bin/time', ['-f', 'luamod-cpu %U %S', cmd, ...args], options) : spawnSync(cmd, args, options);
  if (r.error) throw r.error;
  const m = /luamod-cpu ([\d.]+) ([\d.]+)/.exec(r.stderr?.toString() ?? '');
  if (m) cpus.push((parseFloat(m[1]!) + parseFloat(m[2]!)) * 1000);
}

function hasCommand(cmd: string): boolean {
  return spawnSync(cmd, ['--version'], { stdio: 'ignore' }).status === 0;
}

export default defineSuite({
  name: 'check',
  description: 'checker on the Debian Lua corpus vs luaparse (same process); luamod check vs luacheck (cold processes)',
  run(b) {
    const corpus = loadCorpus();
    if (corpus.note) process.stdout.write(`check: ${corpus.note}\n`);
    if (corpus.files.length === 0) { process.stdout.write('check: no corpus, nothing to measure\n'); return; }
    const env = environmentFromRegistry(ModuleRegistry.load({ modules: builtinModules }));
    const texts = corpus.files.map((f) => f.text);

    // No crash, no hang: every file gets a result.
    let crashed = 0;
    let syntax = 0;
    let diagnostics = 0;
    let slowest = { ms: 0, path: '' };
    for (const f of corpus.files) {
      const start = performance.now();
      try {
        const a = analyze(f.text, { env });
        diagnostics += a.diagnostics.length;
        if (a.parse.syntaxErrors.length) syntax++;
      } catch (e) {
        crashed++;
        process.stdout.write(`check: CRASH on ${f.path}: ${(e as Error).message}\n`);
      }
      const ms = performance.now() - start;
      if (ms > slowest.ms) slowest = { ms, path: f.path };
    }
    process.stdout.write(`check: corpus ${corpus.files.length} files, ${corpus.lines} lines, ${(corpus.bytes / 1e6).toFixed(1)} MB; ` +
      `results for ${corpus.files.length - crashed}/${corpus.files.length} files (${crashed} crashes, ${syntax} with syntax errors, ` +
      `${diagnostics} diagnostics); slowest file ${slowest.ms.toFixed(0)} ms (${slowest.path}); load average ${loadavg()[0]!.toFixed(2)}\n`);
    // Precision: the findings per code with a config per package, as a user of each library would write it.
    reportPrecision(corpus.files, env, findPackageRoot() ?? process.cwd());

    // Floor (a): analyze() ≤ 3× bare luaparse on the same texts, same process. Also against the parse
    // analyze actually runs (ranges + comments), which separates the checker's own cost, and the
    // parse plus name binding only: no checker that walks the tree once can cost less.
    const bare = privateLuaparse();
    const ranged = privateLuaparse();
    b.reference('luaparse 5.3, no options (bare parse)', () => {
      for (const t of texts) { try { bare.parse(t, { luaVersion: '5.3' }); } catch { /* counted above */ } }
    });
    b.bench('analyze() (parse + bind + check, all rules)', () => { for (const t of texts) analyze(t, { env }); });
    b.bench('parse with ranges + name binding only (no types, no rules)', () => { for (const t of texts) bind(parseLua(t).chunk); });
    b.reference('luaparse 5.3 with ranges + comments (the tree analyze needs)', () => {
      for (const t of texts) { try { ranged.parse(t, { luaVersion: '5.3', ranges: true, comments: true }); } catch { /* counted above */ } }
    });
    b.bench('analyze() vs the same parse with ranges', () => { for (const t of texts) analyze(t, { env }); });

    // Floor (b): `luamod check` ≥ 10× faster than luacheck: each sample is one cold process over the
    // whole corpus; the harness interleaves the two, so machine load hits both alike.
    const root = findPackageRoot() ?? process.cwd();
    const cli = join(root, 'dist/cli.js');
    if (!existsSync(cli)) { process.stdout.write('check: dist/cli.js missing (npm run build); CLI rows skipped\n'); return; }
    const paths = corpus.files.map((f) => f.path);
    const cpu = { luamod: [] as number[], threads: [] as number[], luacheck: [] as number[], start: [] as number[], node: [] as number[], parseOnly: [] as number[], parseRanged: [] as number[] };
    // The opt-in worker threads (src/cli/commands/check.ts), so a quiet machine can decide the default.
    const threaded = { ...process.env, LUAMOD_CHECK_THREADS: '2' };
    const luamodArgs = [cli, 'check', '--format', 'json', ...paths];
    const luacheck = hasCommand('luacheck');
    const parseOnly = join(root, 'bench', 'parse-files.cjs');
    if (luacheck) {
      b.reference('luacheck on the corpus (cold process)', () => runCommand('luacheck', ['--no-config', '--formatter', 'plain', '-q', ...paths], cpu.luacheck));
      b.bench('luamod check on the corpus (cold process; ratio < 0.1 meets the floor)', () => runCommand(process.execPath, luamodArgs, cpu.luamod));
      b.bench('luamod check on the corpus, LUAMOD_CHECK_THREADS=2', () => runCommand(process.execPath, luamodArgs, cpu.threads, threaded));
      // What floor (b) leaves: a cold node that only reads and parses the files, bare and with ranges.
      b.bench('node + luaparse only, bare (cold process; no checker at all)', () => runCommand(process.execPath, [parseOnly, ...paths], cpu.parseOnly));
      b.bench('node + luaparse only, ranges + comments (cold process)', () => runCommand(process.execPath, [parseOnly, '--ranges', ...paths], cpu.parseRanged));
    } else {
      process.stdout.write('check: luacheck not installed; the CLI row is compared with a bare node start only\n');
    }
    // Start-up: one small file, against starting node and doing nothing.
    const small = join(root, 'examples', 'greet.lua');
    b.reference('node -e 0 (bare node start)', () => runCommand(process.execPath, ['-e', '0'], cpu.node));
    if (!luacheck) b.bench('luamod check on the corpus (cold process)', () => runCommand(process.execPath, luamodArgs, cpu.luamod));
    b.bench('luamod check on one small file (start-up)', () => runCommand(process.execPath, [cli, 'check', small], cpu.start));

    // The CPU times are only known after the harness has sampled: print and write them on exit.
    process.once('beforeExit', () => {
      const ms = (xs: number[]): string => { const m = median(xs); return m === undefined ? 'n/a' : `${m.toFixed(0)} ms`; };
      const ratio = median(cpu.luacheck) !== undefined && median(cpu.luamod) ? `${(median(cpu.luacheck)! / median(cpu.luamod)!).toFixed(1)}x` : 'n/a';
      process.stdout.write(`check: CPU time (user + system, median of the samples): luamod check ${ms(cpu.luamod)} (2 threads ${ms(cpu.threads)}), luacheck ${ms(cpu.luacheck)} ` +
        `(luamod ${ratio} less); node + luaparse only ${ms(cpu.parseOnly)} (ranges ${ms(cpu.parseRanged)}); one-file start-up ${ms(cpu.start)}, bare node ${ms(cpu.node)}; load average ${loadavg()[0]!.toFixed(2)}\n`);
      const dir = join(root, 'bench', 'results');
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, 'check-cli.json'), JSON.stringify({
        date: new Date().toISOString(), loadAverage: loadavg(), files: corpus.files.length, lines: corpus.lines, crashed, syntax, diagnostics,
        slowestFileMs: slowest.ms,
        cpuMs: { luamodCheck: median(cpu.luamod), luamodCheckThreads2: median(cpu.threads), luacheck: median(cpu.luacheck), parseOnly: median(cpu.parseOnly), parseOnlyRanges: median(cpu.parseRanged), oneFileStartUp: median(cpu.start), bareNode: median(cpu.node) },
        samples: { luamodCheck: cpu.luamod.length, luacheck: cpu.luacheck.length },
        luacheckVersion: luacheck ? execFileSync('luacheck', ['--version']).toString().split('\n')[0] : undefined,
        note: 'wall times of the CLI rows are in check.json (the harness cases); these are CPU times of the same samples (warm-up and calibration included)',
      }, null, 2) + '\n');
    });
  },
});
