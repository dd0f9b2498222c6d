// `luamod check [PATHS...]`: type-check Lua files (folders are walked for *.lua, honouring the
// config's `exclude`). Output as text (file:line:col, source line, caret) or JSON.
// Exit: 0 no errors, 1 some error-severity diagnostic, 2 bad usage / unreadable path / broken config.
import type { Command } from 'commander';
import { readFileSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, relative, resolve } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { globSync } from 'tinyglobby';
import { analyze, type CheckDiagnostic } from '../../checker/analyze';
import { environmentFromRegistry, type CheckerEnvironment } from '../../checker/environment';
import { LineIndex } from '../../checker/positions';
import { checkerSettings, configFor, findConfigFile, isExcluded, isWorkflowFile, loadConfig, type ConfigResult, type LuamodConfig } from '../../config/config';
import { formatManifestError } from '../../manifests';
import { ModuleRegistry } from '../../module/registry';
import { builtinModules } from '../../modules';

interface FileResult { file: string; path: string; diagnostics: readonly CheckDiagnostic[]; text: string }

export function registerCheck(program: Command): void {
  program
    .command('check')
    .description('Type-check Lua scripts against the module manifests and the standard library.')
    .argument('[paths...]', 'files or folders (folders are searched for *.lua)', ['.'])
    .option('-f, --format <format>', 'output format: text or json', 'text')
    .option('-c, --config <file>', 'use this .luamodrc.json instead of the nearest one above each file')
    .addHelpText('after', `
Exit status: 0 no errors, 1 errors found, 2 bad usage, an unreadable path or a broken config/manifest.
Examples:
  luamod check examples
  luamod check src/job.lua --format json
`)
    .action(async (paths: string[], opts: { format: string; config?: string }) => {
      if (!isMainThread && (workerData as { luamodCheckWorker?: boolean } | null)?.luamodCheckWorker) { runWorkerShare(); return; }
      // A check run is short: TurboFan's inlining costs more compile time (on both cores) than it
      // saves (538 files: 1.15 s against 1.30 s wall, 1.7 s against 2.1 s CPU). Only for this process.
      setFlagsFromString('--no-turbo-inlining');
      process.exitCode = await runCheckParallel(paths, opts, (s) => process.stdout.write(s), (s) => process.stderr.write(s));
    });
}

/** Runs the command in this thread; returns the exit code. Exported for tests and the benchmark. */
export function runCheck(paths: readonly string[], opts: { format?: string; config?: string }, out: (s: string) => void, err: (s: string) => void): number {
  const plan = planFiles(paths, opts, err);
  if (typeof plan === 'number') return plan;
  const checked = checkFiles(plan.files, plan.configOf, err);
  return report(checked.results, plan.failed || checked.failed, plan.format, out);
}

interface Plan { files: string[]; configOf: (file: string) => ConfigResult; format: string; failed: boolean }

/** The files to check (folders walked, excluded globs skipped) and the config lookup; or an exit code. */
function planFiles(paths: readonly string[], opts: { format?: string; config?: string }, err: (s: string) => void): Plan | number {
  const format = opts.format ?? 'text';
  if (format !== 'text' && format !== 'json') { err(`luamod check: unknown format '${format}' (use text or json)\n`); return 2; }
  let fixed: ConfigResult | undefined;
  if (opts.config) {
    fixed = loadConfig(opts.config);
    if (fixed.error) { err(`luamod check: ${fixed.error.message}\n`); return 2; }
  }
  const configOf = configLookup(fixed);
  let failed = false;
  const files: string[] = [];
  for (const p of paths) {
    let isDir: boolean;
    try { isDir = statSync(p).isDirectory(); } catch { err(`luamod check: cannot read '${p}': no such file or folder\n`); failed = true; continue; }
    if (!isDir) { files.push(resolve(p)); continue; }
    const found = globSync(['**/*.lua'], { cwd: p, absolute: true, dot: false, ignore: ['**/node_modules/**'] }).sort();
    // A folder named on the command line is checked even when it is itself excluded.
    const rootConfig = configOf(resolve(p, '.luamodrc.json')).config;
    const named = rootConfig !== undefined && isExcluded(rootConfig, resolve(p));
    for (const f of found) {
      const c = configOf(f);
      if (c.config && !named && isExcluded(c.config, f)) continue;
      files.push(resolve(f));
    }
  }
  return { files, configOf, format, failed };
}

