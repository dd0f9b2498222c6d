// `.luamodrc.json`: the project configuration, found by searching upward from a file, validated
// against schemas/luamodrc.schema.json. Errors name the file and the JSON path; loading never throws.
import type { ValidateFunction } from 'ajv';
import { existsSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import picomatch from 'picomatch';
import type { CheckerSettings } from '../checker/analyze';
import { DEFAULT_MAX_DIAGNOSTICS, type SeverityLevel } from '../checker/diagnostic-codes';
import type { RuntimeSettings } from '../checker/profile';
import { DEFAULT_MAX_FILE_BYTES, readRegularFileSync } from '../io/read-regular-file';
import { DEFAULT_RUNTIME_PATH, type ModuleSearch } from '../project/module-resolver';
import { tryParseType } from '../types/parse';
import { findPackageRoot } from '../module/package-root';
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
  /** `runtime.path`: the `require` templates, relative to `dir` (docs/projects.md). */
  readonly runtimePath: readonly string[];
  /** `runtime.external`: names or globs of modules that exist only at run time. */
  readonly external: readonly string[];
  /** Whether top-level globals of one project file are known in the others. */
  readonly workspaceGlobals: boolean;
  /** Largest file read (Lua sources, manifests), in bytes; larger files get `file-too-large`. */
  readonly maxFileSize: number;
  /** Most diagnostics reported per file; the rest become one `too-many-diagnostics`. */
  readonly maxDiagnostics: number;
  /** `runtime.version` / `runtime.library` (absent keys: the defaults, 5.3 and sandbox). */
  readonly runtime: RuntimeSettings;
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
  return {
    dir: resolve(dir), manifests: [], modules: [], globals: {}, workflows: [], diagnostics: {}, exclude: [], globalModules: true,
    runtimePath: DEFAULT_RUNTIME_PATH, external: [], workspaceGlobals: true,
    maxFileSize: DEFAULT_MAX_FILE_BYTES, maxDiagnostics: DEFAULT_MAX_DIAGNOSTICS, runtime: {},
  };
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

/** Reads and validates one config file (a regular file of at most the default maxFileSize). */
export function loadConfig(file: string): ConfigResult {
  const abs = resolve(file);
  const read = readRegularFileSync(abs, DEFAULT_MAX_FILE_BYTES);
  if (read.error) return { error: new ConfigError(abs, '', `cannot read: ${read.error.message}`) };
  return parseConfig(read.text.replace(/^\uFEFF/, ''), abs);
}

/** Validates config text as if read from `file`. */
export function parseConfig(text: string, file: string): ConfigResult {
  return parseConfigChain(text, file, []);
}

function parseConfigChain(text: string, file: string, chain: readonly string[]): ConfigResult {
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
  const v = value as RawConfig;
  for (const [name, t] of Object.entries(v.globals ?? {})) {
    if (!/^[A-Za-z_]\w*(\.[A-Za-z_]\w*)*$/.test(name)) {
      return { error: new ConfigError(file, `/globals/${name}`, 'a global is a name, or names joined by dots to extend a table ("coroutine._yield")') };
    }
    const r = tryParseType(t);
    if (r.error) return { error: new ConfigError(file, `/globals/${name}`, `bad type ${JSON.stringify(t)}: ${r.error.message}`) };
  }
  const dir = dirname(file);
  const manifests = (v.manifests ?? []).map((m) => (isAbsolute(m) ? m : resolve(dir, m)));
  for (const [i, m] of manifests.entries()) {
    if (!isInsideFolder(dir, m)) {
      return { error: new ConfigError(file, `/manifests/${i}`, `${JSON.stringify(v.manifests![i])} is outside the config's folder ${dir} (after symlinks): manifest folders must be inside it (use the editor setting luamod.manifests for a folder elsewhere)`) };
    }
  }
  // A module file is code luamod loads (check, lsp, run, test): like a manifest folder, it must be
  // inside the config's folder, so a project's own file cannot make luamod load code from elsewhere.
  const modules = (v.modules ?? []).map((m) => (isAbsolute(m) ? m : resolve(dir, m)));
  for (const [i, m] of modules.entries()) {
    if (!isInsideFolder(dir, m)) {
      return { error: new ConfigError(file, `/modules/${i}`, `${JSON.stringify(v.modules![i])} is outside the config's folder ${dir} (after symlinks): module files must be inside it`) };
    }
  }
  const runtime: RuntimeSettings = {
    ...(v.runtime?.version !== undefined ? { version: v.runtime.version } : {}),
    ...(v.runtime?.library !== undefined ? { library: v.runtime.library } : {}),
  };
  const own: LuamodConfig = {
    file, dir, manifests, modules,
    globals: v.globals ?? {}, workflows: v.workflows ?? [], diagnostics: v.diagnostics ?? {},
    exclude: v.exclude ?? [], globalModules: v.globalModules ?? true, runtime,
    runtimePath: v.runtime?.path ?? DEFAULT_RUNTIME_PATH, external: v.runtime?.external ?? [],
    workspaceGlobals: v.workspaceGlobals ?? true,
    maxFileSize: v.maxFileSize ?? DEFAULT_MAX_FILE_BYTES, maxDiagnostics: v.maxDiagnostics ?? DEFAULT_MAX_DIAGNOSTICS,
  };
  const bases = v.extends === undefined ? [] : Array.isArray(v.extends) ? v.extends : [v.extends];
  let merged: LuamodConfig | undefined;
  for (const [i, ref] of bases.entries()) {
    const where = Array.isArray(v.extends) ? `/extends/${i}` : '/extends';
    const baseFile = extendsTarget(ref, dir);
    if (!baseFile) return { error: new ConfigError(file, where, `unknown preset '${ref}' (presets: ${presetNames().join(', ') || 'none found'})`) };
    if (chain.includes(baseFile) || baseFile === file) return { error: new ConfigError(file, where, `'${ref}' extends this file again (a cycle)`) };
    const read = readRegularFileSync(baseFile);
    if (read.error) return { error: new ConfigError(file, where, `cannot read '${ref}': ${read.error.message}`) };
    const baseText = read.text;
    const base = parseConfigChain(baseText, baseFile, [...chain, file]);
    if (base.error) return base;
    merged = merged ? inherit(merged, base.config) : base.config;
  }
  return { config: merged ? inherit(merged, own, v) : own };
}

/** The `.luamodrc.json` keys as written. */
interface RawConfig {
  extends?: string | string[];
  manifests?: string[]; modules?: string[]; globals?: Record<string, string>; workflows?: string[];
  diagnostics?: Record<string, SeverityLevel>; exclude?: string[]; globalModules?: boolean;
  runtime?: RuntimeSettings & { path?: string[]; external?: string[] };
  workspaceGlobals?: boolean; maxFileSize?: number; maxDiagnostics?: number;
}

/**
 * `own` on top of `base`: globals, diagnostics and runtime merge key by key (own wins), manifests,
 * modules and runtime.external add up, the other settings are inherited unless set; workflows and exclude
 * (globs of the file's own folder) are not inherited.
 */
function inherit(base: LuamodConfig, own: LuamodConfig, raw?: RawConfig): LuamodConfig {
  return {
    ...own,
    manifests: [...base.manifests, ...own.manifests.filter((m) => !base.manifests.includes(m))],
    modules: [...base.modules, ...own.modules.filter((m) => !base.modules.includes(m))],
    globals: { ...base.globals, ...own.globals },
    diagnostics: { ...base.diagnostics, ...own.diagnostics },
    runtime: { ...base.runtime, ...own.runtime },
    globalModules: raw && raw.globalModules === undefined ? base.globalModules : own.globalModules,
    runtimePath: raw && raw.runtime?.path === undefined ? base.runtimePath : own.runtimePath,
    external: [...base.external, ...own.external.filter((e) => !base.external.includes(e))],
    workspaceGlobals: raw && raw.workspaceGlobals === undefined ? base.workspaceGlobals : own.workspaceGlobals,
    maxFileSize: raw && raw.maxFileSize === undefined ? base.maxFileSize : own.maxFileSize,
    maxDiagnostics: raw && raw.maxDiagnostics === undefined ? base.maxDiagnostics : own.maxDiagnostics,
  };
}

const PRESET_PREFIX = 'luamod:';

/** The file an `extends` entry names: a bundled preset (`luamod:openresty`) or a path. */
function extendsTarget(ref: string, dir: string): string | undefined {
  if (!ref.startsWith(PRESET_PREFIX)) return isAbsolute(ref) ? ref : resolve(dir, ref);
  const name = ref.slice(PRESET_PREFIX.length);
  if (!/^[a-z0-9-]+$/.test(name)) return undefined;
  const root = findPackageRoot();
  const path = root && join(root, 'presets', `${name}.json`);
  return path && existsSync(path) ? path : undefined;
}

/** The bundled presets' names. */
export function presetNames(): string[] {
  const root = findPackageRoot();
  try {
    return root ? readdirSync(join(root, 'presets')).filter((f) => f.endsWith('.json')).map((f) => PRESET_PREFIX + f.slice(0, -5)).sort() : [];
  } catch { return []; }
}

/**
 * Whether `path` is `folder` or inside it, both with symlinks resolved (a path that does not exist
 * yet is judged by its nearest existing ancestor: a manifest folder created later stays inside).
 */
export function isInsideFolder(folder: string, path: string): boolean {
  const rel = relative(realOrSelf(folder), realNearest(resolve(path)));
  return rel === '' || (rel !== '..' && !rel.startsWith('..' + sep) && !isAbsolute(rel));
}

function realOrSelf(path: string): string {
  try { return realpathSync(path); } catch { return resolve(path); }
}

/** The real path of `path`, or of its nearest existing ancestor joined with the rest. */
function realNearest(path: string): string {
  const rest: string[] = [];
  let p = path;
  for (;;) {
    try { return join(realpathSync(p), ...rest.reverse()); } catch { /* try the parent */ }
    const parent = dirname(p);
    if (parent === p) return path;
    rest.push(p.slice(parent.length).replace(/^[\\/]/, ''));
    p = parent;
  }
}

/** The config for `path`: the nearest `.luamodrc.json`, or the defaults for its folder. */
export function configFor(path: string): ConfigResult {
  const file = findConfigFile(path);
  return file ? loadConfig(file) : { config: defaultConfig(isDirectory(path) ? path : dirname(resolve(path))) };
}

/** The settings analyze() reads. */
export function checkerSettings(config: LuamodConfig): CheckerSettings {
  return { globals: config.globals, diagnostics: config.diagnostics, globalModules: config.globalModules, maxDiagnostics: config.maxDiagnostics, runtime: config.runtime };
}

function relativePosix(config: LuamodConfig, file: string): string {
  return relative(config.dir, resolve(file)).split(sep).join('/');
}

/** Whether `file` matches one of the config's `workflows` globs. */
export function isWorkflowFile(config: LuamodConfig, file: string): boolean {
  return config.workflows.length > 0 && picomatch(config.workflows as string[], { dot: true })(relativePosix(config, file));
}

/**
 * Whether a script runs (and is checked) as a workflow script: its first line is `--!workflow`, or
 * it matches one of the config's `workflows` globs.
 */
export function isWorkflowScript(config: LuamodConfig, file: string, text: string): boolean {
  return /^--!workflow\b/.test(text) || isWorkflowFile(config, file);
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

/** Where `require` looks for the project's own files under this config (its folder is the root). */
export function moduleSearch(config: LuamodConfig): ModuleSearch {
  return { root: config.dir, path: config.runtimePath };
}
