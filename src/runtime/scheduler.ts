// The scheduler runs processes: submit/execute/terminate/stop, lifecycle hooks, a concurrency
// limit and a process cap. `drive` is the resume loop: resume the thread, route a host yield to its
// handler, hand the answer back, repeat — until the script returns, fails, deadlocks or is stopped.
import { lua } from 'fengari';
import type { Dispatcher, LuaValue, Yield } from '../module/host-api';
import { createHandlerRegistry, type HandlerRegistry } from './dispatcher';
import { failure, failureFromThread, type ScriptFailure } from './failure';
import type { Process } from './process';
import { KILL, SLICE } from './state';
import { toValue } from './values';
import { setLongTimeout } from './long-timer';

export interface ProcessResult {
  readonly pid: string;
  /** The values the script (or its method) returned. */
  readonly values: LuaValue[];
  readonly error?: ScriptFailure;
}

export interface Lifecycle {
  onStart?(pid: string): void;
  onComplete?(pid: string, result: ProcessResult): void;
}

export interface SchedulerOptions {
  /** Command handlers; two dispatchers handling one command id throw here, naming both. */
  readonly dispatchers?: readonly Dispatcher[];
  /** How many processes may be started and unfinished at once (default: unlimited). */
  readonly maxConcurrent?: number;
  /** How many processes may be queued or running (default: unlimited); more are refused. */
  readonly maxProcesses?: number;
  readonly lifecycle?: Lifecycle;
}

export interface Scheduler {
  readonly registry: HandlerRegistry;
  /** Queues a process; `method` names a global function to call after the chunk ran, with `input`. */
  submit(pid: string, process: Process, method?: string, input?: readonly LuaValue[]): void;
  /** Submits and resolves with the result. */
  execute(pid: string, process: Process, method?: string, input?: readonly LuaValue[]): Promise<ProcessResult>;
  /** Stops a process (queued, waiting or time-sliced) with a CANCELED error; false if unknown. */
  terminate(pid: string, reason?: string): boolean;
  /** Terminates everything and refuses new submissions. */
  stop(): void;
  /** Processes queued or running. */
  readonly size: number;
}

interface Entry {
  readonly pid: string;
  readonly process: Process;
  readonly method?: string;
  readonly input: readonly LuaValue[];
  /** Set while the process waits on a handler or its turn: ends the wait at once. */
  wake?: () => void;
  waiters: ((r: ProcessResult) => void)[];
}

