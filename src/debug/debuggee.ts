// A script run under the debugger: luamod's engine, scheduler and one process, with a hook that
// adds line events only while breakpoints, stepping or a pause request need them. Stopping yields
// the process out of the VM (a host yield the scheduler awaits), so the event loop keeps answering
// the client; continuing resolves that wait.
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { lauxlib, lua, to_jsstring, type lua_Debug, type lua_Hook, type lua_State } from 'fengari';
import type { CommandHandler, Dispatcher, Yield } from '../module/host-api';
import type { ModuleDef } from '../module/module-def';
import { clockDispatcher } from '../runtime/clock-dispatcher';
import { createEngine, LuaSyntaxError, type Engine } from '../runtime/engine';
import { createProcess, type Process } from '../runtime/process';
import { runTestFile } from '../runtime/test-runner';
import type { ProjectModules } from '../runtime/require';
import { createScheduler, type Scheduler } from '../runtime/scheduler';
import type { SecurityScope } from '../runtime/security';
import { ScriptError } from '../runtime/errors';
import { SLICE } from '../runtime/state';
import type { UserdataData } from '../runtime/values';
import { workflowModules, workflowSourceCheck, workflowViolationMessage, workflowViolations } from '../runtime/workflow';
import { Breakpoints, type StopDecision } from './breakpoints';
import { evaluateIn } from './evaluate';
import { luaFrames, stackDepth, type Frame } from './frames';
import { installErrorStops } from './error-stops';
import { holdHookYield } from './hook-yield';

export type StopReason = 'entry' | 'breakpoint' | 'step' | 'pause' | 'exception';

export interface DebuggeeOptions {
  readonly program: string;
  readonly args: readonly string[];
  readonly cwd: string;
  readonly fsRoot: string;
  readonly scope: SecurityScope;
  readonly timeoutMs?: number;
  readonly workflow: boolean;
  readonly stopOnEntry: boolean;
  readonly modules: readonly ModuleDef[];
  readonly project?: ProjectModules;
  readonly env?: Readonly<Record<string, string>>;
  /** Run the program as a test file (`luamod test`), with the tests whose name matches `testFilter`. */
  readonly test?: boolean;
  readonly testFilter?: string;
}

export interface DebuggeeEvents {
  output(category: 'stdout' | 'stderr' | 'console', text: string): void;
  stopped(reason: StopReason, description?: string, text?: string): void;
  exited(code: number): void;
}

/** Exception breakpoint filters. */
export interface ExceptionFilters { uncaught: boolean; all: boolean }

type Step = { readonly kind: 'in' | 'over' | 'out'; readonly thread: lua_State; readonly depth: number };

const PAUSE_CMD = 'luamod.debug.pause';

/** One debugged run. `start` returns once the script is running (or failed to compile). */
export class Debuggee {
  readonly breakpoints: Breakpoints;
  readonly exceptions: ExceptionFilters = { uncaught: false, all: false };
  private engine!: Engine;
  private scheduler: Scheduler | undefined;
  private process!: Process;
  private step: Step | null = null;
  private pauseRequested = false;
  /** While stopped: the thread that stopped (innermost), how to go on, and the frames. */
  private stoppedAt: { thread: lua_State; resume: () => void; frames: Frame[]; line?: number } | null = null;
  private scratch!: lua_State;
  private finished = false;
  private hook!: lua_Hook;
  private remainingMs = 0;

  constructor(private readonly options: DebuggeeOptions, private readonly events: DebuggeeEvents) {
    this.breakpoints = new Breakpoints(options.cwd);
  }

  /** The process thread's chunk name for the program. */
  get chunkName(): string {
    const rel = relative(this.options.cwd, this.options.program);
    return rel.startsWith('..') ? this.options.program : rel;
  }

