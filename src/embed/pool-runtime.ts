// The "pool" runtime: worker threads, each with its own engine built from the host's module files,
// each running one script at a time. A worker's V8 heap limit (resourceLimits) is the memory limit of
// the script it runs; a script past its time limit that its worker cannot stop (or a worker out of
// memory) costs that worker only: it is terminated and replaced while the other runs go on.
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { FromPoolWorker, PoolJob, PoolWorkerData } from './pool-protocol';
import { runResult } from './run-error';
import { DEFAULT_MEMORY_MB, DEFAULT_TIMEOUT_MS, type RunError, type RunOptions, type RunResult, type RunSource, type Runtime, type RuntimeOptions } from './types';

export interface PoolRuntimeOptions extends Omit<RuntimeOptions, 'modules' | 'dispatchers'> {
  readonly modules: readonly string[];
  /** The worker entry (default: dist/pool-worker.js beside this file). */
  readonly workerFile?: string;
}

/** How long after a run's time limit the pool terminates a worker that did not stop the script itself. */
export const POOL_GRACE_MS = 50;
/** Heap a worker needs beyond the script's own: its engine, the modules, garbage awaiting collection. */
const WORKER_BASE_MB = 48;

interface Job {
  readonly message: PoolJob;
  readonly memoryMb: number;
  readonly onOutput?: (text: string) => void;
  readonly resolve: (r: RunResult) => void;
}

interface Slot {
  readonly worker: Worker;
  readonly memoryMb: number;
  ready: boolean;
  job: Job | undefined;
  timer: NodeJS.Timeout | undefined;
  /** Set once the slot is being terminated: its events are ignored. */
  dead: boolean;
}

/** Default worker entry: the bundled dist/pool-worker.js (from the sources, the repository's build). */
function defaultWorkerFile(): string {
  return __filename.endsWith('.ts') ? resolve(__dirname, '../../dist/pool-worker.js') : join(__dirname, 'pool-worker.js');
}

