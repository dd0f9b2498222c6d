// ModuleDef: the one description of a host module that the checker, the server, the docs and the
// runtime all read. The type part (`types`) is pure data; the runtime part (`build`) is only
// called by the runtime, once per engine.
import type { TypeManifest } from '../types/manifest';
import type { ModuleBuild } from './host-api';

/** Where a module may be used. A module is workflow-safe when it is `deterministic` or `workflow`. */
export enum ModuleClass {
  Deterministic = 'deterministic',
  Nondeterministic = 'nondeterministic',
  IO = 'io',
  Network = 'network',
  Storage = 'storage',
  Workflow = 'workflow',
  Encoding = 'encoding',
  Time = 'time',
  Process = 'process',
  Security = 'security',
}

export const MODULE_CLASSES: readonly string[] = Object.values(ModuleClass);

export interface ModuleDef {
  /** The name scripts `require` and see as a global. */
  readonly name: string;
  /** One line first; markdown. */
  readonly description: string;
  readonly class: readonly ModuleClass[];
  /** The module's TypeManifest (built on demand; cheap and pure). */
  readonly types: () => TypeManifest;
  /** Builds the runtime table, the userdata types and the yields the module may issue. */
  readonly build?: () => ModuleBuild;
  /** Where the definition lives, for go-to-definition (absolute path or path relative to the package). */
  readonly source?: string;
}

/** A module may be used in a workflow script when its classes include `deterministic` or `workflow`. */
export function isWorkflowSafe(def: Pick<ModuleDef, 'class'>): boolean {
  return def.class.includes(ModuleClass.Deterministic) || def.class.includes(ModuleClass.Workflow);
}