/**
 * The config of each file: `fixed` when given, else the nearest `.luamodrc.json` above it. Looked up
 * once per folder and read once per config file (one result object per config file, or one for
 * all files without one), so environments built per config are shared.
 */
function configLookup(fixed: ConfigResult | undefined): (file: string) => ConfigResult {
  const byKey = new Map<string, ConfigResult>();
  const byDir = new Map<string, ConfigResult>();
  return (file) => {
    if (fixed) return fixed;
    const dir = dirname(resolve(file));
    let r = byDir.get(dir);
    if (r) return r;
    const configFile = findConfigFile(dir);
    const key = configFile ?? '';
    r = byKey.get(key);
    if (!r) {
      r = configFile ? loadConfig(configFile) : configFor(file);
      byKey.set(key, r);
    }
    byDir.set(dir, r);
    return r;
  };
}

/**
 * Like runCheck, but spreads large runs over `LUAMOD_CHECK_THREADS` worker threads (at most the
 * cores; default 1: on a busy 2-core machine the extra start-up and JIT warm-up cost more than they
 * save). Only from the bundled CLI. The output is the same, in the same order.
 */
export async function runCheckParallel(paths: readonly string[], opts: { format?: string; config?: string }, out: (s: string) => void, err: (s: string) => void): Promise<number> {
  const threads = Math.min(availableParallelism(), parseInt(process.env.LUAMOD_CHECK_THREADS ?? '1', 10) || 1);
  if (threads < 2 || !__filename.endsWith('.js')) return runCheck(paths, opts, out, err);
  const plan = planFiles(paths, opts, err);
  if (typeof plan === 'number') return plan;
  const { files, configOf, format } = plan;
  if (files.length < PARALLEL_MIN_FILES) {
    const checked = checkFiles(files, configOf, err);
    return report(checked.results, plan.failed || checked.failed, format, out);
  }
  const shares = shareBySize(files, threads);
  const workers = shares.slice(1).map((share) => new Promise<Checked>((resolveShare, reject) => {
    const w = new Worker(__filename, { workerData: { luamodCheckWorker: true, files: share, config: opts.config }, argv: process.argv.slice(2) });
    w.once('message', (m: Checked & { errs: string }) => { if (m.errs) err(m.errs); resolveShare(m); });
    w.once('error', reject);
  }));
  const mine = checkFiles(shares[0]!, configOf, err);
  const all = [mine, ...(await Promise.all(workers))];
  const byPath = new Map<string, FileResult>();
  for (const c of all) for (const r of c.results) byPath.set(r.file, r);
  const results = files.map((f) => byPath.get(f)).filter((r): r is FileResult => r !== undefined);
  return report(results, plan.failed || all.some((c) => c.failed), format, out);
}

const PARALLEL_MIN_FILES = 150;

interface Checked { results: FileResult[]; failed: boolean }

/** In a worker thread started by runCheckParallel: check the share and post the results. */
function runWorkerShare(): void {
  const data = workerData as { files: string[]; config?: string };
  let errs = '';
  const configOf = configLookup(data.config ? loadConfig(data.config) : undefined);
  const checked = checkFiles(data.files, configOf, (s) => { errs += s; });
  parentPort!.postMessage({ ...checked, errs });
}

/** Splits files into `n` shares of about the same number of bytes. */
function shareBySize(files: readonly string[], n: number): string[][] {
  const sized = files.map((f) => { let size = 0; try { size = statSync(f).size; } catch { /* reported when read */ } return { f, size }; });
  sized.sort((a, b) => b.size - a.size);
  const shares: string[][] = Array.from({ length: n }, () => []);
  const totals = new Array<number>(n).fill(0);
  for (const { f, size } of sized) {
    let k = 0;
    for (let i = 1; i < n; i++) if (totals[i]! < totals[k]!) k = i;
    shares[k]!.push(f);
    totals[k]! += size;
  }
  return shares;
}

