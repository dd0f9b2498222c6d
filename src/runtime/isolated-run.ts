// Runs one script in a worker thread supervised by the calling thread: `luamod run` and the language
// server's Run Lua Script both go through here. The worker runs `runScript` (count hook, string
// limits, scheduler: all unchanged); the supervisor adds what the hook cannot do while the script
// is stuck inside one library call or between two hook checks:
// - time: at the time limit + a grace period it terminates the worker (a backtracking
//   `string.find` never returns to the hook);
// - memory: every few ms it reads the process's resident memory and terminates the worker once the
//   script has grown it past the memory limit + a slack (`s = s .. s` doubles a string ~30 times
//   between two hook checks; fengari strings are Uint8Arrays, off the V8 heap).
// The worker runs the same bundle (`workerFile`, default: this bundle); the bundle's entry point
// hands such a worker to `serveIsolatedRun`, which builds the modules it is given. The supervising
// thread never loads fengari: only the worker imports the engine.
import { writeSync } from 'node:fs';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import type { LuaValue } from '../module/host-api';
import type { ModuleDef } from '../module/module-def';
import type { RunScriptOptions, RunScriptResult } from './run-script';
import { workflowModules, workflowSourceCheck } from './workflow';
import { setLongTimeout } from './long-timer';

/** What a run needs: all plain data, it crosses into the worker. (Timeout: absent, 0 or Infinity: none.) */
export type IsolatedRun = Pick<RunScriptOptions,
  'source' | 'chunkName' | 'args' | 'env' | 'fsRoot' | 'actor' | 'scope' | 'timeoutMs' | 'memoryBytes' | 'stringBytes' | 'project'> & {
  /** Only workflow-safe modules, in the script and in every project file it requires. */
  readonly workflow?: boolean;
  /**
   * The worker writes `print` output to fd 1 and log lines to fd 2 itself, synchronously, the way a
   * CLI writes them (no message per print; nothing printed before a stuck call is lost). The
   * supervisor then sees neither: `onOutput` and `log` are not called and `output` stays empty.
   */
  readonly stdio?: boolean;
  /** The host's module files (absolute), loaded in the worker after the given modules (`.luamodrc.json` "modules"). */
  readonly moduleFiles?: readonly string[];
};

/** Formats a log entry as the line the worker writes to fd 2 (`stdio` runs). */
export type LogFormatter = (level: string, message: string, fields: Readonly<Record<string, unknown>>) => string;

export interface SupervisorOptions {
  /** Streams `print` output as it happens (in the order the script printed it, logs included). */
  readonly onOutput?: (text: string) => void;
  readonly log?: (level: string, message: string, fields?: Record<string, unknown>) => void;
  /** The worker's V8 old-generation cap in MB (default: V8's own). */
  readonly heapMb?: number;
  /** The bundle the worker runs (default: this bundle). Its entry point must call `serveIsolatedRun`. */
  readonly workerFile?: string;
}

/** Why the supervisor stopped a run (absent: the run ended by itself). */
export type Stopped = 'time' | 'memory' | 'worker';

export interface IsolatedResult extends RunScriptResult {
  readonly stopped?: Stopped;
}

/** Time allowed past the script's own time limit before the worker is terminated (the hook normally stops it first). */
export const GRACE_MS = 1000;
/** How often the supervisor reads the process's resident memory. */
export const MEMORY_POLL_MS = 10;

/**
 * The resident-memory growth at which the supervisor stops a run with memory limit `limit`: the
 * limit plus a slack of max(limit, 256 MiB). Resident memory runs above what the hook measures (V8
 * keeps freed pages, the worker's own code and heap grow), so at the limit itself the supervisor
 * would stop scripts the hook lets run; with the slack it only catches growth the hook cannot see.
 */
export function supervisorMemoryBytes(limit: number): number {
  return limit + Math.max(limit, 256 * 1024 * 1024);
}

type FromWorker =
  /** The script is about to start: the process's resident memory and the memory limit in force. */
  | { readonly started: { rss: number; memoryBytes: number; memoryText: string } }
  | { readonly output: string }
  | { readonly log: { level: string; message: string; fields?: Record<string, unknown> } }
  | { readonly result: RunScriptResult };

interface WorkerData { readonly luamodRun?: IsolatedRun }

/**
 * In a worker started by `runIsolated`: runs its script with `modules` and posts output, logs and
 * the result. Returns false (and does nothing) in any other thread.
 */
