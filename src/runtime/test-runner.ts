// Runs one `*_test.lua` file: a fresh engine with the given modules, the test driver as a process
// over the compiled file, and a result per test (name, pass/fail, message, file, line,
// expected/actual, duration). The runner's state (current test, deadline, results) lives in this
// file's closures: the driver gets its functions as arguments, so the test file cannot reach them.
import { lauxlib, lua, type lua_CFunction, type lua_State } from 'fengari';
import { clockDispatcher } from './clock-dispatcher';
import { createEngine, LuaSyntaxError, type Chunk, type Engine } from './engine';
import { errorText } from './error-text';
import { ScriptError } from './errors';
import { splitPosition } from './failure';
import { createProcess, type Process } from './process';
import { makeReadonly } from './readonly-table';
import type { RunScriptOptions } from './run-script';
import { createScheduler } from './scheduler';
import { TEST_DRIVER } from './test-lib';
import { createMocks } from './test-mock';
import type { UserdataData } from './values';

export interface TestCaseResult {
  readonly name: string;
  readonly ok: boolean;
  /** For failures: the message without its position. */
  readonly message?: string;
  /** The file `line` is in, when it is not the test file itself (a required module). */
  readonly file?: string;
  readonly line?: number;
  readonly expected?: string;
  readonly actual?: string;
  /** Wall time of the test (ms); absent for a file that failed to load. */
  readonly durationMs?: number;
}

export interface TestFileResult {
  readonly file: string;
  readonly tests: TestCaseResult[];
}

/** What runTestFile takes: runScript's options that apply to a test file (`timeoutMs` is per test). */
export type RunTestFileOptions = Pick<
  RunScriptOptions,
  'source' | 'chunkName' | 'modules' | 'dispatchers' | 'env' | 'fsRoot' | 'actor' | 'scope' | 'timeoutMs' | 'onOutput' | 'memoryBytes' | 'stringBytes' | 'project'
> & {
  /** Runs only the tests whose name it accepts (the others are not run and not reported). */
  readonly filter?: (name: string) => boolean;
  /** Tests not to run (already reported by an earlier run of the file that was stopped). */
  readonly skip?: readonly string[];
  /** Called as each test starts (`(load)` for loading the file), with the line its function starts on. */
  readonly onBegin?: (name: string, line: number | undefined) => void;
  /** Called with each test's result as it ends. */
  readonly onCase?: (result: TestCaseResult) => void;
  /**
   * Called with each engine and test process before it runs (the debugger installs its hook here;
   * a file may run in several processes when a test stopped one).
   */
  readonly attach?: (engine: Engine, process: Process) => void;
};

/** The pseudo-test that stands for loading the file (its top-level code). */
export const LOAD = '(load)';

