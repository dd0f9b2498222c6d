// `luamod check [PATHS...]`: type-check Lua files (folders are walked for *.lua, honouring the
// config's `exclude`). Output as text (file:line:col, source line, caret) or JSON.
// Exit: 0 no errors, 1 some error-severity diagnostic, 2 bad usage / unreadable path / broken config.
import type { Command } from 'commander';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { Worker } from 'node:worker_threads';
import type { CheckDiagnostic, CheckerSettings } from '../../checker/analyze';
import { WorkspaceModules } from '../../checker/workspace-modules';
import { projectLuaFiles } from '../../project/project-files';
import { fileTooLargeDiagnostic, utf8Length } from '../../checker/file-too-large';
import { formatMessage } from '../../checker/messages';
import { parseLua } from '../../checker/parse';
import { readRegularFileSync } from '../../io/read-regular-file';
import { LARGE_DOCUMENT_BYTES } from '../../service/syntax-analysis';
import { environmentFromRegistry, type CheckerEnvironment } from '../../checker/environment';
import { LineIndex } from '../../checker/positions';
import { checkerSettings, configFor, findConfigFile, isExcluded, isWorkflowFile, loadConfig, moduleSearch, type ConfigResult, type LuamodConfig } from '../../config/config';
import { formatManifestError } from '../../manifests';
import { formatGithub } from '../github-annotations';
import { luaFilesOf } from '../lua-files';
import { ModuleRegistry } from '../../module/registry';
import { formatModuleFileError, loadModuleFilesSync, withHostModules } from '../../module/module-file';
import { builtinModules } from '../../modules';

/** Fewer files are checked in one thread even when LUAMOD_CHECK_THREADS asks for more. */
const PARALLEL_MIN_FILES = 150;

interface FileResult { file: string; path: string; diagnostics: readonly CheckDiagnostic[]; text?: string }

/**
 * What checking one file gave: its diagnostics (with its text when the text report will quote it),
 * or a problem to report. A problem with `once` is reported only for the first file that has it (a
 * broken manifest folder is reported once per config, not once per file).
 */
export type Outcome = { diagnostics: CheckDiagnostic[]; text?: string; problem?: undefined } | { problem: string; once?: string };

export function registerCheck(program: Command): void {
  program
    .command('check')
    .description('Type-check Lua scripts against the module manifests and the standard library.')
    .argument('[paths...]', 'files or folders (folders are searched for *.lua)', ['.'])
    .option('-f, --format <format>', 'output format: text, json, or github (GitHub Actions annotations)', 'text')
    .option('-q, --quiet', 'report errors only (warnings, infos and hints are still counted for --max-warnings)')
    .option('--max-warnings <n>', 'exit 1 when there are more than n warnings (default: warnings never fail the run)')
    .option('--stdin-filename <path>', 'with the path `-`: the file name the text read from stdin stands for (config lookup, messages)')
    .option('-c, --config <file>', 'use this .luamodrc.json instead of the nearest one above each file')
    .addHelpText('after', `
Exit status: 0 no errors (and no more warnings than --max-warnings), 1 errors found (or too many
warnings), 2 bad usage, an unreadable path or a broken config/manifest.
Environment: LUAMOD_CHECK_THREADS=N checks runs of ${PARALLEL_MIN_FILES}+ files on N threads (default 1; on few
cores more threads are usually slower).
Examples:
  luamod check examples
  luamod check src/job.lua --format json
  luamod check scripts --format github     # in a GitHub Actions step: annotations on the diff
  cat job.lua | luamod check - --stdin-filename src/job.lua   # editors and hooks: the unsaved text
`)
    .action(async (paths: string[], opts: CheckOptions) => {
      // A check run is short: TurboFan's inlining costs more compile time (on both cores) than it
      // saves (538 files: 1.15 s against 1.30 s wall, 1.7 s against 2.1 s CPU). Only for this process.
      setFlagsFromString('--no-turbo-inlining');
      process.exitCode = await runCheckParallel(paths, opts, (s) => process.stdout.write(s), (s) => process.stderr.write(s));
    });
}

/** Runs the command in this thread; returns the exit code. Exported for tests and the benchmark. */
export function runCheck(paths: readonly string[], opts: CheckOptions, out: (s: string) => void, err: (s: string) => void): number {
  const plan = planFiles(paths, opts, err);
  if (typeof plan === 'number') return plan;
  const checker = new FileChecker(configLookup(plan.fixed), plan.format === 'text');
  const checked = collect(plan.files, plan.files.map((f) => checker.check(f, f === plan.stdin?.file ? plan.stdin.text : undefined, plan.roots.get(f))), err);
  return report(checked.results, plan.failed || checked.failed, plan.report, out, err);
}

