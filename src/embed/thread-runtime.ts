// The "thread" runtime: one engine (each module built once) and one scheduler in the host's event
// loop serve every run. Long library calls obey the time limit through the step budget
// (src/runtime/step-budget.ts); the count hook time-slices scripts so runs interleave.
import { lauxlib, lua } from 'fengari';
import { readRegularFile } from '../io/read-regular-file';
import type { Dispatcher } from '../module/host-api';
import type { ModuleDef } from '../module/module-def';
import { clockDispatcher } from '../runtime/clock-dispatcher';
import { createEngine, LuaSyntaxError, type Engine } from '../runtime/engine';
import { createProcess } from '../runtime/process';
import type { ProjectModules } from '../runtime/require';
import { createScheduler, type Scheduler } from '../runtime/scheduler';
import { toRunError, runResult } from './run-error';
import { DEFAULT_MEMORY_MB, DEFAULT_TIMEOUT_MS, type RunOptions, type RunResult, type RunSource, type Runtime, type RuntimeLimits } from './types';

/** Compiled scripts kept per runtime, by name and text (a script run again is not recompiled). */
const CHUNK_CACHE = 256;

export interface ThreadRuntimeOptions {
  readonly modules: readonly ModuleDef[];
  readonly dispatchers?: readonly Dispatcher[];
  readonly limits?: RuntimeLimits;
  readonly env?: Readonly<Record<string, string>>;
  readonly fsRoot?: string;
  /** Where `require` finds the host's own Lua files (absent: modules and the standard library only). */
  readonly project?: ProjectModules;
  /** Where `print` goes when a run collects nothing (never: runs always collect). */
  readonly log?: (level: string, message: string, fields?: Record<string, unknown>) => void;
}

/** Creates the engine and the scheduler now; runs share them. Throws if a module's build() throws. */
export function createThreadRuntime(options: ThreadRuntimeOptions): Runtime {
  const limits = options.limits ?? {};
  const engine: Engine = createEngine({
    modules: options.modules,
    env: options.env,
    fsRoot: options.fsRoot,
    ...(options.project ? { project: options.project } : {}),
    log: options.log,
    output: () => undefined,
    limits: {
      memoryBytes: (limits.memoryMb ?? DEFAULT_MEMORY_MB) * 1024 * 1024,
      ...(limits.stringBytes !== undefined ? { stringBytes: limits.stringBytes } : {}),
    },
  });
  const scheduler: Scheduler = createScheduler({ dispatchers: [clockDispatcher(), ...engine.dispatchers, ...(options.dispatchers ?? [])] });
  const chunks = new Map<string, ReturnType<Engine['compile']>>();
  let next = 0;
  let closed = false;

  const run = async (source: RunSource, o: RunOptions = {}): Promise<RunResult> => {
    let output = '';
    const sink = (text: string) => { output += text; o.onOutput?.(text); };
    if (closed) return runResult([], output, { kind: 'CANCELED', message: 'the runtime is closed' });
    const file = typeof source === 'string' ? undefined : source.file;
    let text: string;
    if (typeof source === 'string') text = source;
    else {
      // Only a regular file, at most 4 MiB (src/io: a FIFO or a device is an error, never a hang).
      const read = await readRegularFile(source.file);
      if (read.error) return runResult([], output, { kind: 'NOT_FOUND', message: `cannot read ${source.file}: ${read.error.message}`, file: source.file });
      text = read.text;
    }
    const name = o.name ?? file ?? 'script';
    let chunk = chunks.get(`${name}\0${text}`);
    if (!chunk) {
      try {
        chunk = engine.compile(text, name);
      } catch (e) {
        if (!(e instanceof LuaSyntaxError)) throw e;
        return runResult([], output, { kind: 'INVALID', message: e.message, file: name, ...(e.line !== undefined ? { line: e.line } : {}) });
      }
      if (chunks.size >= CHUNK_CACHE) {
        // The oldest chunk's function stays alive on the stacks of the runs already using it.
        const oldest = chunks.keys().next().value as string;
        lauxlib.luaL_unref(engine.state.L, lua.LUA_REGISTRYINDEX, (chunks.get(oldest) as { ref: number }).ref);
        chunks.delete(oldest);
      }
      chunks.set(`${name}\0${text}`, chunk);
    }
    const process = createProcess(engine, chunk, {
      args: o.args,
      actor: o.actor ?? (o.permissions ? { id: 'script' } : undefined),
      scope: o.permissions ? { policies: o.permissions } : undefined,
      output: sink,
      timeMs: o.timeoutMs ?? limits.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      instructions: limits.instructions,
    });
    const r = await scheduler.execute(`run-${++next}`, process);
    return runResult(r.values, output, r.error ? toRunError(r.error, name) : undefined);
  };

  return {
    run,
    async close() {
      closed = true;
      scheduler.stop();
    },
  };
}