  /** Compiles and starts the script; resolves false (after an exited event) if it cannot start. */
  start(): boolean {
    const o = this.options;
    let source: string;
    try {
      source = readFileSync(o.program, 'utf8');
    } catch (e) {
      this.events.output('stderr', `cannot read ${o.program}: ${(e as Error).message}\n`);
      this.finish(2);
      return false;
    }
    if (o.workflow) {
      // As `luamod run --workflow`: name each use of a module that is not workflow-safe, up front.
      const violations = workflowViolations(source, o.modules);
      if (violations.length > 0) {
        for (const v of violations) this.events.output('stderr', `${this.chunkName}:${v.line}: ${workflowViolationMessage(v)}\n`);
        this.finish(1);
        return false;
      }
    }
    const modules = o.workflow ? workflowModules(o.modules) : o.modules;
    if (o.test) return this.startTests(source, modules);
    this.engine = createEngine({
      modules, env: o.env, fsRoot: o.fsRoot,
      output: (text) => this.events.output('stdout', text),
      log: (level, message, fields) => this.events.output('console', `[${level}] ${message}${fields && Object.keys(fields).length ? ` ${JSON.stringify(fields)}` : ''}\n`),
      project: o.project,
      ...(o.workflow ? { checkSource: workflowSourceCheck(o.modules) } : {}),
    });
    let chunk;
    try {
      chunk = this.engine.compile(source, this.chunkName);
    } catch (e) {
      if (!(e instanceof LuaSyntaxError)) throw e;
      this.events.output('stderr', `${this.chunkName}:${e.line ?? '?'}: ${e.message}\n`);
      this.finish(1);
      return false;
    }
    this.scheduler = createScheduler({ dispatchers: [clockDispatcher(), ...this.engine.dispatchers, this.pauseDispatcher] });
    const process = createProcess(this.engine, chunk, { args: o.args, scope: o.scope, timeMs: o.timeoutMs, actor: { id: 'debugger' } });
    this.attach(this.engine, process);
    installErrorStops(process, (L, message) => this.stopForError(L, message));
    void this.scheduler.execute('main', process).then((r) => this.ended(r.error));
    return true;
  }

  private readonly pauseDispatcher: Dispatcher = { name: 'debugger', registerAll: (register) => register(PAUSE_CMD, this.pauseHandler) };

  /** Takes charge of a process about to run on `engine`: scratch thread, globals, the hook. */
  private attach(engine: Engine, process: Process): void {
    this.engine = engine;
    this.process = process;
    const L = engine.state.L;
    this.scratch = lua.lua_newthread(L);
    lua.lua_rawsetp(L, lua.LUA_REGISTRYINDEX, this);
    // Our own reference to the process's globals: the scheduler drops the process's when the run
    // ends, and an uncaught-error stop still shows (and evaluates against) them.
    lua.lua_rawgeti(L, lua.LUA_REGISTRYINDEX, process.state.envRef);
    this.globalsRef = lauxlib.luaL_ref(L, lua.LUA_REGISTRYINDEX);
    this.hook = this.makeHook();
    if (this.options.stopOnEntry && !this.entryDone) this.step = { kind: 'in', thread: process.state.thread, depth: 0 };
    this.entry = this.options.stopOnEntry && !this.entryDone;
    this.entryDone = true;
    if (this.terminating) process.state.killed = { message: 'terminated by the debugger', kind: 'CANCELED' };
    this.applyMask(process.state.thread);
  }

  private entryDone = false;

  /**
   * Test mode: runs the program as a `*_test.lua` file through the test runner (its cases, then
   * the returned functions; `testFilter` picks some), the debugger attached to each test process.
   * Each result goes to the console; the exit code is 1 when a test failed.
   */
  private startTests(source: string, modules: readonly ModuleDef[]): boolean {
    const o = this.options;
    let filter: RegExp | undefined;
    try {
      filter = o.testFilter !== undefined ? new RegExp(o.testFilter) : undefined;
    } catch (e) {
      this.events.output('stderr', `invalid testFilter '${o.testFilter}': ${(e as Error).message}\n`);
      this.finish(2);
      return false;
    }
    void runTestFile({
      source, chunkName: this.chunkName, modules, env: o.env, fsRoot: o.fsRoot, scope: o.scope, actor: { id: 'debugger' },
      timeoutMs: o.timeoutMs, project: o.project, dispatchers: [this.pauseDispatcher],
      onOutput: (text) => this.events.output('stdout', text),
      ...(filter ? { filter: (name: string) => filter.test(name) } : {}),
      onCase: (r) => {
        const where = r.line !== undefined ? ` (${r.file ?? this.chunkName}:${r.line})` : '';
        this.events.output(r.ok ? 'console' : 'stderr', r.ok ? `PASS ${r.name}\n` : `FAIL ${r.name}${where}: ${r.message ?? 'failed'}\n`);
      },
      attach: (engine, process) => this.attach(engine, process),
    }).then((result) => this.finish(result.tests.some((t) => !t.ok) ? 1 : 0), (e: unknown) => {
      this.events.output('stderr', `test run failed: ${e instanceof Error ? e.message : String(e)}\n`);
      this.finish(1);
    });
    return true;
  }

  private entry = false;

  /** The hook of every thread of the process: the engine's count hook plus our line events. */
  private makeHook(): lua_Hook {
    const countHook = this.engine.hook;
    return (L, ar) => {
      if (ar.event === lua.LUA_HOOKCOUNT) {
        countHook(L, ar);
        // Threads created before a mask change (the script's coroutines) catch up here.
        if (lua.lua_gethookmask(L) !== this.mask()) this.applyMask(L);
        return;
      }
      if (ar.event === lua.LUA_HOOKLINE) this.onLine(L, ar.currentline);
    };
  }

