// The per-engine and per-process state shared by the runtime's files (no logic here).
// One EngineState per fengari state; one ProcessState per running script.
import type { lua_State } from 'fengari';
import type { LuaErrorInit, ProcessContext, Yield } from '../module/host-api';

/** Why a process was stopped by the runtime rather than by its script. */
export interface KillReason extends LuaErrorInit { readonly where?: string }

/** Marker values a process hands outward when it suspends without a host command. */
export const SLICE = Symbol('slice');
export const KILL = Symbol('kill');
export type Outward = Yield | typeof SLICE | typeof KILL;

/** Limits applied to every process (all optional; 0 or undefined means no limit). */
export interface Limits {
  /** Wall-clock limit per process, from its start. */
  readonly timeMs?: number;
  /** Instruction budget per process (counted in steps of `hookCount`). */
  readonly instructions?: number;
  /** A running script yields to others after this long (default 10 ms). */
  readonly sliceMs?: number;
  /** Instructions between two checks of the limits (default 1000). */
  readonly hookCount?: number;
  /** Memory the engine's scripts may add (V8 heap + external bytes since the engine started; default 256 MiB). */
  readonly memoryBytes?: number;
  /** Largest string one string.rep / string.format / string.gsub / table.concat call may build (default 16 MiB). */
  readonly stringBytes?: number;
}

export interface ProcessState {
  pid: string;
  readonly thread: lua_State;
  readonly context: ProcessContext;
  readonly output: (text: string) => void;
  /** Registry reference of the process's globals table (its _ENV). */
  readonly envRef: number;
  /** Set by a host yield or the hook right before the thread yields; read by the scheduler. */
  outward: Outward | null;
  /** The qualified name of the host function that yielded. */
  pendingName: string;
  /** Modules this process may bind (null: all of the engine's). */
  readonly modules: ReadonlySet<string> | null;
  /** What the handler answered, read by the host function's continuation. */
  answer: { data: unknown; err: unknown } | null;
  instructions: number;
  sliceStart: number;
  /** performance.now() after which the process is stopped (0: none), and the limit it came from. */
  deadline: number;
  timeMs: number;
  /** Instruction budget (0: none). */
  budget: number;
  killed: KillReason | null;
  /** `chunk:line:` where the hook last time-sliced the process (for a deadline passing meanwhile). */
  sliceWhere: string;
  /** The process's own math.random state once it called math.randomseed (undefined: Math.random). */
  random?: number;
}

export interface EngineState {
  readonly L: lua_State;
  current: ProcessState | undefined;
  readonly limits: Required<Limits>;
  /** Default output sink. */
  readonly output: (text: string) => void;
  /** Default output sink for raw bytes (`print` uses it, when present, instead of decoding for `output`). */
  readonly outputBytes?: (bytes: Uint8Array) => void;
}
