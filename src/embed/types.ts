// The public shapes of the embedding API: what `createRuntime` takes, what `run` takes and returns.
// Plain data, shared by the "thread" and the "pool" runtimes (and cloneable across threads).
import type { Dispatcher, ErrorKind, LuaValue } from '../module/host-api';
import type { ModuleDef } from '../module/module-def';
import type { ProjectModules } from '../runtime/require';
import type { Actor, Policy } from '../runtime/security';

/** Where scripts run. */
export type Isolation = 'thread' | 'pool';

/** Default limits of every run (each run may override them). */
export interface RuntimeLimits {
  /** Wall-clock limit of a run in ms (default 30,000; 0: none). */
  readonly timeoutMs?: number;
  /** Memory a run may hold, in MiB (default 256). Per script in "pool" mode; per engine in "thread" mode. */
  readonly memoryMb?: number;
  /** Instruction budget of a run (default: none). */
  readonly instructions?: number;
  /** Largest string one library call may build, in bytes (default 16 MiB). */
  readonly stringBytes?: number;
}

export interface RuntimeOptions {
  /**
   * The host's modules. "thread": ModuleDefs, or module files. "pool": module files only (paths of
   * JS files exporting `modules: ModuleDef[]` and optionally `dispatchers: Dispatcher[]`, resolved
   * from the current directory), since functions cannot cross threads.
   */
  readonly modules?: readonly ModuleDef[] | string | readonly string[];
  /** Handlers of the modules' yields beyond those their builds declare ("thread" only; a pool loads them from the module files). */
  readonly dispatchers?: readonly Dispatcher[];
  readonly limits?: RuntimeLimits;
  /** "thread" (default): in the host's event loop. "pool": worker threads, each with its own engine. */
  readonly isolation?: Isolation;
  /** Pool size ("pool" only; default: the number of CPUs, at least 2). */
  readonly poolSize?: number;
  /** The environment map modules see (`ProcessContext.host.env`; default: empty). */
  readonly env?: Readonly<Record<string, string>>;
  /** The directory the `fs` module is confined to. */
  readonly fsRoot?: string;
  /**
   * Where scripts' `require` finds the host's own Lua files: `root` (nothing outside it is loaded),
   * optionally `path` templates (default `?.lua`, `?/init.lua`) and `external` names (docs/projects.md).
   * Absent: `require` finds the modules and the standard library only.
   */
  readonly project?: ProjectModules;
}

/** What to run: Lua source text, or a file read as UTF-8. */
export type RunSource = string | { readonly file: string };

export interface RunOptions {
  /** The chunk name in messages (default: the file path, or `script`). */
  readonly name?: string;
  /** The chunk's `...`. */
  readonly args?: readonly LuaValue[];
  /** Who runs the script: host functions consult it through `ProcessContext`. */
  readonly actor?: Actor;
  /** What the actor may do (deny wins; nothing matching denies). */
  readonly permissions?: readonly Policy[];
  readonly timeoutMs?: number;
  readonly memoryMb?: number;
  /** Streams `print` output as it happens (it is also collected into `output`). */
  readonly onOutput?: (text: string) => void;
}

export interface RunError {
  readonly kind: ErrorKind;
  /** The message without its `file:line:` prefix. */
  readonly message: string;
  readonly file?: string;
  readonly line?: number;
  /** The Lua traceback, when there is one. */
  readonly stack?: string;
}

export interface RunResult {
  readonly ok: boolean;
  /** The chunk's return values, converted as `LState.get` converts them. */
  readonly values: LuaValue[];
  readonly error?: RunError;
  /** What the script printed. */
  readonly output: string;
}

export interface Runtime {
  /** Runs a script; never rejects for script problems (syntax errors, limits, a dead worker). */
  run(source: RunSource, options?: RunOptions): Promise<RunResult>;
  /** Stops every run (CANCELED) and frees the engine or the workers. */
  close(): Promise<void>;
}

export const DEFAULT_TIMEOUT_MS = 30_000;
export const DEFAULT_MEMORY_MB = 256;