  private mask(): number {
    const line = this.step !== null || this.pauseRequested || this.breakpoints.any();
    return lua.LUA_MASKCOUNT | (line ? lua.LUA_MASKLINE : 0);
  }

  private applyMask(L: lua_State): void {
    // lua_sethook resets the thread's last traced pc: keep it, or the line just stepped to would
    // fire a second line event.
    const t = L as unknown as { oldpc: number };
    const oldpc = t.oldpc;
    lua.lua_sethook(L, this.hook, this.mask(), this.engine.state.limits.hookCount);
    t.oldpc = oldpc;
  }

  /** Call after breakpoints changed or a control request: the threads we know get the new mask. */
  refreshMask(): void {
    if (!this.process || this.finished) return;
    this.applyMask(this.process.state.thread);
    if (this.stoppedAt) this.applyMask(this.stoppedAt.thread);
  }

  private onLine(L: lua_State, line: number): void {
    const p = this.engine.state.current;
    if (!p || p.killed !== null || this.stoppedAt) return;
    if (p.outward !== null && p.outward !== SLICE) return;
    let decision: StopDecision | null = null;
    if (this.breakpoints.hasLine(line)) {
      const ar = new lua.lua_Debug();
      lua.lua_getstack(L, 0, ar);
      decision = this.breakpoints.check(ar, L, line, (frame, text) => this.evalText(frame, text));
      if (decision?.log !== undefined) {
        this.events.output('console', `${decision.log}\n`);
        decision = null;
      }
    }
    let reason: StopReason | null = decision ? 'breakpoint' : null;
    if (!reason && this.pauseRequested) reason = 'pause';
    if (!reason && this.step && this.stepDone(L)) reason = this.entry ? 'entry' : 'step';
    if (!reason) return;
    if (!lua.lua_isyieldable(L)) return; // inside a table.sort comparator or similar: cannot stop here
    this.stop(L, reason, line);
  }

  private stepDone(L: lua_State): boolean {
    const step = this.step as Step;
    const ar = new lua.lua_Debug();
    lua.lua_getstack(L, 0, ar);
    lua.lua_getinfo(L, 'S', ar);
    if (!ar.source || !to_jsstring(ar.source).startsWith('@')) return false;
    if (step.kind === 'in') return true;
    if (L !== step.thread) return !isActive(step.thread);
    const depth = stackDepth(L);
    return step.kind === 'over' ? depth <= step.depth : depth < step.depth;
  }

  /** Stops the process from inside the hook (or an error stop): yields it out to the scheduler. */
  private stop(L: lua_State, reason: StopReason, line: number): void {
    const p = this.process.state;
    this.step = null;
    this.pauseRequested = false;
    this.entry = false;
    if (p.deadline > 0) {
      this.remainingMs = p.deadline - performance.now();
      p.deadline = 0;
    }
    this.stoppedAt = { thread: L, resume: () => undefined, frames: [], line };
    p.outward = { cmdId: PAUSE_CMD, toCommand: () => ({}) } satisfies Yield;
    this.pendingStop = { reason };
    lua.lua_yield(L, 0);
  }

  private pendingStop: { reason: StopReason; description?: string; text?: string } | null = null;

  /** The scheduler's handler of the pause yield: resolves when the client says go on. */
  private readonly pauseHandler: CommandHandler = () => new Promise<void>((resolveWait) => {
    const at = this.stoppedAt;
    if (!at) { resolveWait(); return; }
    const undo = holdHookYield(at.thread);
    at.resume = () => {
      undo((this.mask() & lua.LUA_MASKLINE) === 0);
      const p = this.process.state;
      if (this.remainingMs > 0) p.deadline = performance.now() + this.remainingMs;
      this.remainingMs = 0;
      this.stoppedAt = null;
      this.refreshMask();
      resolveWait();
    };
    const threads = at.thread === this.process.state.thread ? [at.thread] : [at.thread, this.process.state.thread];
    at.frames = luaFrames(threads, at.line);
    const stop = this.pendingStop ?? { reason: 'pause' as StopReason };
    this.pendingStop = null;
    this.events.stopped(stop.reason, stop.description, stop.text);
  });

  /** Called by the error-stop wrapper of pcall/xpcall on thread L: true when it should stop ("all errors"). */
  private stopForError(L: lua_State, message: string): boolean {
    if (!this.exceptions.all || this.stoppedAt || this.finished) return false;
    const p = this.process.state;
    if (p.killed !== null || !lua.lua_isyieldable(L)) return false;
    this.step = null;
    this.pauseRequested = false;
    if (p.deadline > 0) {
      this.remainingMs = p.deadline - performance.now();
      p.deadline = 0;
    }
    this.stoppedAt = { thread: L, resume: () => undefined, frames: [] };
    p.outward = { cmdId: PAUSE_CMD, toCommand: () => ({}) } satisfies Yield;
    this.pendingStop = { reason: 'exception', description: 'Error caught by pcall', text: message };
    return true;
  }