/** The command's options (as commander gives them; also what tests pass). */
export interface CheckOptions { format?: string; config?: string; quiet?: boolean; maxWarnings?: string; stdinFilename?: string }

/** How the report is written and judged. */
interface ReportOptions { format: string; quiet: boolean; maxWarnings: number | undefined }

interface Plan {
  files: string[];
  /** The project root of files with no `.luamodrc.json` above them: the folder named on the command line, or the file's folder. */
  roots: Map<string, string>;
  fixed: ConfigResult | undefined;
  format: string;
  report: ReportOptions;
  failed: boolean;
  /** `-` among the paths: the text read from stdin, checked as `file`. */
  stdin?: { file: string; text: string };
}

/** The files to check (folders walked, excluded globs skipped) and the config lookup; or an exit code. */
function planFiles(paths: readonly string[], opts: CheckOptions, err: (s: string) => void): Plan | number {
  const format = opts.format ?? 'text';
  if (format !== 'text' && format !== 'json' && format !== 'github') { err(`luamod check: unknown format '${format}' (use text, json or github)\n`); return 2; }
  const maxWarnings = opts.maxWarnings === undefined ? undefined : Number(opts.maxWarnings);
  if (maxWarnings !== undefined && !(Number.isInteger(maxWarnings) && maxWarnings >= 0)) {
    err(`luamod check: invalid --max-warnings '${opts.maxWarnings}': expected a whole number, 0 or more\n`);
    return 2;
  }
  const reportOptions: ReportOptions = { format, quiet: opts.quiet === true, maxWarnings };
  let fixed: ConfigResult | undefined;
  if (opts.config) {
    fixed = loadConfig(opts.config);
    if (fixed.error) { err(`luamod check: ${fixed.error.message}\n`); return 2; }
  }
  const configOf = configLookup(fixed);
  let failed = false;
  const files: string[] = [];
  const roots = new Map<string, string>();
  let stdin: Plan['stdin'];
  for (const p of paths) {
    if (p === '-') {
      if (stdin) { err(`luamod check: '-' (stdin) given twice\n`); return 2; }
      const file = resolve(opts.stdinFilename ?? 'stdin.lua');
      try { stdin = { file, text: readFileSync(0, 'utf8') }; } catch (e) { err(`luamod check: cannot read stdin: ${(e as Error).message}\n`); return 2; }
      files.push(file);
      continue;
    }
    // Files as named, folders walked (a folder named here is checked even when it is itself excluded).
    const found = luaFilesOf([p], 'check', err, configOf);
    if (found.missing.length > 0) failed = true;
    files.push(...found.files);
    for (const [f, root] of found.roots) if (!roots.has(f)) roots.set(f, root);
  }
  return { files, roots, fixed, format, report: reportOptions, failed, ...(stdin ? { stdin } : {}) };
}

/**
 * The config of each file: `fixed` when given, else the nearest `.luamodrc.json` above it. Looked up
 * once per folder and read once per config file (one result object per config file, or one for
 * all files without one), so environments built per config are shared.
 */
