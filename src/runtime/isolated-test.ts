// `luamod test` under supervision: test files run in a worker thread, one file at a time, and the
// calling thread watches it as it watches `luamod run` (isolated-run.ts): a test stuck inside one
// library call past its time limit + a grace period, or memory grown past the limit + a slack
// between two hook checks, ends with the worker terminated. The stopped test is reported as a
// failure (TIMEOUT or memory, at the line its function starts on), a new worker is started, and the
// file goes on with its remaining tests; the other files run as usual. A healthy worker is reused
// for the next file (start-up costs ~100 ms); each file gets a fresh engine and its own copy of the
// environment map. The supervising thread never loads fengari.
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import type { Dispatcher } from '../module/host-api';
import type { ModuleDef } from '../module/module-def';
import { GRACE_MS, MEMORY_POLL_MS, supervisorMemoryBytes, writeAll } from './isolated-run';
import type { Actor, SecurityScope } from './security';
import type { RunScriptOptions } from './run-script';
import type { TestCaseResult, TestFileResult } from './test-runner';

/** What every file of a run shares: plain data, it crosses into the worker. */
export interface IsolatedTestOptions {
  /** The environment map; each file gets its own copy (`env.set` in one file is not seen by the next). */
  readonly env?: Readonly<Record<string, string>>;
  readonly fsRoot?: string;
  readonly actor?: Actor;
  readonly scope?: SecurityScope;
  /** Time limit per test (ms; absent or 0: none). */
  readonly timeoutMs?: number;
  /** Memory a file's tests may add (bytes; default 256 MiB; 0: none). */
  readonly memoryBytes?: number;
  readonly stringBytes?: number;
  /** Runs only the tests whose name matches (a JavaScript regular expression's source and flags). */
  readonly filter?: { readonly source: string; readonly flags: string };
  /** Where the worker writes what tests print, synchronously (default 1: stdout; 2: stderr). */
  readonly outputFd?: 1 | 2;
}

export interface TestSupervisorOptions {
  /** The bundle the worker runs (default: this bundle); its entry point must call `serveIsolatedTests`. */
  readonly workerFile?: string;
  /** The worker's V8 old-generation cap in MB (default: V8's own). */
  readonly heapMb?: number;
  /** Called as each test of a file ends (in order), before the file's result. */
  readonly onCase?: (file: string, result: TestCaseResult) => void;
}

/** One test file to run. */
export interface TestJob {
  readonly source: string;
  /** The name in messages (the file's path). */
  readonly chunkName: string;
  /** Where its `require` finds the project's files (plain data: it crosses into the worker). */
  readonly project?: RunScriptOptions['project'];
  /** The host's module files (absolute; `.luamodrc.json` "modules"), loaded in the worker after the given modules. */
  readonly moduleFiles?: readonly string[];
}

export interface TestSupervisor {
  /** Runs one file's tests; never rejects. */
  runFile(job: TestJob): Promise<TestFileResult>;
  /** How many workers were started so far (a new one after each that was stopped). */
  readonly workersStarted: number;
  /** Terminates the worker. */
  close(): Promise<void>;
}

/** Node's timers overflow past 2^31 - 1 ms (and would fire at once). */
const MAX_TIMER_MS = 2 ** 31 - 1;

type ToWorker = { readonly job: TestJob & { readonly id: number; readonly skip: readonly string[] } };
type FromWorker =
  | { readonly ready: { memoryBytes: number; memoryText: string } }
  /** A file starts: the process's resident memory then (the memory check's baseline). */
  | { readonly file: { id: number; rss: number } }
  | { readonly begin: { id: number; name: string; line?: number } }
  | { readonly case: { id: number; result: TestCaseResult } }
  | { readonly done: { id: number; result: TestFileResult } }
  | { readonly failed: { id: number; message: string } };

interface WorkerData { readonly luamodTest?: IsolatedTestOptions }

/**
 * In a worker started by `createTestSupervisor`: runs the files it is sent with `modules`. Returns
 * false (and does nothing) in any other thread.
 */