export function createScheduler(options: SchedulerOptions = {}): Scheduler {
  const registry = createHandlerRegistry(options.dispatchers ?? []);
  const maxConcurrent = options.maxConcurrent ?? Infinity;
  const maxProcesses = options.maxProcesses ?? Infinity;
  const entries = new Map<string, Entry>();
  const queue: Entry[] = [];
  let running = 0;
  let stopped = false;

  const pump = () => {
    while (running < maxConcurrent && queue.length > 0) {
      const entry = queue.shift() as Entry;
      running++;
      options.lifecycle?.onStart?.(entry.pid);
      void drive(entry, registry).then((result) => {
        running--;
        entries.delete(entry.pid);
        entry.process.release();
        options.lifecycle?.onComplete?.(entry.pid, result);
        for (const w of entry.waiters) w(result);
        pump();
      });
    }
  };

  const scheduler: Scheduler = {
    registry,
    submit(pid, process, method, input = []) {
      if (stopped) throw new Error('scheduler is stopped');
      if (entries.has(pid)) throw new Error(`process '${pid}' is already running`);
      if (entries.size >= maxProcesses) throw new Error(`too many processes (the limit is ${maxProcesses})`);
      process.state.pid = pid;
      const entry: Entry = { pid, process, method, input, waiters: [] };
      entries.set(pid, entry);
      queue.push(entry);
      pump();
    },
    execute(pid, process, method, input) {
      return new Promise((resolve, reject) => {
        try {
          scheduler.submit(pid, process, method, input);
          (entries.get(pid) as Entry).waiters.push(resolve);
        } catch (e) {
          reject(e);
        }
      });
    },
    terminate(pid, reason = 'process terminated') {
      const entry = entries.get(pid);
      if (!entry) return false;
      const p = entry.process.state;
      p.killed ??= { message: reason, kind: 'CANCELED' };
      const queued = queue.indexOf(entry);
      if (queued >= 0) {
        queue.splice(queued, 1);
        queue.unshift(entry);
        pump();
      }
      entry.wake?.();
      return true;
    },
    stop() {
      stopped = true;
      for (const pid of [...entries.keys()]) scheduler.terminate(pid, 'scheduler stopped');
    },
    get size() { return entries.size; },
  };
  return scheduler;
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

function isThenable(v: unknown): v is PromiseLike<unknown> {
  return v !== null && (typeof v === 'object' || typeof v === 'function') && typeof (v as { then?: unknown }).then === 'function';
}

/** The resume loop of one process. Never throws. */
async function drive(entry: Entry, registry: HandlerRegistry): Promise<ProcessResult> {
  const { process, pid } = entry;
  const p = process.state;
  const engine = process.engine.state;
  const co = p.thread;
  const done = (values: LuaValue[], error?: ScriptFailure): ProcessResult => (error ? { pid, values, error } : { pid, values });
  if (p.timeMs > 0) p.deadline = performance.now() + p.timeMs;
  let nargs = process.nargs;
  let method = entry.method;
  for (;;) {
    if (p.killed) return done([], failure(p.killed));
    engine.current = p;
    p.sliceStart = performance.now();
    let status: number;
    try {
      status = lua.lua_resume(co, null, nargs);
    } catch (e) {
      return done([], { message: `runtime failure: ${e instanceof Error ? e.message : String(e)}`, kind: 'INTERNAL' });
    } finally {
      engine.current = undefined;
    }
    nargs = 0;
    if (status === lua.LUA_YIELD) {
      const out = p.outward;
      p.outward = null;
      if (out === null) {
        return done([], { message: 'deadlock: the process is suspended with nothing pending (coroutine.yield outside a coroutine?)', kind: 'INTERNAL' });
      }
      if (out === KILL) return done([], failure(p.killed ?? { message: 'process stopped', kind: 'CANCELED' }));
      if (out === SLICE) {
        await wait(entry, nextTurn(), p.sliceWhere);
        continue;
      }
      const pending = answer(entry, registry, out);
      if (pending) await pending;
      if (performance.now() - p.sliceStart > engine.limits.sliceMs) await wait(entry, nextTurn());
      continue;
    }
    if (status !== lua.LUA_OK) return done([], failureFromThread(engine.L, co));
    if (method !== undefined && method !== '') {
      const name = method;
      method = undefined;
      lua.lua_settop(co, 0);
      lua.lua_rawgeti(co, lua.LUA_REGISTRYINDEX, p.envRef);
      lua.lua_getfield(co, -1, name);
      lua.lua_remove(co, 1);
      if (lua.lua_type(co, 1) !== lua.LUA_TFUNCTION) return done([], { message: `the script defines no function '${name}'`, kind: 'NOT_FOUND' });
      process.engine.ls.bind(co, { name, qualified: name, method: false });
      for (const v of entry.input) process.engine.ls.push(v);
      nargs = entry.input.length;
      continue;
    }
    const n = lua.lua_gettop(co);
    const values: LuaValue[] = [];
    for (let i = 1; i <= n; i++) values.push(toValue(co, i));
    return done(values);
  }
}

/** Runs the handler of a host yield and stores its answer on the process; a promise only if it is async. */
function answer(entry: Entry, registry: HandlerRegistry, y: Yield): Promise<void> | undefined {
  const p = entry.process.state;
  const handler = registry.get(y.cmdId);
  if (!handler) {
    p.answer = { data: undefined, err: { message: `no handler for command ${y.cmdId}`, kind: 'INTERNAL' } };
    return undefined;
  }
  let data: unknown;
  try {
    data = handler(y.toCommand(), { pid: entry.pid, process: p.context });
  } catch (err) {
    p.answer = { data: undefined, err: err ?? new Error('handler failed') };
    return undefined;
  }
  if (!isThenable(data)) {
    p.answer = { data, err: undefined };
    return undefined;
  }
  return wait(entry, data).then(
    (v) => { p.answer = { data: v, err: undefined }; },
    (err: unknown) => { p.answer = { data: undefined, err: err ?? new Error('handler failed') }; },
  );
}

/** Awaits `promise`, or less if the process is terminated or reaches its deadline meanwhile. */
function wait<T>(entry: Entry, promise: PromiseLike<T>, where?: string): Promise<T | undefined> {
  const p = entry.process.state;
  return new Promise<T | undefined>((resolve, reject) => {
    let cancel: (() => void) | undefined;
    const wake = () => { finish(); resolve(undefined); };
    const finish = () => {
      if (entry.wake === wake) entry.wake = undefined;
      cancel?.();
    };
    entry.wake = wake;
    if (p.deadline > 0) {
      cancel = setLongTimeout(() => {
        p.killed ??= { message: `script exceeded its time limit of ${p.timeMs} ms`, kind: 'TIMEOUT', where };
        entry.wake?.();
      }, p.deadline - performance.now());
    }
    promise.then((v) => { finish(); resolve(v); }, (e) => { finish(); reject(e); });
  });
}
