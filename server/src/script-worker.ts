// Runs a script for `luamod/runScript` in a worker thread, so that nothing a script does can block
// or exhaust the server: a library call stuck for hours (a backtracking pattern) is ended by
// terminating the worker, and the worker's heap is capped. The worker runs this same bundle.
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { builtinModules } from '../../src/modules';
import { runScript, type RunScriptResult } from '../../src/runtime/run-script';

/** What a run needs (all plain data: it crosses into the worker). */
export interface IsolatedRun {
  readonly source: string;
  readonly chunkName: string;
  readonly timeoutMs: number;
  readonly fsRoot?: string;
}

/** Time allowed past the script's own limit before the worker is terminated (the hook normally stops it first). */
const GRACE_MS = 1000;
/** The worker's V8 heap cap, above the runtime's own memory limit (256 MiB by default). */
const HEAP_MB = 512;

type WorkerMessage = { output: string } | { result: RunScriptResult };

/** In the worker: runs the script and posts its output and result. True when this thread is such a worker. */
export function serveScriptWorker(): boolean {
  const run = (workerData as { luamodRun?: IsolatedRun } | null)?.luamodRun;
  if (isMainThread || !run || !parentPort) return false;
  const port = parentPort;
  void runScript({
    ...run,
    modules: builtinModules,
    onOutput: (text) => port.postMessage({ output: text } satisfies WorkerMessage),
  }).then((result) => {
    // Returned values cross the thread boundary: anything that cannot be cloned travels as text.
    const values = result.result.map((v) => {
      try {
        return structuredClone(v);
      } catch {
        return String(v);
      }
    });
    port.postMessage({ result: { ...result, result: values, output: '' } } satisfies WorkerMessage);
  });
  return true;
}

/** Runs `run` in a fresh worker; never rejects. */
export function runIsolated(run: IsolatedRun): Promise<RunScriptResult> {
  const started = performance.now();
  let output = '';
  return new Promise((resolve) => {
    let settled = false;
    const finish = (r: Omit<RunScriptResult, 'output' | 'durationMs'> & { durationMs?: number }) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      resolve({ ...r, output, durationMs: r.durationMs ?? performance.now() - started });
    };
    const worker = new Worker(__filename, { workerData: { luamodRun: run }, resourceLimits: { maxOldGenerationSizeMb: HEAP_MB } });
    worker.on('message', (m: WorkerMessage) => {
      if ('output' in m) output += m.output;
      else finish(m.result);
    });
    worker.on('error', (e) => finish({ result: [], error: { message: `the script's worker failed: ${e.message}`, kind: 'INTERNAL' } }));
    worker.on('exit', () => finish({ result: [], error: { message: "the script's worker stopped", kind: 'INTERNAL' } }));
    const timer = Number.isFinite(run.timeoutMs) ? setTimeout(() => finish({
      result: [],
      error: { message: `script exceeded its time limit of ${run.timeoutMs} ms inside a library call`, kind: 'TIMEOUT' },
    }), run.timeoutMs + GRACE_MS) : undefined;
  });
}
