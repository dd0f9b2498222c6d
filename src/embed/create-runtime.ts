// createRuntime: the embedding entry point. Picks the "thread" or the "pool" runtime and loads the
// host's module files when modules are given as paths.
import { loadModuleFiles, formatModuleFileError } from '../module/module-file';
import type { ModuleDef } from '../module/module-def';
import { createPoolRuntime } from './pool-runtime';
import { createThreadRuntime } from './thread-runtime';
import { runResult } from './run-error';
import type { RunOptions, RunResult, RunSource, Runtime, RuntimeOptions } from './types';

/**
 * Creates a runtime that runs Lua scripts against the host's modules.
 * @example
 *   const rt = createRuntime({ modules: [counter], limits: { timeoutMs: 1000 } });
 *   const r = await rt.run('return counter.incr("a")');   // { ok: true, values: [1], output: '' }
 *   await rt.close();
 */
export function createRuntime(options: RuntimeOptions = {}): Runtime {
  const isolation = options.isolation ?? 'thread';
  if (isolation !== 'thread' && isolation !== 'pool') throw new TypeError(`createRuntime: isolation must be "thread" or "pool", not ${JSON.stringify(isolation)}`);
  const files = moduleFiles(options.modules);
  if (isolation === 'pool') {
    if (!files && Array.isArray(options.modules) && options.modules.length > 0) throw new TypeError('createRuntime: "pool" isolation loads modules in each worker: pass `modules` as module file paths (e.g. "./host/modules.js"), not ModuleDef objects');
    if (options.dispatchers?.length) throw new TypeError('createRuntime: "pool" isolation takes its dispatchers from the module files (export `dispatchers`), not from `dispatchers`');
    return createPoolRuntime({ ...options, modules: files ?? [] });
  }
  if (!files) return createThreadRuntime({ ...options, modules: (options.modules ?? []) as readonly ModuleDef[] });
  // Module files load asynchronously: the runtime is created on first use.
  let ready: Promise<Runtime | string> | undefined;
  const get = () => (ready ??= loadModuleFiles(files, process.cwd()).then((loaded) => {
    if (loaded.errors.length) return loaded.errors.map(formatModuleFileError).join('\n');
    try {
      return createThreadRuntime({ ...options, modules: loaded.modules, dispatchers: [...loaded.dispatchers, ...(options.dispatchers ?? [])] });
    } catch (e) {
      return e instanceof Error ? e.message : String(e); // a module's build() threw
    }
  }));
  return {
    async run(source: RunSource, o?: RunOptions): Promise<RunResult> {
      const rt = await get();
      return typeof rt === 'string' ? runResult([], '', { kind: 'INVALID', message: rt }) : rt.run(source, o);
    },
    async close() {
      if (!ready) return;
      const rt = await ready;
      if (typeof rt !== 'string') await rt.close();
    },
  };
}

function moduleFiles(modules: RuntimeOptions['modules']): readonly string[] | undefined {
  if (typeof modules === 'string') return [modules];
  if (Array.isArray(modules) && modules.length > 0 && modules.every((m) => typeof m === 'string')) return modules as readonly string[];
  return undefined;
}
