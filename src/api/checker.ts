// The `luamod/checker` entry point: type-check Lua text or files against the host's modules, the
// built-in modules, JSON manifests and the Lua standard library.
import { readFile } from 'node:fs/promises';
import { analyze, type Analysis, type CheckDiagnostic, type CheckerSettings } from '../checker/analyze';
import { environmentFromRegistry } from '../checker/environment';
import type { ManifestError } from '../manifests/load';
import type { ModuleDef } from '../module/module-def';
import { ModuleRegistry } from '../module/registry';
import { builtinModules } from '../modules';

export { analyze, type Analysis, type CheckDiagnostic, type CheckerSettings } from '../checker/analyze';
export { ModuleRegistry, type RegistryOptions } from '../module/registry';
export { environmentFromRegistry, type CheckerEnvironment } from '../checker/environment';

export interface CheckerOptions {
  /** The host's modules. */
  readonly modules?: readonly ModuleDef[];
  /** Include luamod's built-in modules (time, json, ...; default true). */
  readonly builtins?: boolean;
  /** Folders of JSON manifests. */
  readonly manifestDirs?: readonly string[];
  readonly settings?: CheckerSettings;
}

export interface Checker {
  readonly registry: ModuleRegistry;
  /** Problems found in the manifests (an empty list when all loaded). */
  readonly errors: readonly ManifestError[];
  /** The diagnostics of `text`; `fileName` is used in messages only. */
  check(text: string, options?: { fileName?: string; workflow?: boolean }): CheckDiagnostic[];
  /** Reads and checks a file (UTF-8). Rejects when the file cannot be read. */
  checkFile(path: string, options?: { workflow?: boolean }): Promise<CheckDiagnostic[]>;
  /** The full analysis (diagnostics, symbols, queries) of `text`. */
  analyze(text: string, options?: { fileName?: string; workflow?: boolean }): Analysis;
}

/**
 * A checker over the given modules and manifests (built once; reuse it for many files).
 * @example createChecker({ modules: [counter] }).check('counter.incr(1)')  // [{ code: 'param-type-mismatch', ... }]
 */
export function createChecker(options: CheckerOptions = {}): Checker {
  const registry = ModuleRegistry.load({
    modules: [...(options.builtins === false ? [] : builtinModules), ...(options.modules ?? [])],
    manifestDirs: options.manifestDirs,
  });
  const env = environmentFromRegistry(registry);
  const run = (text: string, o: { fileName?: string; workflow?: boolean } = {}) =>
    analyze(text, { env, settings: options.settings, fileName: o.fileName, workflow: o.workflow });
  return {
    registry,
    errors: registry.errors,
    check: (text, o) => [...run(text, o).diagnostics],
    checkFile: async (path, o) => [...run(await readFile(path, 'utf8'), { ...o, fileName: path }).diagnostics],
    analyze: run,
  };
}
