// Runs a script for `luamod/runScript` in a worker thread, so that nothing a script does can block
// or exhaust the server: a library call stuck for hours (a backtracking pattern) is ended by
// terminating the worker, the worker's heap is capped, and a string doubled past the memory limit
// between two hook checks is stopped by the supervisor's memory poll. The worker runs this same
// bundle; the supervision itself lives in src/runtime/isolated-run.ts (shared with `luamod run`).
import { builtinModules } from '../../src/modules';
import { runIsolated as runSupervised, serveIsolatedRun, type IsolatedResult } from '../../src/runtime/isolated-run';
import type { ProjectModules } from '../../src/runtime/require';

/** What a run needs (all plain data: it crosses into the worker). */
export interface IsolatedRun {
  readonly source: string;
  readonly chunkName: string;
  readonly timeoutMs: number;
  readonly fsRoot?: string;
  /** Where `require` finds the workspace's own Lua files. */
  readonly project?: ProjectModules;
  /** Only workflow-safe modules, in the script and in every project file it requires. */
  readonly workflow?: boolean;
}

/** The worker's V8 heap cap, above the runtime's own memory limit (256 MiB by default). */
const HEAP_MB = 512;

/** In the worker: runs the script and posts its output and result. True when this thread is such a worker. */
export function serveScriptWorker(): boolean {
  return serveIsolatedRun(builtinModules);
}

/** Runs `run` in a fresh worker (time limit + 1 s, default memory limit); never rejects. */
export function runIsolated(run: IsolatedRun): Promise<IsolatedResult> {
  return runSupervised(run, { heapMb: HEAP_MB });
}