/** Runs every test of one file (the time limit applies to each test). Never throws for problems in the file. */
export async function runTestFile(options: RunTestFileOptions): Promise<TestFileResult> {
  const file = options.chunkName;
  const collected: TestCaseResult[] = [];
  const add = (r: TestCaseResult) => {
    collected.push(r);
    options.onCase?.(r);
  };
  const limits = {
    ...(options.memoryBytes !== undefined ? { memoryBytes: options.memoryBytes } : {}),
    ...(options.stringBytes !== undefined ? { stringBytes: options.stringBytes } : {}),
  };
  // A fresh engine per run of the file: after a test was stopped, the rerun starts clean (the
  // memory limit counts from the new engine, not from the garbage the stopped test left).
  const prepare = () => {
    const engine = createEngine({ modules: options.modules, env: options.env, fsRoot: options.fsRoot, output: options.onOutput ?? (() => undefined), limits, project: options.project });
    const chunk = engine.compile(options.source, file);
    const driver = engine.compile(TEST_DRIVER, '=luamod-test');
    const scheduler = createScheduler({ dispatchers: [clockDispatcher(), ...engine.dispatchers, ...(options.dispatchers ?? [])] });
    return { engine, chunk, driver, scheduler };
  };
  const skip = [...(options.skip ?? [])];
  // A test that stops the process (time limit, memory, a deadlock) fails; the file is then run
  // again in a new engine that skips the tests already done.
  for (;;) {
    let run;
    try {
      run = prepare();
    } catch (e) {
      if (!(e instanceof LuaSyntaxError)) throw e;
      add({ name: LOAD, ok: false, message: e.message, line: e.line });
      break;
    }
    const { engine, chunk, driver, scheduler } = run;
    const state: RunnerState = { current: undefined, began: 0, errorLine: undefined };
    const runner = runnerTable(engine, file, options, state, (r) => {
      add(r);
      skip.push(r.name);
    });
    const process = createProcess(engine, driver, {
      args: [skip],
      chunkArgs: [runner, chunk],
      actor: options.actor,
      scope: options.scope,
      timeMs: options.timeoutMs,
    });
    options.attach?.(engine, process);
    const r = await scheduler.execute('test', process);
    scheduler.stop();
    if (!r.error) break;
    const message = r.error.kind ? `${r.error.message} [${r.error.kind}]` : r.error.message;
    const name = state.current ?? '(run)';
    const where = r.error.chunk !== undefined && r.error.chunk !== file && r.error.chunk !== 'luamod-test' ? { file: r.error.chunk } : {};
    add({ name, ok: false, message, ...where, line: r.error.chunk === 'luamod-test' ? state.errorLine : r.error.line, ...(state.current !== undefined ? { durationMs: performance.now() - state.began } : {}) });
    skip.push(name);
    if (state.current === undefined || state.current === LOAD) break;
  }
  return { file, tests: collected };
}

interface RunnerState {
  /** The test running now (undefined between tests). */
  current: string | undefined;
  began: number;
  /** The test file's line where the last error was raised (found by the message handler). */
  errorLine: number | undefined;
}

/**
 * The runner table the driver receives as an argument (and drops from reach at once), as a
 * registry reference: wanted(name), begin(name, fn), record(name, ok, err, expected, actual),
 * handler (the xpcall message handler), readonly(t, name), require(base, test), text(err)
 * (an error value's text, computed safely), mock(module, name, value) and restore() (test.mock).
 */
function runnerTable(engine: Engine, file: string, options: RunTestFileOptions, state: RunnerState, report: (r: TestCaseResult) => void): Chunk {
  const L = engine.state.L;
  // test.mock's stubs, per engine (a rerun after a stopped test starts with a fresh engine).
  const mocks = createMocks();
  const fns: Record<string, lua_CFunction> = {
    mock: mocks.mock,
    restore: mocks.restore,
    wanted: (L1) => {
      lua.lua_pushboolean(L1, options.filter ? options.filter(lua.lua_tojsstring(L1, 1) ?? '') : true);
      return 1;
    },
    begin: (L1) => {
      const name = lua.lua_tojsstring(L1, 1) ?? '?';
      state.current = name;
      state.began = performance.now();
      state.errorLine = undefined;
      const p = engine.state.current;
      if (p && options.timeoutMs) p.deadline = state.began + options.timeoutMs;
      options.onBegin?.(name, lineDefined(L1, 2));
      return 0;
    },
    record: (L1) => {
      const name = lua.lua_tojsstring(L1, 1) ?? '?';
      const durationMs = performance.now() - state.began;
      state.current = undefined;
      if (lua.lua_toboolean(L1, 2)) {
        if (name !== LOAD) report({ name, ok: true, durationMs });
        return 0;
      }
      const where = failureAt(engine, L1, 3, file, state.errorLine);
      const expected = lua.lua_type(L1, 4) === lua.LUA_TSTRING ? { expected: lua.lua_tojsstring(L1, 4) ?? '' } : {};
      const actual = lua.lua_type(L1, 5) === lua.LUA_TSTRING ? { actual: lua.lua_tojsstring(L1, 5) ?? '' } : {};
      report({ name, ok: false, ...where, ...expected, ...actual, ...(name !== LOAD ? { durationMs } : {}) });
      return 0;
    },
    handler: (L1) => {
      state.errorLine = innermostLine(L1, file);
      lua.lua_settop(L1, 1);
      return 1;
    },
    readonly: (L1) => {
      const name = lua.lua_tojsstring(L1, 2) ?? '?';
      lua.lua_settop(L1, 1);
      makeReadonly(L1, name);
      return 1;
    },
    text: (L1) => {
      lua.lua_settop(L1, 1);
      const data = lua.lua_type(L1, 1) === lua.LUA_TUSERDATA ? (lua.lua_touserdata(L1, 1) as UserdataData) : undefined;
      if (data?.v instanceof ScriptError) {
        lauxlib.luaL_tolstring(L1, 1);
        return 1;
      }
      lua.lua_pushstring(L1, errorText(engine.state.L, L1, 1).text);
      return 1;
    },
  };
  lua.lua_createtable(L, 0, 9);
  for (const [name, fn] of Object.entries(fns)) {
    lua.lua_pushjsfunction(L, fn);
    lua.lua_setfield(L, -2, name);
  }
  return { ref: lauxlib.luaL_ref(L, lua.LUA_REGISTRYINDEX), name: 'luamod-test runner' };
}