export function serveIsolatedRun(modules: readonly ModuleDef[], formatLog: LogFormatter = defaultLogLine): boolean {
  const run = (workerData as WorkerData | null)?.luamodRun;
  if (isMainThread || !run || !parentPort) return false;
  const port = parentPort;
  const post = (m: FromWorker) => port.postMessage(m);
  const { workflow, stdio, moduleFiles, ...options } = run;
  const internal = (e: unknown): FromWorker => ({
    result: { output: '', result: [], error: { message: `internal error: ${e instanceof Error ? e.message : String(e)}`, kind: 'INTERNAL' }, durationMs: 0 },
  });
  // The engine is imported here, in the worker only.
  void Promise.all([import('./run-script'), import('./resource-limits'), import('../module/module-file')]).then(async ([{ runScript }, { DEFAULT_MEMORY_BYTES, formatBytes }, { loadModuleFilesSync, formatModuleFileError, withHostModules }]) => {
    // The caller checked the module files before starting the worker; a problem here is still reported, not thrown.
    const host = loadModuleFilesSync(moduleFiles ?? [], process.cwd());
    if (host.errors.length) throw new Error(host.errors.map(formatModuleFileError).join('; '));
    const all = withHostModules(modules, host.modules);
    const memoryBytes = run.memoryBytes ?? DEFAULT_MEMORY_BYTES;
    // The baseline of the supervisor's memory check: the process as it is before the script starts.
    post({ started: { rss: process.memoryUsage.rss(), memoryBytes, memoryText: formatBytes(memoryBytes) } });
    const result = await runScript({
      ...options,
      modules: workflow ? workflowModules(all) : all,
      ...(workflow ? { checkSource: workflowSourceCheck(all) } : {}),
      ...(host.dispatchers.length ? { dispatchers: host.dispatchers } : {}),
      ...(stdio
        ? { onOutputBytes: (bytes: Uint8Array) => writeAll(1, bytes), log: (level: string, message: string, fields?: Record<string, unknown>) => writeAll(2, formatLog(level, message, fields ?? {})) }
        : {
            onOutput: (text: string) => post({ output: text }),
            log: (level: string, message: string, fields?: Record<string, unknown>) => post({ log: { level, message, ...(fields ? { fields: cloneable(fields) as Record<string, unknown> } : {}) } }),
          }),
    });
    // Returned values cross the thread boundary: anything that cannot be cloned travels as text.
    post({ result: { ...result, result: result.result.map((v) => cloneable(v) as LuaValue), output: '' } });
  }).catch((e: unknown) => post(internal(e)));
  return true;
}

function defaultLogLine(level: string, message: string, fields: Readonly<Record<string, unknown>>): string {
  return `${JSON.stringify({ level, msg: message, ...fields })}\n`;
}

const pause = new Int32Array(new SharedArrayBuffer(4));

/** Writes all of `data` (text as UTF-8, bytes as they are) to `fd`, synchronously; waits out a full non-blocking pipe (EAGAIN). A closed stream drops the data. */
export function writeAll(fd: number, data: string | Uint8Array): void {
  let bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  while (bytes.length > 0) {
    try {
      bytes = bytes.subarray(writeSync(fd, bytes));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EAGAIN') return;
      Atomics.wait(pause, 0, 0, 1);
    }
  }
}

/** A value that survives structured cloning: itself, or its text. */
function cloneable(v: unknown): unknown {
  try {
    return structuredClone(v);
  } catch {
    return String(v);
  }
}

/** Runs `run` in a fresh worker thread under supervision; never rejects. `output` holds everything printed. */
export function runIsolated(run: IsolatedRun, options: SupervisorOptions = {}): Promise<IsolatedResult> {
  const started = performance.now();
  // The limit in force and its text come from the worker (which knows the default) when it starts.
  let memoryText = '';
  let output = '';
  return new Promise((resolve) => {
    let settled = false;
    let cancelTimer: (() => void) | undefined;
    let poll: NodeJS.Timeout | undefined;
    const finish = (r: Omit<IsolatedResult, 'output' | 'durationMs'> & { durationMs?: number }) => {
      if (settled) return;
      settled = true;
      cancelTimer?.();
      clearInterval(poll);
      void worker.terminate();
      resolve({ ...r, output, durationMs: r.durationMs ?? performance.now() - started });
    };
    const worker = new Worker(options.workerFile ?? __filename, {
      workerData: { luamodRun: run } satisfies WorkerData,
      ...(options.heapMb ? { resourceLimits: { maxOldGenerationSizeMb: options.heapMb } } : {}),
    });
    const arm = ({ rss: baseline, memoryBytes, memoryText: text }: { rss: number; memoryBytes: number; memoryText: string }) => {
      memoryText = text;
      const timeoutMs = run.timeoutMs ?? 0;
      if (timeoutMs > 0 && Number.isFinite(timeoutMs)) {
        cancelTimer = setLongTimeout(() => finish({
          result: [],
          error: { message: `script exceeded its time limit of ${timeoutMs} ms inside a library call`, kind: 'TIMEOUT' },
          stopped: 'time',
        }), timeoutMs + GRACE_MS);
      }
      if (memoryBytes > 0) {
        const threshold = supervisorMemoryBytes(memoryBytes);
        poll = setInterval(() => {
          if (process.memoryUsage.rss() - baseline > threshold) {
            finish({ result: [], error: { message: `script exceeded its memory limit of ${memoryText}`, kind: 'UNAVAILABLE' }, stopped: 'memory' });
          }
        }, MEMORY_POLL_MS);
      }
    };
    worker.on('message', (m: FromWorker) => {
      if (settled) return;
      if ('output' in m) {
        output += m.output;
        options.onOutput?.(m.output);
      } else if ('log' in m) options.log?.(m.log.level, m.log.message, m.log.fields);
      else if ('started' in m) arm(m.started);
      else finish(m.result);
    });
    worker.on('error', (e: Error & { code?: string }) => finish(e.code === 'ERR_WORKER_OUT_OF_MEMORY'
      ? { result: [], error: { message: memoryText ? `script exceeded its memory limit of ${memoryText}` : 'script ran out of memory', kind: 'UNAVAILABLE' }, stopped: 'memory' }
      : { result: [], error: { message: `the script's worker failed: ${e.message}`, kind: 'INTERNAL' }, stopped: 'worker' }));
    worker.on('exit', () => finish({ result: [], error: { message: "the script's worker stopped", kind: 'INTERNAL' }, stopped: 'worker' }));
  });
}