export function serveIsolatedTests(modules: readonly ModuleDef[]): boolean {
  const options = (workerData as WorkerData | null)?.luamodTest;
  if (isMainThread || !options || !parentPort) return false;
  const port = parentPort;
  const post = (m: FromWorker) => port.postMessage(m);
  const fd = options.outputFd ?? 1;
  const filter = options.filter ? new RegExp(options.filter.source, options.filter.flags) : undefined;
  // The engine is imported here, in the worker only.
  void Promise.all([import('./test-runner'), import('./resource-limits'), import('../module/module-file')]).then(([{ runTestFile }, { DEFAULT_MEMORY_BYTES, formatBytes }, { formatModuleFileError, loadModuleFilesSync, withHostModules }]) => {
    const memoryBytes = options.memoryBytes ?? DEFAULT_MEMORY_BYTES;
    // The host's module files, loaded once per worker for each set of files (the caller checked them).
    const hosts = new Map<string, { modules: readonly ModuleDef[]; dispatchers: readonly Dispatcher[] }>();
    const hostFor = (files: readonly string[]) => {
      const key = files.join('\0');
      let host = hosts.get(key);
      if (!host) {
        const loaded = loadModuleFilesSync(files, process.cwd());
        if (loaded.errors.length) throw new Error(loaded.errors.map(formatModuleFileError).join('; '));
        host = { modules: withHostModules(modules, loaded.modules), dispatchers: loaded.dispatchers };
        hosts.set(key, host);
      }
      return host;
    };
    port.on('message', (m: ToWorker) => {
      const { id, skip, moduleFiles, ...job } = m.job;
      post({ file: { id, rss: process.memoryUsage.rss() } });
      let host: { modules: readonly ModuleDef[]; dispatchers: readonly Dispatcher[] };
      try {
        host = moduleFiles?.length ? hostFor(moduleFiles) : { modules, dispatchers: [] };
      } catch (e) {
        post({ failed: { id, message: e instanceof Error ? e.message : String(e) } });
        return;
      }
      runTestFile({
        ...job,
        modules: host.modules,
        ...(host.dispatchers.length ? { dispatchers: host.dispatchers } : {}),
        env: { ...options.env },
        fsRoot: options.fsRoot,
        actor: options.actor,
        scope: options.scope,
        timeoutMs: options.timeoutMs,
        memoryBytes,
        ...(options.stringBytes !== undefined ? { stringBytes: options.stringBytes } : {}),
        skip,
        ...(filter ? { filter: (name: string) => { filter.lastIndex = 0; return filter.test(name); } } : {}),
        onOutput: (text) => writeAll(fd, text),
        onBegin: (name, line) => post({ begin: { id, name, ...(line !== undefined ? { line } : {}) } }),
        onCase: (result) => post({ case: { id, result } }),
      }).then(
        (result) => post({ done: { id, result } }),
        (e: unknown) => post({ failed: { id, message: e instanceof Error ? e.message : String(e) } }),
      );
    });
    post({ ready: { memoryBytes, memoryText: formatBytes(memoryBytes) } });
  }).catch((e: unknown) => post({ failed: { id: -1, message: e instanceof Error ? e.message : String(e) } }));
  return true;
}

