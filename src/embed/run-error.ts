// Turns the runtime's failures (ScriptFailure, syntax errors) into the public RunError shape.
import type { ScriptFailure } from '../runtime/failure';
import type { RunError, RunResult } from './types';
import type { LuaValue } from '../module/host-api';

/** A RunError from a script failure; a failure without kind is a plain Lua `error(...)`: UNKNOWN. */
export function toRunError(f: ScriptFailure, file?: string): RunError {
  const chunk = f.chunk?.replace(/^@/, '') ?? file;
  return {
    kind: f.kind ?? 'UNKNOWN',
    message: f.message,
    ...(chunk !== undefined ? { file: chunk } : {}),
    ...(f.line !== undefined ? { line: f.line } : {}),
    ...(f.stack ? { stack: f.stack } : {}),
  };
}

/** A finished run. */
export function runResult(values: LuaValue[], output: string, error?: RunError): RunResult {
  return error ? { ok: false, values, error, output } : { ok: true, values, output };
}
