// The checker on real Lua: every .lua file Debian's Lua packages ship (bench/corpus.ts). Compares
// analyze() with bare luaparse in the same process, and `luamod check` (CLI) with luacheck on the
// same files; checks that every file gets a result (no crash, no hang).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'luaparse';
import { analyze } from '../../src/checker/analyze';
import { environmentFromRegistry } from '../../src/checker/environment';
import { ModuleRegistry } from '../../src/module/registry';
import { findPackageRoot } from '../../src/module/package-root';
import { builtinModules } from '../../src/modules';
import { loadCorpus } from '../corpus';
import { defineSuite } from '../harness';

const RUNS = 3;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

interface CommandTime { readonly wallMs: number; readonly cpuMs?: number }

/**
 * Wall time (and CPU time, user + system, via /usr/bin/time when present) of a command over the
 * corpus, medians of RUNS. Exit status is ignored: both tools exit non-zero on findings.
 */
function timeCommand(cmd: string, args: string[]): CommandTime | undefined {
  const walls: number[] = [];
  const cpus: number[] = [];
  const timer = existsSync('/usr/bin/time');
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    const r = timer
      ? spawnSync('/usr/bin/time', ['-f', 'luamod-cpu %U %S', cmd, ...args], { stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 30, timeout: 600_000 })
      : spawnSync(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 30, timeout: 600_000 });
    if (r.error) return undefined;
    walls.push(performance.now() - start);
    const m = /luamod-cpu ([\d.]+) ([\d.]+)/.exec(r.stderr.toString());
    if (m) cpus.push((parseFloat(m[1]!) + parseFloat(m[2]!)) * 1000);
    else if (timer) return undefined;
  }
  return { wallMs: median(walls), ...(cpus.length ? { cpuMs: median(cpus) } : {}) };
}

const fmt = (t: CommandTime | undefined): string =>
  t ? `${t.wallMs.toFixed(0)} ms wall${t.cpuMs !== undefined ? ` / ${t.cpuMs.toFixed(0)} ms CPU` : ''}` : 'n/a';

export default defineSuite({
  name: 'check',
  description: 'checker on the Debian Lua corpus vs luaparse; luamod check vs luacheck',
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
      `${diagnostics} diagnostics); slowest file ${slowest.ms.toFixed(0)} ms (${slowest.path})\n`);

    // CLI vs luacheck on the same files (separate processes, cold start included in both).
    const root = findPackageRoot() ?? process.cwd();
    const cli = join(root, 'dist/cli.js');
    const paths = corpus.files.map((f) => f.path);
    const luamod = existsSync(cli) ? timeCommand(process.execPath, [cli, 'check', '--format', 'json', ...paths]) : undefined;
    const luacheck = timeCommand('luacheck', ['--no-config', '--formatter', 'plain', '-q', ...paths]);
    const ratio = (a?: number, b?: number): string => (a !== undefined && b !== undefined ? `${(a / b).toFixed(1)}x` : 'n/a');
    process.stdout.write(`check: CLI on the corpus (median of ${RUNS}): luamod check ${fmt(luamod)}; luacheck ${fmt(luacheck)}; ` +
      `luamod faster by ${ratio(luacheck?.wallMs, luamod?.wallMs)} (wall), ${ratio(luacheck?.cpuMs, luamod?.cpuMs)} (CPU)\n`);
    const dir = join(root, 'bench', 'results');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'check-cli.json'), JSON.stringify({
      date: new Date().toISOString(), files: corpus.files.length, lines: corpus.lines, crashed, syntax, diagnostics,
      slowestFileMs: slowest.ms, luamodCheck: luamod, luacheck, runs: RUNS,
      luacheckVersion: luacheck ? execFileSync('luacheck', ['--version']).toString().split('\n')[0] : undefined,
    }, null, 2) + '\n');

    // In-process: analyze() against bare luaparse over the same texts.
    b.reference('luaparse 5.3, no options (bare parse)', () => {
      for (const t of texts) { try { parse(t, { luaVersion: '5.3' }); } catch { /* counted above */ } }
    });
    b.bench('analyze() (parse + bind + check, all rules)', () => { for (const t of texts) analyze(t, { env }); });
    b.reference('luaparse 5.3 with ranges + comments (the tree analyze needs)', () => {
      for (const t of texts) { try { parse(t, { luaVersion: '5.3', ranges: true, comments: true }); } catch { /* counted above */ } }
    });
    b.bench('analyze() vs the same parse with ranges', () => { for (const t of texts) analyze(t, { env }); });
  },
});
