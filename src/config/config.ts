// `.luamodrc.json`: the project configuration, found by searching upward from a file, validated
// against schemas/luamodrc.schema.json. Errors name the file and the JSON path; loading never throws.
import type { ValidateFunction } from 'ajv';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import picomatch from 'picomatch';
import type { CheckerSettings } from '../checker/analyze';
import type { SeverityLevel } from '../checker/diagnostic-codes';
import { tryParseType } from '../types/parse';
import generatedValidator from './luamodrc-validator.generated';

export const CONFIG_FILE_NAME = '.luamodrc.json';

/** A configuration with paths made absolute and defaults filled in. */
export interface LuamodConfig {
  /** The `.luamodrc.json` it came from; undefined for the defaults. */
  readonly file?: string;
  /** The folder paths and globs are relative to. */
  readonly dir: string;
  readonly manifests: readonly string[];
  /** The host's module files (absolute): JS files exporting `modules: ModuleDef[]`. */
  readonly modules: readonly string[];
  readonly globals: Readonly<Record<string, string>>;
  readonly workflows: readonly string[];
  readonly diagnostics: Readonly<Record<string, SeverityLevel>>;
  readonly exclude: readonly string[];
  readonly globalModules: boolean;
}

export class ConfigError extends Error {
  constructor(readonly file: string, readonly path: string, readonly problem: string) {
    super(`${file}${path ? `: ${path}` : ''}: ${problem}`);
    this.name = 'ConfigError';
  }
}

export type ConfigResult = { config: LuamodConfig; error?: undefined } | { config?: undefined; error: ConfigError };

/** The defaults for files with no `.luamodrc.json` above them. */
export function defaultConfig(dir: string): LuamodConfig {
  return { dir: resolve(dir), manifests: [], modules: [], globals: {}, workflows: [], diagnostics: {}, exclude: [], globalModules: true };
}

/** The nearest `.luamodrc.json` in `start` (a file or folder) or a folder above it. */
export function findConfigFile(start: string): string | undefined {
  let dir = resolve(start);
  if (!isDirectory(dir)) dir = dirname(dir);
  for (;;) {
    const candidate = join(dir, CONFIG_FILE_NAME);
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

function isDirectory(path: string): boolean {
  try { return statSync(path).isDirectory(); } catch { return false; }
}

/**
 * The schema validator: ajv's code for schemas/luamodrc.schema.json, generated ahead of time by
 * scripts/gen-validators.mjs (loading ajv and compiling the schema cost ~90 ms of start-up).
 */
const validate = generatedValidator as unknown as ValidateFunction;

/** Reads and validates one config file. */
export function loadConfig(file: string): ConfigResult {
  const abs = resolve(file);
  let text: string;
  try { text = readFileSync(abs, 'utf8'); } catch (e) {
    return { error: new ConfigError(abs, '', `cannot read: ${(e as Error).message}`) };
  }
  return parseConfig(text, abs);
}

/** Validates config text as if read from `file`. */
export function parseConfig(text: string, file: string): ConfigResult {
  let value: unknown;
  try { value = JSON.parse(text); } catch (e) {
    return { error: new ConfigError(file, '', `invalid JSON: ${(e as Error).message}`) };
  }
  if (!validate(value)) {
    const err = validate.errors![0]!;
    const extra = (err.params as { additionalProperty?: string }).additionalProperty;
    const path = (err.instancePath || '/') + (extra ? `${err.instancePath.endsWith('/') ? '' : '/'}${extra}` : '');
    const problem = extra ? `unknown property '${extra}'` : err.keyword === 'enum'
      ? `${err.message} (${(err.params as { allowedValues: string[] }).allowedValues.join(', ')})` : err.message ?? 'invalid';
    return { error: new ConfigError(file, path, problem) };
  }
  const v = value as { manifests?: string[]; modules?: string[]; globals?: Record<string, string>; workflows?: string[]; diagnostics?: Record<string, SeverityLevel>; exclude?: string[]; globalModules?: boolean };
  for (const [name, t] of Object.entries(v.globals ?? {})) {
    const r = tryParseType(t);
    if (r.error) return { error: new ConfigError(file, `/globals/${name}`, `bad type ${JSON.stringify(t)}: ${r.error.message}`) };
  }
  const dir = dirname(file);
  return {
    config: {
      file, dir,
      manifests: (v.manifests ?? []).map((m) => (isAbsolute(m) ? m : resolve(dir, m))),
      modules: (v.modules ?? []).map((m) => (isAbsolute(m) ? m : resolve(dir, m))),
      globals: v.globals ?? {}, workflows: v.workflows ?? [], diagnostics: v.diagnostics ?? {},
      exclude: v.exclude ?? [], globalModules: v.globalModules ?? true,
    },
  };
}

/** The config for `path`: the nearest `.luamodrc.json`, or the defaults for its folder. */
export function configFor(path: string): ConfigResult {
  const file = findConfigFile(path);
  return file ? loadConfig(file) : { config: defaultConfig(isDirectory(path) ? path : dirname(resolve(path))) };
}

/** The settings analyze() reads. */
export function checkerSettings(config: LuamodConfig): CheckerSettings {
  return { globals: config.globals, diagnostics: config.diagnostics, globalModules: config.globalModules };
}

function relativePosix(config: LuamodConfig, file: string): string {
  return relative(config.dir, resolve(file)).split(sep).join('/');
}

/** Whether `file` matches one of the config's `workflows` globs. */
export function isWorkflowFile(config: LuamodConfig, file: string): boolean {
  return config.workflows.length > 0 && picomatch(config.workflows as string[], { dot: true })(relativePosix(config, file));
}

/** Whether `file` matches one of the config's `exclude` globs (a glob naming a folder excludes its files). */
export function isExcluded(config: LuamodConfig, file: string): boolean {
  if (config.exclude.length === 0) return false;
  const rel = relativePosix(config, file);
  if (rel.startsWith('..')) return false;
  const match = picomatch(config.exclude as string[], { dot: true });
  if (match(rel)) return true;
  const parts = rel.split('/');
  for (let i = 1; i < parts.length; i++) if (match(parts.slice(0, i).join('/'))) return true;
  return false;
}
