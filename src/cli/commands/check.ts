// `luamod check [PATHS...]`: type-check Lua files (folders are walked for *.lua, honouring the
// config's `exclude`). Output as text (file:line:col, source line, caret) or JSON.
// Exit: 0 no errors, 1 some error-severity diagnostic, 2 bad usage / unreadable path / broken config.
import type { Command } from 'commander';
import { readFileSync, statSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { globSync } from 'tinyglobby';
import { analyze, type CheckDiagnostic } from '../../checker/analyze';
import { environmentFromRegistry, type CheckerEnvironment } from '../../checker/environment';
import { LineIndex } from '../../checker/positions';
import { checkerSettings, configFor, isExcluded, isWorkflowFile, loadConfig, type ConfigResult, type LuamodConfig } from '../../config/config';
import { formatManifestError } from '../../manifests';
import { ModuleRegistry } from '../../module/registry';
import { builtinModules } from '../../modules';
import { errorsModule } from '../../modules/errors';

interface FileResult { path: string; diagnostics: readonly CheckDiagnostic[]; text: string }

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
    .action((paths: string[], opts: { format: string; config?: string }) => {
      process.exitCode = runCheck(paths, opts, (s) => process.stdout.write(s), (s) => process.stderr.write(s));
    });
}

/** Runs the command; returns the exit code. Exported for tests and the benchmark. */
export function runCheck(paths: readonly string[], opts: { format?: string; config?: string }, out: (s: string) => void, err: (s: string) => void): number {
  const format = opts.format ?? 'text';
  if (format !== 'text' && format !== 'json') { err(`luamod check: unknown format '${format}' (use text or json)\n`); return 2; }
  let fixed: ConfigResult | undefined;
  if (opts.config) {
    fixed = loadConfig(opts.config);
    if (fixed.error) { err(`luamod check: ${fixed.error.message}\n`); return 2; }
  }
  const configs = new Map<string, ConfigResult>();
  const configOf = (file: string): ConfigResult => {
    if (fixed) return fixed;
    const r = configFor(file);
    const key = r.config?.file ?? r.error?.file ?? '';
    if (!configs.has(key)) configs.set(key, r);
    return configs.get(key)!;
  };
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
  const envs = new Map<LuamodConfig, CheckerEnvironment | undefined>();
  const envOf = (config: LuamodConfig): CheckerEnvironment | undefined => {
    if (!envs.has(config)) {
      const registry = ModuleRegistry.load({ modules: [...builtinModules, errorsModule], manifestDirs: config.manifests });
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
    results.push({ path: displayPath(file), diagnostics: analysis.diagnostics, text });
  }
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
      const source = lines.lineText(line).replace(/\t/g, ' ');
      const endChar = d.range.end.line === line ? d.range.end.character : source.length;
      const width = Math.max(1, Math.min(endChar, source.length) - character);
      parts.push(`  ${source}\n  ${' '.repeat(character)}${'^'.repeat(width)}\n`);
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