/** Checks each file with the config found for it; problems go to `err`. */
function checkFiles(files: readonly string[], configOf: (file: string) => ConfigResult, err: (s: string) => void): Checked {
  let failed = false;
  const envs = new Map<LuamodConfig, CheckerEnvironment | undefined>();
  const envOf = (config: LuamodConfig): CheckerEnvironment | undefined => {
    if (!envs.has(config)) {
      const registry = ModuleRegistry.load({ modules: builtinModules, manifestDirs: config.manifests });
      for (const e of registry.errors) err(`luamod check: ${formatManifestError(e)}\n`);
      envs.set(config, registry.errors.length ? undefined : environmentFromRegistry(registry));
    }
    return envs.get(config);
  };
  const results: FileResult[] = [];
  for (const file of files) {
    const c = configOf(file);
    if (c.error) { err(`luamod check: ${c.error.message}\n`); failed = true; continue; }
    const env = envOf(c.config);
    if (!env) { failed = true; continue; }
    let text: string;
    try { text = readFileSync(file, 'utf8'); } catch (e) { err(`luamod check: cannot read '${file}': ${(e as Error).message}\n`); failed = true; continue; }
    const analysis = analyze(text, { env, settings: checkerSettings(c.config), fileName: file, workflow: isWorkflowFile(c.config, file) });
    results.push({ file, path: displayPath(file), diagnostics: analysis.diagnostics.map(plain), text });
  }
  return { results, failed };
}

/** A diagnostic as plain data (it crosses thread boundaries). */
function plain(d: CheckDiagnostic): CheckDiagnostic {
  return { code: d.code, severity: d.severity, range: d.range, start: d.start, end: d.end, message: d.message, args: d.args };
}

function report(results: readonly FileResult[], failed: boolean, format: string, out: (s: string) => void): number {
  const errors = count(results, 'error');
  const warnings = count(results, 'warning');
  out(format === 'json' ? formatJson(results, errors, warnings) : formatText(results, errors, warnings));
  if (failed) return 2;
  return errors > 0 ? 1 : 0;
}

function displayPath(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel && !rel.startsWith('..') ? rel : file;
}

function count(results: readonly FileResult[], severity: string): number {
  let n = 0;
  for (const r of results) for (const d of r.diagnostics) if (d.severity === severity) n++;
  return n;
}

/** `file:line:col: severity code: message`, the source line and a caret under the span; then a summary. */
export function formatText(results: readonly FileResult[], errors: number, warnings: number): string {
  const parts: string[] = [];
  for (const r of results) {
    if (r.diagnostics.length === 0) continue;
    const lines = new LineIndex(r.text);
    for (const d of r.diagnostics) {
      const { line, character } = d.range.start;
      parts.push(`${r.path}:${line + 1}:${character + 1}: ${d.severity} ${d.code}: ${d.message}\n`);
      const full = lines.lineText(line).replace(/\t/g, ' ');
      const endChar = d.range.end.line === line ? d.range.end.character : full.length;
      // A very long line (minified or generated code) shows 160 characters around the column.
      const from = full.length > 160 ? Math.max(0, character - 60) : 0;
      const source = full.slice(from, from + 160);
      const col = character - from;
      const width = Math.max(1, Math.min(endChar - from, source.length) - col);
      parts.push(`  ${source}\n  ${' '.repeat(col)}${'^'.repeat(width)}\n`);
    }
  }
  const files = results.length;
  parts.push(`${files} file${files === 1 ? '' : 's'} checked: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}\n`);
  return parts.join('');
}

/** The JSON report: every checked file, its diagnostics with 0-based ranges, and a summary. */
export function formatJson(results: readonly FileResult[], errors: number, warnings: number): string {
  return JSON.stringify({
    files: results.map((r) => ({
      path: r.path,
      diagnostics: r.diagnostics.map((d) => ({ code: d.code, severity: d.severity, message: d.message, range: d.range })),
    })),
    summary: { files: results.length, errors, warnings },
  }, null, 2) + '\n';
}
