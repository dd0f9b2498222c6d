// runScript: the one call the CLI and the server use to run a script: a fresh engine, the clock
// dispatcher plus the modules' dispatchers, one process, its output collected.
import type { Dispatcher, LuaValue } from '../module/host-api';
import type { ModuleDef } from '../module/module-def';
import { clockDispatcher } from './clock-dispatcher';
import { createEngine, LuaSyntaxError } from './engine';
import type { ScriptFailure } from './failure';
import { createProcess } from './process';
import { sameChunk } from './failure';
import { createScheduler } from './scheduler';
import type { ProjectModules, SourceProblem } from './require';
import type { Actor, SecurityScope } from './security';

export interface RunScriptOptions {
  /** The script: text, or the file's bytes (read as bytes, Latin-1 literals stay one byte each). */
  readonly source: string | Uint8Array;
  /** Shown in messages as `chunkName:line:` (usually the file path). */
  readonly chunkName: string;
  readonly modules?: readonly ModuleDef[];
  readonly args?: readonly LuaValue[];
  readonly env?: Readonly<Record<string, string>>;
  readonly fsRoot?: string;
  readonly actor?: Actor;
  readonly scope?: SecurityScope;
  /** Wall-clock limit (ms); 0 or absent: none. */
  readonly timeoutMs?: number;
  /** Instruction budget; 0 or absent: none. */
  readonly instructions?: number;
  /** Memory the script may add, in bytes (default 256 MiB; 0: none). */
  readonly memoryBytes?: number;
  /** Largest string one library call may build, in bytes (default 16 MiB; 0: none). */
  readonly stringBytes?: number;
  /** Extra dispatchers (the clock dispatcher is always present). */
  readonly dispatchers?: readonly Dispatcher[];
  /** Aborting stops the script (a CANCELED error), e.g. when the editor cancels a run. */
  readonly signal?: AbortSignal;
  /** Streams output as it is printed (it is also collected into `output`), decoded as UTF-8 for display. */
  readonly onOutput?: (text: string) => void;
  /** Streams `print`'s raw bytes as printed (no decoding; e.g. for stdout). */
  readonly onOutputBytes?: (bytes: Uint8Array) => void;
  readonly log?: (level: string, message: string, fields?: Record<string, unknown>) => void;
  /** Where `require` finds the project's own Lua files (see src/runtime/require.ts). */
  readonly project?: ProjectModules;
  /** Checks each project file before its first run (workflow mode). */
  readonly checkSource?: (source: string) => SourceProblem | undefined;
}

export interface RunScriptResult {
  readonly output: string;
  /** The values the script returned. */
  readonly result: LuaValue[];
  /** The failure; `chunk` only when it is not the script's own (a required module's file). */
  readonly error?: ScriptFailure;
  readonly durationMs: number;
}

/** Runs one script to completion. Never throws for script problems (syntax errors included). */
export async function runScript(options: RunScriptOptions): Promise<RunScriptResult> {
  const started = performance.now();
  let output = '';
  const sink = (text: string) => {
    output += text;
    options.onOutput?.(text);
  };
  const limits = {
    ...(options.memoryBytes !== undefined ? { memoryBytes: options.memoryBytes } : {}),
    ...(options.stringBytes !== undefined ? { stringBytes: options.stringBytes } : {}),
  };
  // `print` hands bytes: they stream out raw and are decoded (as one UTF-8 stream) for `output`.
  const decoder = new TextDecoder('utf-8');
  const outputBytes = (bytes: Uint8Array) => {
    options.onOutputBytes?.(bytes);
    const text = decoder.decode(bytes, { stream: true });
    output += text;
    if (text) options.onOutput?.(text);
  };
  const engine = createEngine({
    modules: options.modules, env: options.env, fsRoot: options.fsRoot, output: sink, outputBytes, log: options.log, limits,
    project: options.project, checkSource: options.checkSource,
  });
  let chunk;
  try {
    chunk = engine.compile(options.source, options.chunkName);
  } catch (e) {
    if (!(e instanceof LuaSyntaxError)) throw e;
    return { output, result: [], error: { message: e.message, line: e.line }, durationMs: performance.now() - started };
  }
  const scheduler = createScheduler({ dispatchers: [clockDispatcher(), ...engine.dispatchers, ...(options.dispatchers ?? [])] });
  const process = createProcess(engine, chunk, {
    args: options.args,
    actor: options.actor,
    scope: options.scope,
    timeMs: options.timeoutMs,
    instructions: options.instructions,
  });
  const pending = scheduler.execute('main', process);
  const abort = () => scheduler.terminate('main', 'run canceled');
  if (options.signal?.aborted) abort();
  options.signal?.addEventListener('abort', abort, { once: true });
  const r = await pending;
  options.signal?.removeEventListener('abort', abort);
  scheduler.stop();
  const error = r.error
    ? {
        message: r.error.message, kind: r.error.kind,
        ...(r.error.chunk !== undefined && !sameChunk(r.error.chunk, options.chunkName) ? { chunk: r.error.chunk } : {}),
        line: r.error.line, stack: r.error.stack, ...(r.error.object ? { object: true } : {}),
      }
    : undefined;
  return error
    ? { output, result: r.values, error, durationMs: performance.now() - started }
    : { output, result: r.values, durationMs: performance.now() - started };
}
