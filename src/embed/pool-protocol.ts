// The messages between the pool (main thread) and its workers. Plain, structured-cloneable data.
import type { LuaValue } from '../module/host-api';
import type { ProjectModules } from '../runtime/require';
import type { Actor, Policy } from '../runtime/security';
import type { RunResult, RuntimeLimits } from './types';

/** What a worker is started with (`workerData.luamodPool`). */
export interface PoolWorkerData {
  readonly modules: readonly string[];
  readonly cwd: string;
  readonly env?: Readonly<Record<string, string>>;
  readonly fsRoot?: string;
  readonly project?: ProjectModules;
  readonly limits: RuntimeLimits;
  /** The heap limit this worker was started with; the engine's own memory check is set from it. */
  readonly memoryMb: number;
}

export interface PoolJob {
  readonly id: number;
  readonly text?: string;
  readonly file?: string;
  readonly name?: string;
  readonly args?: readonly LuaValue[];
  readonly actor?: Actor;
  readonly permissions?: readonly Policy[];
  readonly timeoutMs: number;
  /** Send output as it is printed (the run has an onOutput). */
  readonly stream: boolean;
}

export type FromPoolWorker =
  | { readonly ready: true }
  | { readonly fatal: string }
  | { readonly id: number; readonly output: string }
  | { readonly id: number; readonly result: RunResult };