export function configLookup(fixed: ConfigResult | undefined): (file: string) => ConfigResult {
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
 * Checks files one at a time with the config found for each; one environment per config, and one
 * project layer (src/checker/workspace-modules.ts) per project root, so that a module required by
 * many files is analyzed once and its analysis reused when the module itself is checked.
 */
export class FileChecker {
  private readonly envs = new Map<LuamodConfig, CheckerEnvironment | string>();
  private readonly projects = new Map<string, WorkspaceModules>();
  constructor(private readonly configOf: (file: string) => ConfigResult, private readonly keepText: boolean) {}

  /** The environment for `config`, or the text reporting its broken manifests. */
  envOf(config: LuamodConfig): CheckerEnvironment | string {
    let env = this.envs.get(config);
    if (env === undefined) {
      const host = loadModuleFilesSync(config.modules, config.dir);
      const registry = ModuleRegistry.load({ modules: withHostModules(builtinModules, host.modules), manifestDirs: config.manifests, maxFileSize: config.maxFileSize });
      env = host.errors.length || registry.errors.length
        ? [...host.errors.map((e) => `luamod check: ${formatModuleFileError(e)}\n`), ...registry.errors.map((e) => `luamod check: ${formatManifestError(e)}\n`)].join('')
        : environmentFromRegistry(registry);
      this.envs.set(config, env);
    }
    return env;
  }

  /**
   * The project of a file under `config`: rooted at the config's folder, or at `root` (the folder
   * being checked, or the file's folder) when no `.luamodrc.json` applies.
   */
  projectOf(config: LuamodConfig, env: CheckerEnvironment, root: string): WorkspaceModules {
    const dir = config.file ? config.dir : root;
    const key = `${config.file ?? ''}\0${dir}`;
    let ws = this.projects.get(key);
    if (!ws) {
      let listed: string[] | undefined;
      ws = new WorkspaceModules({
        search: { ...moduleSearch(config), root: dir },
        external: config.external,
        workspaceGlobals: config.workspaceGlobals,
        read: readText,
        optionsFor: (file) => ({ env, settings: checkerSettings(config), fileName: file, workflow: isWorkflowFile(config, file) }),
        files: () => (listed ??= projectLuaFiles(dir, (f) => isExcluded(config, f))),
        keepDiagnostics: true,
      });
      this.projects.set(key, ws);
    }
    return ws;
  }

  /** Checks `file` (its `text` when given: stdin stands for it); `root` is its project root when no config applies. */
  check(file: string, given?: string, root?: string): Outcome {
    const c = this.configOf(file);
    if (c.error) return { problem: `luamod check: ${c.error.message}\n` };
    const env = this.envOf(c.config);
    if (typeof env === 'string') return { problem: env, once: `manifests of ${c.config.file ?? ''}` };
    const settings = checkerSettings(c.config);
    const limit = c.config.maxFileSize;
    let text: string;
    if (given !== undefined) text = given;
    else {
      // Only a regular file (a FIFO or /dev/zero is an error, never a hang), at most maxFileSize.
      const read = readRegularFileSync(file, limit);
      if (read.error?.kind === 'too-large') return tooLarge(read.error.size!, limit, settings);
      if (read.error) return { problem: `luamod check: cannot read '${file}': ${read.error.message}\n` };
      text = read.text;
    }
    const size = utf8Length(text);
    if (size > limit) return tooLarge(size, limit, settings);
    // Above 2 MiB, syntax only (as in the editor): a full check's memory grows faster than the text.
    const diagnostics = text.length > LARGE_DOCUMENT_BYTES
      ? syntaxDiagnostics(text, settings)
      : this.projectOf(c.config, env, root ?? dirname(resolve(file))).check(file, text).map(plain);
    return this.keepText && diagnostics.length > 0 ? { diagnostics, text } : { diagnostics };
  }
}

/** A module's text for the project layer: a regular file within the size limit, else unknown. */
function readText(file: string): string | undefined {
  return readRegularFileSync(file).text;
}

/** The outcome of a file over maxFileSize: one `file-too-large` diagnostic (none when turned off). */
function tooLarge(size: number, limit: number, settings: CheckerSettings): Outcome {
  const d = fileTooLargeDiagnostic(size, limit, settings);
  return { diagnostics: d ? [d] : [] };
}

/** The syntax errors of a large file (no type check), as `syntaxOnlyAnalysis` gives them to the editor. */
function syntaxDiagnostics(text: string, settings: CheckerSettings): CheckDiagnostic[] {
  const level = settings.diagnostics?.['syntax-error'] ?? 'error';
  if (level === 'off') return [];
  const lines = new LineIndex(text);
  // The first error is all the report needs: no repairs (each is a full parse).
  return parseLua(text, { maxRepairs: 0, errorsOnly: true }).syntaxErrors.map((e) => {
    const args = { message: e.message };
    return { code: 'syntax-error', severity: level, range: lines.rangeOf(e.start, e.end), start: e.start, end: e.end, message: formatMessage('syntax-error', args), args };
  });
}

/** The results of `files` from their outcomes, in order; problems go to `err`, in the same order. */
function collect(files: readonly string[], outcomes: readonly Outcome[], err: (s: string) => void): { results: FileResult[]; failed: boolean } {
  let failed = false;
  const said = new Set<string>();
  const results: FileResult[] = [];
  files.forEach((file, i) => {
    const o = outcomes[i]!;
    if (o.problem === undefined) { results.push({ file, path: displayPath(file), diagnostics: o.diagnostics, text: o.text }); return; }
    failed = true;
    if (o.once !== undefined) {
      if (said.has(o.once)) return;
      said.add(o.once);
    }
    err(o.problem);
  });
  return { results, failed };
}

/**
 * Like runCheck, but with `LUAMOD_CHECK_THREADS=N` (N ≥ 2, at most the cores) N-1 worker threads
 * check files too, for runs of many files. Only from the bundled CLI (the worker is
 * dist/check-worker.js). The output is the same, in the same order. One thread is the default: on
 * two cores the second one already compiles and collects garbage for the first, and each worker
 * compiles the checker again, so two threads were slower (1.5 s against 1.3 s on 538 files).
 */
export async function runCheckParallel(paths: readonly string[], opts: CheckOptions, out: (s: string) => void, err: (s: string) => void): Promise<number> {
  const threads = Math.min(availableParallelism(), parseInt(process.env.LUAMOD_CHECK_THREADS ?? '1', 10) || 1);
  if (paths.includes('-')) return runCheck(paths, opts, out, err); // one text from stdin: nothing to share
  const workerFile = join(__dirname, 'check-worker.js');
  if (threads < 2 || !__filename.endsWith('.js') || !existsSync(workerFile)) return runCheck(paths, opts, out, err);
  // Started before the files are planned, so their start-up overlaps the planning and the first checks.
  const workerData: CheckWorkerData = { config: opts.config, paths, keepText: (opts.format ?? 'text') === 'text' };
  const workers = Array.from({ length: threads - 1 }, () => new Worker(workerFile, { workerData }));
  const results = workers.map((w) => new Promise<Array<[number, Outcome]>>((resolveResult, reject) => {
    w.once('message', resolveResult);
    w.once('error', reject);
  }));
  const plan = planFiles(paths, opts, err);
  if (typeof plan === 'number' || plan.files.length < PARALLEL_MIN_FILES) {
    for (const w of workers) void w.terminate();
    for (const r of results) r.catch(() => undefined); // not awaited: a late worker error must not crash the run
    if (typeof plan === 'number') return plan;
  }
  const { files, format } = plan;
  const checker = new FileChecker(configLookup(plan.fixed), format === 'text');
  if (files.length < PARALLEL_MIN_FILES) {
    const checked = collect(files, files.map((f) => checker.check(f, undefined, plan.roots.get(f))), err);
    return report(checked.results, plan.failed || checked.failed, plan.report, out, err);
  }
  // Largest first, taken one at a time from a shared counter: no thread idles while another has a
  // long queue, and the last files taken are small.
  const order = largestFirst(files);
  const next = new Int32Array(new SharedArrayBuffer(4));
  const roots = order.map((f) => plan.roots.get(f) ?? dirname(f));
  for (const w of workers) w.postMessage({ files: order, roots, next } satisfies CheckWorkerTask);
  const outcomes = new Array<Outcome>(order.length);
  for (let i = Atomics.add(next, 0, 1); i < order.length; i = Atomics.add(next, 0, 1)) outcomes[i] = checker.check(order[i]!, undefined, roots[i]);
  for (const done of await Promise.all(results)) for (const [i, o] of done) outcomes[i] = o;
  const byFile = new Map(order.map((f, i) => [f, outcomes[i]!]));
  const checked = collect(files, files.map((f) => byFile.get(f)!), err);
  return report(checked.results, plan.failed || checked.failed, plan.report, out, err);
}

/** What the worker gets at start: enough to find its first config before the files are known. */
export interface CheckWorkerData { config?: string; paths: readonly string[]; keepText: boolean }
/** The files to check, in the order to take them, their project roots, and the index of the next one (shared). */
export interface CheckWorkerTask { files: readonly string[]; roots: readonly string[]; next: Int32Array }

/** The files, largest first (a file that cannot be read counts as empty; it is reported when checked). */
function largestFirst(files: readonly string[]): string[] {
  const sized = files.map((f) => { let size = 0; try { size = statSync(f).size; } catch { /* reported when read */ } return { f, size }; });
  sized.sort((a, b) => b.size - a.size);
  return sized.map((s) => s.f);
}

/** A diagnostic as plain data (it crosses thread boundaries). */
function plain(d: CheckDiagnostic): CheckDiagnostic {
  return { code: d.code, severity: d.severity, range: d.range, start: d.start, end: d.end, message: d.message, args: d.args };
}

function report(all: readonly FileResult[], failed: boolean, options: ReportOptions, out: (s: string) => void, err: (s: string) => void): number {
  const errors = count(all, 'error');
  const allWarnings = count(all, 'warning');
  const results = options.quiet ? all.map((r) => ({ ...r, diagnostics: r.diagnostics.filter((d) => d.severity === 'error') })) : all;
  const warnings = options.quiet ? 0 : allWarnings;
  const format = options.format;
  out(format === 'json' ? formatJson(results, errors, warnings)
    : format === 'github' ? formatGithub(results, summaryLine(results.length, errors, warnings))
      : formatText(results, errors, warnings));
  if (failed) return 2;
  const tooManyWarnings = options.maxWarnings !== undefined && allWarnings > options.maxWarnings;
  if (tooManyWarnings) err(`luamod check: ${allWarnings} warning${allWarnings === 1 ? '' : 's'}, more than --max-warnings ${options.maxWarnings}\n`);
  return errors > 0 || tooManyWarnings ? 1 : 0;
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
    const lines = new LineIndex(r.text ?? '');
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
  parts.push(summaryLine(results.length, errors, warnings));
  return parts.join('');
}

/** `N files checked: E errors, W warnings` (with its newline). */
function summaryLine(files: number, errors: number, warnings: number): string {
  const n = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`;
  return `${n(files, 'file')} checked: ${n(errors, 'error')}, ${n(warnings, 'warning')}\n`;
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
