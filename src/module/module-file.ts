// Loads the host's module files: JS files (CommonJS or ESM) exporting `modules: ModuleDef[]` and
// optionally `dispatchers: Dispatcher[]`, as named by `.luamodrc.json` "modules" or createRuntime.
// A file that is missing, throws, or exports something else is a ModuleFileError, never an exception.
import { createRequire } from 'node:module';
import { isAbsolute, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { regularFileProblem } from '../io/read-regular-file';
import type { Dispatcher } from './host-api';
import type { ModuleDef } from './module-def';

export interface ModuleFileError {
  /** The module file (absolute). */
  readonly file: string;
  readonly message: string;
}

export interface LoadedModuleFiles {
  readonly modules: ModuleDef[];
  readonly dispatchers: Dispatcher[];
  readonly errors: ModuleFileError[];
}

/** Loads every file (paths relative to `baseDir`); files are loaded in order, later names do not replace earlier ones. */
export async function loadModuleFiles(files: readonly string[], baseDir: string): Promise<LoadedModuleFiles> {
  const out: LoadedModuleFiles = { modules: [], dispatchers: [], errors: [] };
  for (const f of files) {
    const file = isAbsolute(f) ? f : resolve(baseDir, f);
    const problem = fileProblem(file);
    if (problem) { out.errors.push(problem); continue; }
    let ns: Record<string, unknown>;
    try {
      ns = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
    } catch (e) {
      const code = (e as { code?: string }).code;
      const why = (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') && (e as Error).message.includes(file) ? 'cannot be found' : `failed to load: ${e instanceof Error ? e.message : String(e)}`;
      out.errors.push({ file, message: `module file ${why}` });
      continue;
    }
    const problems = readExports(ns, file, out);
    out.errors.push(...problems.map((message) => ({ file, message })));
  }
  return out;
}

/**
 * The synchronous form for the tools (check, lsp, run, test, manifest), whose registries are built
 * synchronously: CommonJS module files only (Node 20 cannot `require` ESM; an ESM file is reported
 * as such). Node's module cache keeps each file loaded once per process.
 */
export function loadModuleFilesSync(files: readonly string[], baseDir: string): LoadedModuleFiles {
  const out: LoadedModuleFiles = { modules: [], dispatchers: [], errors: [] };
  for (const f of files) {
    const file = isAbsolute(f) ? f : resolve(baseDir, f);
    const problem = fileProblem(file);
    if (problem) { out.errors.push(problem); continue; }
    let ns: Record<string, unknown>;
    try {
      ns = createRequire(file)(file) as Record<string, unknown>;
    } catch (e) {
      const code = (e as { code?: string }).code;
      const why = code === 'MODULE_NOT_FOUND' && (e as Error).message.includes(file) ? 'cannot be found'
        : code === 'ERR_REQUIRE_ESM' ? 'is an ES module: the tools load CommonJS module files (build the host modules as CommonJS, or name the file .cjs)'
        : `failed to load: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`;
      out.errors.push({ file, message: `module file ${why}` });
      continue;
    }
    out.errors.push(...readExports(ns, file, out).map((message) => ({ file, message })));
  }
  return out;
}

/**
 * Node reads a module file with a blocking read: a FIFO or a link to /dev/zero would hang the tool.
 * Only a regular file is loaded (a missing one is left to the loader's own "cannot be found").
 */
function fileProblem(file: string): ModuleFileError | undefined {
  const problem = regularFileProblem(file, MODULE_FILE_MAX_BYTES);
  return problem && problem.kind !== 'not-found' ? { file, message: `module file ${problem.message}` } : undefined;
}

/** Largest host module file loaded (bundled hosts can be large). */
const MODULE_FILE_MAX_BYTES = 64 * 1024 * 1024;

/** The built-in modules plus the host's: a host module named like a built-in one replaces it. */
export function withHostModules(builtins: readonly ModuleDef[], host: readonly ModuleDef[]): ModuleDef[] {
  return [...builtins.filter((b) => !host.some((h) => h.name === b.name)), ...host];
}

/** `file: message` for the CLI and the server. */
export function formatModuleFileError(e: ModuleFileError): string {
  return `${e.file}: ${e.message}`;
}

function readExports(ns: Record<string, unknown>, file: string, out: LoadedModuleFiles): string[] {
  const dflt = ns.default as Record<string, unknown> | undefined;
  const modules = ns.modules ?? (dflt && typeof dflt === 'object' ? dflt.modules : undefined);
  const dispatchers = ns.dispatchers ?? (dflt && typeof dflt === 'object' ? dflt.dispatchers : undefined);
  if (!Array.isArray(modules)) return ['the module file must export `modules`, an array of ModuleDef'];
  const problems: string[] = [];
  modules.forEach((def: unknown, i) => {
    const problem = checkModuleDef(def);
    if (problem) problems.push(`modules[${i}]${nameOf(def)}: ${problem}`);
    else if (!out.modules.some((m) => m.name === (def as ModuleDef).name)) out.modules.push(def as ModuleDef);
  });
  if (dispatchers !== undefined) {
    if (!Array.isArray(dispatchers)) problems.push('`dispatchers` must be an array of Dispatcher');
    else dispatchers.forEach((d: unknown, i) => {
      if (typeof d !== 'object' || d === null || typeof (d as Dispatcher).registerAll !== 'function') problems.push(`dispatchers[${i}]: expected { name, registerAll(register) }`);
      else out.dispatchers.push(d as Dispatcher);
    });
  }
  void file;
  return problems;
}

function nameOf(def: unknown): string {
  const name = typeof def === 'object' && def !== null ? (def as { name?: unknown }).name : undefined;
  return typeof name === 'string' ? ` ('${name}')` : '';
}

/** What is wrong with a ModuleDef, or undefined. Calls `types()` once (it must be pure and cheap). */
export function checkModuleDef(def: unknown): string | undefined {
  if (typeof def !== 'object' || def === null) return 'expected a ModuleDef object';
  const d = def as Partial<ModuleDef>;
  if (typeof d.name !== 'string' || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(d.name)) return '`name` must be a Lua identifier';
  if (!Array.isArray(d.class)) return '`class` must be an array of ModuleClass';
  if (typeof d.types !== 'function') return '`types` must be a function returning a TypeManifest';
  if (d.build !== undefined && typeof d.build !== 'function') return '`build` must be a function';
  try {
    const m = d.types();
    if (typeof m !== 'object' || m === null || !(m.types instanceof Map)) return '`types()` must return a TypeManifest (use newManifest)';
  } catch (e) {
    return `types() threw: ${e instanceof Error ? e.message : String(e)}`;
  }
  return undefined;
}