/** The message, kind and position of the error value at `idx` (any value: its text is computed safely). */
function failureAt(engine: Engine, L: lua_State, idx: number, file: string, errorLine: number | undefined): Pick<TestCaseResult, 'message' | 'file' | 'line'> {
  let text: string;
  let kindSuffix = '';
  let position: string | undefined;
  const data = lua.lua_type(L, idx) === lua.LUA_TUSERDATA ? (lua.lua_touserdata(L, idx) as UserdataData) : undefined;
  if (data?.v instanceof ScriptError) {
    const e = data.v;
    text = e.message;
    kindSuffix = e.kind ? ` [${e.kind}]` : '';
    position = e.where;
  } else {
    const t = errorText(engine.state.L, L, idx);
    if (t.object) return { message: t.text, ...(errorLine !== undefined ? { line: errorLine } : {}) };
    text = t.text;
  }
  const pos = splitPosition(position ?? text);
  const message = (position === undefined ? pos.message : text) + kindSuffix;
  // A position in another file (a required module) names it; the driver's own never shows.
  if (pos.chunk !== undefined && pos.line !== undefined && pos.chunk !== file && pos.chunk !== 'luamod-test') {
    return { message, file: pos.chunk, line: pos.line };
  }
  const line = pos.chunk === file ? pos.line : errorLine;
  return { message, ...(line !== undefined ? { line } : {}) };
}

/** The line the function at `idx` starts on (undefined for a JS function or no function). */
function lineDefined(L: lua_State, idx: number): number | undefined {
  if (lua.lua_type(L, idx) !== lua.LUA_TFUNCTION) return undefined;
  const ar = new lua.lua_Debug();
  lua.lua_pushvalue(L, idx);
  lua.lua_getinfo(L, '>S', ar);
  return ar.linedefined > 0 ? ar.linedefined : undefined;
}

/** The current line of the innermost frame running code of the test file `file` (undefined if none). */
function innermostLine(L: lua_State, file: string): number | undefined {
  const ar = new lua.lua_Debug();
  for (let level = 1; lua.lua_getstack(L, level, ar); level++) {
    lua.lua_getinfo(L, 'Sl', ar);
    if (ar.currentline > 0 && sourceName(ar.source) === file) return ar.currentline;
  }
  return undefined;
}

function sourceName(source: Uint8Array | string | null | undefined): string {
  if (source === null || source === undefined) return '';
  const text = typeof source === 'string' ? source : new TextDecoder().decode(source);
  return text.startsWith('@') || text.startsWith('=') ? text.slice(1) : text;
}