/** Starts no worker until the first file; `options` apply to every file. */
export function createTestSupervisor(options: IsolatedTestOptions, supervisor: TestSupervisorOptions = {}): TestSupervisor {
  let worker: Worker | undefined;
  /** Resolves with the worker's memory limit once it is ready. */
  let ready: Promise<{ memoryBytes: number; memoryText: string } | string> | undefined;
  let listener: ((m: FromWorker) => void) | undefined;
  let onGone: ((why: string) => void) | undefined;
  let started = 0;
  let nextId = 0;

  const start = () => {
    started++;
    const w = new Worker(supervisor.workerFile ?? __filename, {
      workerData: { luamodTest: options } satisfies WorkerData,
      ...(supervisor.heapMb ? { resourceLimits: { maxOldGenerationSizeMb: supervisor.heapMb } } : {}),
    });
    worker = w;
    ready = new Promise((resolve) => {
      w.on('message', (m: FromWorker) => {
        if ('ready' in m) resolve(m.ready);
        else if ('failed' in m && m.failed.id === -1) resolve(m.failed.message);
        else listener?.(m);
      });
      const gone = (why: string) => {
        if (worker !== w) return;
        worker = undefined;
        resolve(why);
        onGone?.(why);
      };
      w.on('error', (e: Error & { code?: string }) => gone(e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'memory' : `the test worker failed: ${e.message}`));
      w.on('exit', () => gone('the test worker stopped'));
    });
  };
  const stop = () => {
    const w = worker;
    worker = undefined;
    if (w) void w.terminate();
  };

  /** One pass over a file in a worker: resolves with what was reported and why it ended early, if it did. */
  const pass = (job: TestJob, skip: readonly string[], results: TestCaseResult[]) =>
    new Promise<{ done: boolean; current?: { name: string; line?: number }; stopped?: string; memoryText?: string; elapsedMs?: number }>((resolve) => {
      if (!worker) {
        try {
          start();
        } catch (e) {
          resolve({ done: false, stopped: `cannot start the test worker: ${e instanceof Error ? e.message : String(e)}` });
          return;
        }
      }
      const w = worker as Worker;
      void (ready as Promise<{ memoryBytes: number; memoryText: string } | string>).then((limit) => {
        if (typeof limit === 'string') return resolve({ done: false, stopped: limit });
        const id = ++nextId;
        const timeoutMs = options.timeoutMs ?? 0;
        let current: { name: string; line?: number } | undefined;
        let began = performance.now();
        let timer: NodeJS.Timeout | undefined;
        let poll: NodeJS.Timeout | undefined;
        let settled = false;
        const finish = (r: { done: boolean; stopped?: string }) => {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          clearInterval(poll);
          listener = undefined;
          onGone = undefined;
          if (r.stopped !== undefined) stop();
          resolve({ ...r, ...(current ? { current } : {}), memoryText: limit.memoryText, elapsedMs: performance.now() - began });
        };
        // The time limit restarts with each test (and with the file's loading).
        const arm = () => {
          clearTimeout(timer);
          if (timeoutMs > 0 && Number.isFinite(timeoutMs)) timer = setTimeout(() => finish({ done: false, stopped: 'time' }), Math.min(timeoutMs + GRACE_MS, MAX_TIMER_MS));
        };
        onGone = (why) => finish({ done: false, stopped: why });
        listener = (m) => {
          if ('file' in m && m.file.id === id) {
            arm();
            if (limit.memoryBytes > 0) {
              const baseline = m.file.rss;
              const threshold = supervisorMemoryBytes(limit.memoryBytes);
              poll = setInterval(() => {
                if (process.memoryUsage.rss() - baseline > threshold) finish({ done: false, stopped: 'memory' });
              }, MEMORY_POLL_MS);
            }
          } else if ('begin' in m && m.begin.id === id) {
            current = { name: m.begin.name, ...(m.begin.line !== undefined ? { line: m.begin.line } : {}) };
            began = performance.now();
            arm();
          } else if ('case' in m && m.case.id === id) {
            current = undefined;
            results.push(m.case.result);
            supervisor.onCase?.(job.chunkName, m.case.result);
          } else if ('done' in m && m.done.id === id) {
            finish({ done: true });
          } else if ('failed' in m && m.failed.id === id) {
            finish({ done: false, stopped: `the test runner failed: ${m.failed.message}` });
          }
        };
        w.postMessage({ job: { ...job, id, skip } } satisfies ToWorker);
      });
    });

  return {
    async runFile(job) {
      const results: TestCaseResult[] = [];
      const skip: string[] = [];
      for (;;) {
        const r = await pass(job, skip, results);
        if (r.done) break;
        // The worker was stopped: the test it was running fails; the file goes on in a new worker.
        const name = r.current?.name ?? '(run)';
        const message = r.stopped === 'time'
          ? `test exceeded its time limit of ${options.timeoutMs} ms inside a library call [TIMEOUT]`
          : r.stopped === 'memory'
            ? `test exceeded its memory limit of ${r.memoryText ?? 'the worker'} [UNAVAILABLE]`
            : `${r.stopped ?? 'the test worker stopped'} [INTERNAL]`;
        const result: TestCaseResult = { name, ok: false, message, ...(r.current?.line !== undefined ? { line: r.current.line } : {}), ...(r.current && r.elapsedMs !== undefined ? { durationMs: r.elapsedMs } : {}) };
        results.push(result);
        supervisor.onCase?.(job.chunkName, result);
        if (!r.current || r.current.name === '(load)') break;
        skip.push(...results.map((t) => t.name));
      }
      return { file: job.chunkName, tests: results };
    },
    get workersStarted() { return started; },
    async close() {
      const w = worker;
      worker = undefined;
      if (w) await w.terminate();
    },
  };
}