export function createPoolRuntime(options: PoolRuntimeOptions): Runtime {
  const size = Math.max(1, options.poolSize ?? Math.max(2, availableParallelism()));
  const limits = options.limits ?? {};
  const defaultMemory = limits.memoryMb ?? DEFAULT_MEMORY_MB;
  const workerFile = options.workerFile ?? defaultWorkerFile();
  const cwd = process.cwd();
  const slots: Slot[] = [];
  const queue: Job[] = [];
  let nextId = 0;
  let closed = false;
  /** A module file that fails in a worker fails in every worker: every run then fails with it. */
  let fatal: string | undefined;

  const fail = (job: Job, error: RunError) => job.resolve(runResult([], '', error));

  const spawn = (memoryMb: number): Slot => {
    const data: PoolWorkerData = { modules: options.modules, cwd, env: options.env, fsRoot: options.fsRoot, ...(options.project ? { project: options.project } : {}), limits, memoryMb };
    const worker = new Worker(workerFile, {
      workerData: { luamodPool: data },
      resourceLimits: { maxOldGenerationSizeMb: memoryMb + WORKER_BASE_MB },
      stdout: false,
      stderr: false,
    });
    worker.unref();
    const slot: Slot = { worker, memoryMb, ready: false, job: undefined, timer: undefined, dead: false };
    let output = '';
    worker.on('message', (m: FromPoolWorker) => {
      if (slot.dead) return;
      if ('ready' in m) {
        slot.ready = true;
        pump();
      } else if ('fatal' in m) {
        fatal = m.fatal;
        retire(slot);
        for (const j of queue.splice(0)) fail(j, { kind: 'INVALID', message: fatal });
      } else if ('output' in m) {
        output += m.output;
        slot.job?.onOutput?.(m.output);
      } else if (slot.job && m.id === slot.job.message.id) {
        const job = slot.job;
        clearTimeout(slot.timer);
        slot.job = undefined;
        worker.unref();
        job.resolve(output ? { ...m.result, output: output + m.result.output } : m.result);
        output = '';
        pump();
      }
    });
    const lost = (error: RunError) => {
      if (slot.dead) return;
      const job = slot.job;
      retire(slot);
      if (job) fail(job, error);
      pump();
    };
    worker.on('error', (e: Error & { code?: string }) => lost(e.code === 'ERR_WORKER_OUT_OF_MEMORY'
      ? { kind: 'UNAVAILABLE', message: `script exceeded its memory limit of ${slot.job?.memoryMb ?? memoryMb} MiB` }
      : { kind: 'INTERNAL', message: `the script's worker failed: ${e.message}` }));
    worker.on('exit', () => lost({ kind: 'INTERNAL', message: "the script's worker stopped" }));
    slots.push(slot);
    return slot;
  };

  /** Terminates a slot's worker and forgets it (its job, if any, is the caller's to settle). */
  const retire = (slot: Slot) => {
    slot.dead = true;
    clearTimeout(slot.timer);
    slots.splice(slots.indexOf(slot), 1);
    void slot.worker.terminate();
  };

  const start = (slot: Slot, job: Job) => {
    slot.job = job;
    // A busy worker keeps the host process alive until its run settles; an idle one does not.
    slot.worker.ref();
    const t = job.message.timeoutMs;
    if (t > 0 && Number.isFinite(t)) {
      slot.timer = setTimeout(() => {
        if (slot.job !== job) return;
        retire(slot);
        fail(job, { kind: 'TIMEOUT', message: `script exceeded its time limit of ${t} ms (its worker was stopped)` });
        pump();
      }, t + POOL_GRACE_MS);
    }
    slot.worker.postMessage(job.message);
  };

  const pump = () => {
    while (queue.length > 0 && !closed && fatal === undefined) {
      const job = queue[0];
      const idle = slots.find((s) => s.ready && !s.job && s.memoryMb === job.memoryMb);
      if (idle) {
        queue.shift();
        start(idle, job);
        continue;
      }
      const starting = slots.filter((s) => !s.ready && s.memoryMb === job.memoryMb).length;
      const waiting = queue.filter((j) => j.memoryMb === job.memoryMb).length;
      if (starting >= waiting) return;
      if (slots.length < size) {
        spawn(job.memoryMb);
        continue;
      }
      // Every slot taken: replace an idle worker started for another memory limit.
      const other = slots.find((s) => s.ready && !s.job);
      if (!other) return;
      retire(other);
    }
  };

  return {
    async run(source: RunSource, o: RunOptions = {}): Promise<RunResult> {
      if (closed) return runResult([], '', { kind: 'CANCELED', message: 'the runtime is closed' });
      if (fatal !== undefined) return runResult([], '', { kind: 'INVALID', message: fatal });
      const message: PoolJob = {
        id: ++nextId,
        ...(typeof source === 'string' ? { text: source } : { file: resolve(cwd, source.file) }),
        name: o.name ?? (typeof source === 'string' ? undefined : source.file),
        args: o.args,
        actor: o.actor,
        permissions: o.permissions,
        timeoutMs: o.timeoutMs ?? limits.timeoutMs ?? DEFAULT_TIMEOUT_MS,
        stream: o.onOutput !== undefined,
      };
      return new Promise<RunResult>((resolve) => {
        queue.push({ message, memoryMb: o.memoryMb ?? defaultMemory, onOutput: o.onOutput, resolve });
        pump();
      });
    },
    async close() {
      closed = true;
      for (const j of queue.splice(0)) fail(j, { kind: 'CANCELED', message: 'the runtime was closed' });
      const all = [...slots];
      for (const s of all) {
        const job = s.job;
        retire(s);
        if (job) fail(job, { kind: 'CANCELED', message: 'the runtime was closed' });
      }
      await Promise.all(all.map((s) => s.worker.terminate()));
    },
  };
}
