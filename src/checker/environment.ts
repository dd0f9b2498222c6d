// What the checker needs to know about the world outside the document: modules, named types and
// globals. `environmentFromRegistry` adapts a ModuleRegistry; tests may build one directly.
import type { Field, Type, TypeResolver } from '../types/type';

/** A module a script can `require` (or use as a global). */
export interface ModuleInfo {
  readonly name: string;
  /** The export type: a record named after the module. */
  readonly type: Type;
  readonly workflowSafe: boolean;
  readonly classes: readonly string[];
  readonly description?: string;
  /** For a project file required as a module: its absolute path (src/checker/workspace-modules.ts). */
  readonly file?: string;
  /** For a project file that is not workflow-safe: why (`requires 'fs' (classes: io)`). */
  readonly unsafeReason?: string;
}

/** The checker's view of the registry. */
export interface CheckerEnvironment extends TypeResolver {
  module(name: string): ModuleInfo | undefined;
  moduleNames(): readonly string[];
  /** Globals every script sees: the standard library plus always-present globals (e.g. `errors`). */
  globals(): ReadonlyMap<string, Field>;
  /**
   * The same environment with the standard library of another host profile (see src/checker/profile.ts);
   * undefined when the environment has no such library (the caller keeps the default).
   */
  withStdlib?(version: string, library: 'full' | 'sandbox'): CheckerEnvironment | undefined;
}

/** One host profile's standard library: its globals and its `lua.*` named types. */
export interface StdlibLibrary {
  readonly globals: ReadonlyMap<string, Field>;
  readonly types: ReadonlyMap<string, Type>;
}

/** The subset of ModuleRegistry (src/module/registry.ts) the checker reads. */
export interface RegistryLike extends TypeResolver {
  get(name: string): { name: string; class: readonly string[]; description?: string; types: () => { exportType: Type | undefined } } | undefined;
  list(): readonly { name: string; types: () => { exportType: Type | undefined } }[];
  globals(): ReadonlyMap<string, Field> | Readonly<Record<string, Field>>;
  /** The standard library of a host profile (ModuleRegistry.stdlib). */
  stdlib?(version: string, library: 'full' | 'sandbox'): StdlibLibrary | undefined;
}

const WORKFLOW_SAFE = new Set(['deterministic', 'workflow']);

/** Adapts a module registry; module types are built once per environment. Entries without an export
 * (the standard library manifest, which only adds globals) are not modules. */
export function environmentFromRegistry(registry: RegistryLike): CheckerEnvironment {
  const base = registryEnvironment(registry);
  const profiles = new Map<string, CheckerEnvironment | undefined>();
  return {
    ...base,
    withStdlib(version, library) {
      const key = `${version}/${library}`;
      if (!profiles.has(key)) {
        const lib = registry.stdlib?.(version, library);
        profiles.set(key, lib && withLibrary(base, lib));
      }
      return profiles.get(key);
    },
  };
}

/** `env` with the standard library (globals from the `lua` manifest, `lua.*` types) replaced by `lib`. */
function withLibrary(env: CheckerEnvironment, lib: StdlibLibrary): CheckerEnvironment {
  let globals: Map<string, Field> | undefined;
  return {
    ...env,
    resolve: (name) => (name.startsWith('lua.') ? lib.types.get(name) ?? env.resolve(name) : env.resolve(name)),
    globals() {
      if (!globals) {
        globals = new Map(lib.globals);
        for (const [name, f] of env.globals()) {
          if ((f as { module?: string }).module !== 'lua' && !globals.has(name)) globals.set(name, f);
        }
      }
      return globals;
    },
  };
}

function registryEnvironment(registry: RegistryLike): CheckerEnvironment {
  const cache = new Map<string, ModuleInfo | undefined>();
  let globals: ReadonlyMap<string, Field> | undefined;
  let names: readonly string[] | undefined;
  return {
    resolve: (name) => registry.resolve(name),
    module(name) {
      if (cache.has(name)) return cache.get(name);
      const def = registry.get(name);
      const exportType = def?.types().exportType;
      const info = def && exportType && {
        name: def.name,
        type: exportType,
        workflowSafe: def.class.some((c) => WORKFLOW_SAFE.has(c)),
        classes: def.class,
        description: def.description,
      };
      cache.set(name, info);
      return info;
    },
    moduleNames: () => (names ??= registry.list().filter((m) => m.types().exportType).map((m) => m.name)),
    globals() {
      if (!globals) {
        const g = registry.globals();
        globals = g instanceof Map ? g : new Map(Object.entries(g));
      }
      return globals;
    },
  };
}

/** An environment with the given modules and globals only (for tests and tools). */
export function staticEnvironment(modules: readonly ModuleInfo[], globals: ReadonlyMap<string, Field> = new Map(), types: ReadonlyMap<string, Type> = new Map()): CheckerEnvironment {
  const byName = new Map(modules.map((m) => [m.name, m]));
  return {
    resolve: (name) => types.get(name),
    module: (name) => byName.get(name),
    moduleNames: () => [...byName.keys()],
    globals: () => globals,
  };
}