  private ended(error: { message: string; kind?: string; chunk?: string; line?: number } | undefined): void {
    if (this.finished) return;
    const thread = this.process.state.thread;
    const report = () => {
      if (error) {
        const where = error.line !== undefined ? `${error.chunk ?? this.chunkName}:${error.line}: ` : '';
        this.events.output('stderr', `${where}${error.message}${error.kind ? ` [${error.kind}]` : ''}\n`);
      }
      this.finish(error ? 1 : 0);
    };
    if (error && this.exceptions.uncaught && error.kind !== 'CANCELED' && !this.terminating) {
      const frames = luaFrames([thread]);
      this.stoppedAt = { thread, frames, resume: () => { this.stoppedAt = null; report(); } };
      const retryable = errorValue(thread)?.retryable === true;
      const text = `${error.kind ? `[${error.kind}${retryable ? ', retryable' : ''}] ` : ''}${error.message}`;
      this.events.stopped('exception', 'Uncaught error', text);
      return;
    }
    report();
  }

  private finish(code: number): void {
    if (this.finished) return;
    this.finished = true;
    this.scheduler?.stop();
    this.events.exited(code);
  }

  get isStopped(): boolean { return this.stoppedAt !== null; }
  get frames(): readonly Frame[] { return this.stoppedAt?.frames ?? []; }
  get scratchThread(): lua_State { return this.scratch; }
  get envRef(): number { return this.globalsRef; }
  private globalsRef = -1;

  continue(): void { this.resume(null); }
  next(): void { this.resumeStepping('over'); }
  stepIn(): void { this.resumeStepping('in'); }
  stepOut(): void { this.resumeStepping('out'); }

  private resumeStepping(kind: Step['kind']): void {
    const at = this.stoppedAt;
    if (!at) return;
    const top = at.frames[0];
    const thread = top?.thread ?? at.thread;
    // Depth counted from the frame shown on top (JS frames above it, e.g. pcall, excluded).
    const depth = stackDepth(thread) - (top?.level ?? 0);
    this.resume({ kind, thread, depth });
  }

  private resume(step: Step | null): void {
    const at = this.stoppedAt;
    if (!at) return;
    this.step = step;
    at.resume();
  }

  pause(): void {
    if (this.stoppedAt || this.finished) return;
    this.pauseRequested = true;
    this.refreshMask();
  }

  private terminating = false;
  terminate(): void {
    if (this.finished) return;
    this.terminating = true;
    if (this.scheduler) this.scheduler.terminate('main', 'terminated by the debugger');
    else if (this.process) this.process.state.killed ??= { message: 'terminated by the debugger', kind: 'CANCELED' };
    const at = this.stoppedAt;
    if (at) at.resume();
  }

  /** Evaluates in a frame (null: globals); values left on the scratch thread. */
  evaluate(frame: Frame | null, text: string) {
    const state = this.engine.state;
    const saved = state.current;
    state.current = this.process.state;
    try {
      return evaluateIn(this.scratch, frame, this.envRef, text);
    } finally {
      state.current = saved;
    }
  }

  private evalText(frame: Frame, text: string): { ok: boolean; value: string; truthy: boolean } {
    const S = this.scratch;
    const top = lua.lua_gettop(S);
    const r = evaluateIn(S, frame, this.envRef, text);
    try {
      if (!r.ok) return { ok: false, value: r.message, truthy: false };
      if (r.count === 0) return { ok: true, value: 'nil', truthy: false };
      lua.lua_settop(S, 1);
      const truthy = lua.lua_toboolean(S, 1);
      lua.lua_getglobal(S, 'tostring');
      lua.lua_pushvalue(S, 1);
      const value = lua.lua_pcall(S, 1, 1, 0) === lua.LUA_OK ? (lua.lua_tojsstring(S, -1) ?? '') : '?';
      return { ok: true, value, truthy };
    } finally {
      lua.lua_settop(S, top);
    }
  }
}

/** The structured error a dead thread raised (its error value is on top), if it is one. */
function errorValue(thread: lua_State): ScriptError | undefined {
  if (lua.lua_type(thread, -1) !== lua.LUA_TUSERDATA) return undefined;
  const data = lua.lua_touserdata(thread, -1) as UserdataData | null;
  return data?.v instanceof ScriptError ? data.v : undefined;
}

/** Whether a thread is running or resuming another one (a "normal" coroutine). */
function isActive(thread: lua_State): boolean {
  if (lua.lua_status(thread) !== lua.LUA_OK) return false;
  const ar = new lua.lua_Debug() as lua_Debug;
  return lua.lua_getstack(thread, 0, ar);
}

