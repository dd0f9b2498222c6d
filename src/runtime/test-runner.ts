// Runs one `*_test.lua` file: a fresh engine with the given modules, the test driver as a process
// over the compiled file, and a result per test (name, pass/fail, message, line, expected/actual).
import type { LuaValue } from '../module/host-api';
import type { ModuleDef } from '../module/module-def';
import { clockDispatcher } from './clock-dispatcher';
import { createEngine, LuaSyntaxError, type Engine } from './engine';
import { newManifest } from '../types/manifest';
import { ScriptError } from './errors';
import { splitPosition } from './failure';
import { createProcess } from './process';
import type { RunScriptOptions } from './run-script';
import { createScheduler } from './scheduler';
import { TEST_DRIVER } from './test-lib';
import { createMocks } from './test-mock';

export interface TestCaseResult {
  readonly name: string;
  readonly ok: boolean;
  /** For failures: the message without its position. */
  readonly message?: string;
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
  'source' | 'chunkName' | 'modules' | 'dispatchers' | 'env' | 'fsRoot' | 'actor' | 'scope' | 'timeoutMs' | 'onOutput'
> & {
  /** Runs only the tests whose name it accepts (the others are not run and not reported). */
  readonly filter?: (name: string) => boolean;
};

/** Runs every test of one file (the time limit applies to each test). Never throws for problems in the file. */
export async function runTestFile(options: RunTestFileOptions): Promise<TestFileResult> {
  const file = options.chunkName;
  const collected: TestCaseResult[] = [];
  let current: string | undefined;
  let began = 0;
  let engine: Engine | undefined;
  const mocks = createMocks();
  const runner: ModuleDef = {
    name: RUNNER,
    description: 'luamod test runner (internal)',
    class: [],
    types: () => newManifest(RUNNER),
    build: () => ({
      table: {
        wanted: (l) => {
          l.push(options.filter ? options.filter(l.checkString(1)) : true);
          return 1;
        },
        begin: (l) => {
          current = l.checkString(1);
          began = performance.now();
          const p = engine?.state.current;
          if (p && options.timeoutMs) p.deadline = began + options.timeoutMs;
          return 0;
        },
        mock: mocks.mock,
        restore: mocks.restore,
        record: (l) => {
          collected.push({ ...toCase(l.get(1)), durationMs: performance.now() - began });
          current = undefined;
          return 0;
        },
      },
    }),
  };
  engine = createEngine({ modules: [...(options.modules ?? []), runner], env: options.env, fsRoot: options.fsRoot, output: options.onOutput ?? (() => undefined) });
  let chunk;
  try {
    chunk = engine.compile(options.source, file);
  } catch (e) {
    if (!(e instanceof LuaSyntaxError)) throw e;
    return { file, tests: [{ name: '(load)', ok: false, message: e.message, line: e.line }] };
  }
  const driver = engine.compile(TEST_DRIVER, '=luamod-test');
  const scheduler = createScheduler({ dispatchers: [clockDispatcher(), ...engine.dispatchers, ...(options.dispatchers ?? [])] });
  // A test that stops the process (time limit, a deadlock) fails; the file is then run again in a
  // new process that skips the tests already done.
  for (let run = 0; ; run++) {
    const process = createProcess(engine, driver, {
      args: [collected.map((t) => t.name)],
      chunkArgs: [chunk],
      actor: options.actor,
      scope: options.scope,
      timeMs: options.timeoutMs,
    });
    current = undefined;
    const r = await scheduler.execute(`test-${run}`, process);
    if (!r.error) break;
    const message = r.error.kind ? `${r.error.message} [${r.error.kind}]` : r.error.message;
    collected.push({ name: current ?? '(run)', ok: false, message, line: r.error.line, ...(current !== undefined ? { durationMs: performance.now() - began } : {}) });
    if (current === undefined || current === '(load)') break;
  }
  scheduler.stop();
  return { file, tests: collected };
}

/** The internal module the driver reports through. */
const RUNNER = '__luamod_test';

function toCase(raw: LuaValue): TestCaseResult {
  const r = (raw ?? {}) as { name?: string; ok?: boolean; err?: LuaValue; expected?: string; actual?: string };
  const name = String(r.name ?? '?');
  if (r.ok) return { name, ok: true };
  let message = 'failed';
  let line: number | undefined;
  const err = r.err;
  if (typeof err === 'string') {
    const pos = splitPosition(err);
    message = pos.message;
    line = pos.line;
  } else if (err && typeof err === 'object' && 'value' in err && err.value instanceof ScriptError) {
    const pos = splitPosition(err.value.where ?? '');
    message = err.value.kind ? `${err.value.message} [${err.value.kind}]` : err.value.message;
    line = pos.line;
  }
  return { name, ok: false, message, line, expected: r.expected, actual: r.actual };
}
