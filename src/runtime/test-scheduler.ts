// The test helper of the reference note: an engine with the modules under test, a scheduler with
// the dispatchers they need (clock included), and `run(script)` = run a script as a process and
// await its result. Used by luamod's own tests and documented in docs/testing-modules.md.
import type { Dispatcher, LuaValue } from '../module/host-api';
import type { ModuleDef } from '../module/module-def';
import { clockDispatcher } from './clock-dispatcher';
import { createEngine, type Engine, type EngineOptions } from './engine';
import type { ScriptFailure } from './failure';
import { createProcess, type Process, type ProcessOptions } from './process';
import { createScheduler, type Lifecycle, type ProcessResult, type Scheduler } from './scheduler';

export interface TestSchedulerOptions extends Omit<EngineOptions, 'modules'> {
  readonly modules?: readonly ModuleDef[];
  /** Dispatchers for the yields the modules use (the clock dispatcher is added unless `clock: false`). */
  readonly dispatchers?: readonly Dispatcher[];
  readonly clock?: boolean;
  readonly maxConcurrent?: number;
  readonly maxProcesses?: number;
  readonly lifecycle?: Lifecycle;
}

export interface TestRun {
  readonly values: LuaValue[];
  readonly error?: ScriptFailure;
  /** What the script printed. */
  readonly output: string;
}

export interface TestScheduler {
  readonly engine: Engine;
  readonly scheduler: Scheduler;
  /** Compiles `script` and prepares a process for it (the note's `newLuaProcess`). */
  process(script: string, options?: ProcessOptions & { chunkName?: string }): Process;
  /** Submits a process and awaits its result (the note's `Execute`). */
  execute(pid: string, process: Process, method?: string, input?: readonly LuaValue[]): Promise<ProcessResult>;
  /** Runs `script` as a process and awaits its result and output. */
  run(script: string, options?: ProcessOptions & { chunkName?: string; method?: string; input?: readonly LuaValue[] }): Promise<TestRun>;
  stop(): void;
}

export function createTestScheduler(options: TestSchedulerOptions = {}): TestScheduler {
  const engine = createEngine(options);
  const dispatchers = [...(options.clock === false ? [] : [clockDispatcher()]), ...engine.dispatchers, ...(options.dispatchers ?? [])];
  const scheduler = createScheduler({
    dispatchers,
    maxConcurrent: options.maxConcurrent,
    maxProcesses: options.maxProcesses,
    lifecycle: options.lifecycle,
  });
  let next = 0;
  const process = (script: string, opts: ProcessOptions & { chunkName?: string } = {}) =>
    createProcess(engine, engine.compile(script, opts.chunkName ?? 'test.lua'), opts);
  return {
    engine,
    scheduler,
    process,
    execute: (pid, p, method, input) => scheduler.execute(pid, p, method, input),
    async run(script, opts = {}) {
      let output = '';
      let p: Process;
      try {
        p = process(script, { ...opts, output: (text) => { output += text; opts.output?.(text); } });
      } catch (e) {
        const err = e as { message: string; line?: number };
        return { values: [], error: { message: err.message, line: err.line }, output };
      }
      const r = await scheduler.execute(`test-${++next}`, p, opts.method, opts.input);
      return r.error ? { values: r.values, error: r.error, output } : { values: r.values, output };
    },
    stop: () => scheduler.stop(),
  };
}
