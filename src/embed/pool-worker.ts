// The entry point of a pool worker (bundled as dist/pool-worker.js): loads the host's module files,
// builds one engine, then runs the jobs the pool posts, one at a time, and posts each result.
import { parentPort, workerData } from 'node:worker_threads';
import type { LuaValue } from '../module/host-api';
import { formatModuleFileError, loadModuleFiles } from '../module/module-file';
import type { FromPoolWorker, PoolJob, PoolWorkerData } from './pool-protocol';
import { createThreadRuntime } from './thread-runtime';
import type { RunResult } from './types';

const data = (workerData as { luamodPool?: PoolWorkerData } | null)?.luamodPool;
if (parentPort && data) void start(data);

async function start(data: PoolWorkerData): Promise<void> {
  const port = parentPort as NonNullable<typeof parentPort>;
  const post = (m: FromPoolWorker) => port.postMessage(m);
  const loaded = await loadModuleFiles(data.modules, data.cwd);
  if (loaded.errors.length) return post({ fatal: loaded.errors.map(formatModuleFileError).join('\n') });
  let runtime;
  try {
    runtime = createThreadRuntime({
      modules: loaded.modules,
      dispatchers: loaded.dispatchers,
      env: data.env,
      fsRoot: data.fsRoot,
      ...(data.project ? { project: data.project } : {}),
      // V8's heap limit (resourceLimits) stops a script whose live heap grows past its limit; this
      // check backs it up for strings, which fengari keeps outside the heap (Uint8Array buffers).
      limits: { ...data.limits, memoryMb: data.memoryMb * 2 },
    });
  } catch (e) {
    return post({ fatal: e instanceof Error ? e.message : String(e) });
  }
  const rt = runtime;
  port.on('message', (job: PoolJob) => {
    void rt.run(job.file !== undefined ? { file: job.file } : job.text ?? '', {
      name: job.name,
      args: job.args,
      actor: job.actor,
      permissions: job.permissions,
      timeoutMs: job.timeoutMs,
      ...(job.stream ? { onOutput: (text: string) => post({ id: job.id, output: text }) } : {}),
    }).then((result) => post({ id: job.id, result: { ...stated(result, data.memoryMb), values: result.values.map(cloneable), output: job.stream ? '' : result.output } }));
  });
  post({ ready: true });
}

/** The engine's backup check runs at twice the limit: a memory stop is reported with the run's own limit. */
function stated(result: RunResult, memoryMb: number): RunResult {
  const e = result.error;
  if (!e || e.kind !== 'UNAVAILABLE' || !/^script exceeded its memory limit of /.test(e.message)) return result;
  return { ...result, error: { ...e, message: `script exceeded its memory limit of ${memoryMb} MiB` } };
}

/** A value that survives structured cloning: itself, or its text. */
function cloneable(v: LuaValue): LuaValue {
  try {
    return structuredClone(v);
  } catch {
    return String(v);
  }
}
