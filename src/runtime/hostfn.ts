// Wraps a HostFunction as a fengari JS function: binds the shared LState, turns a JS exception
// into an INTERNAL error value, and resumes yielding host functions through `handleResult`.
import { lua, type lua_CFunction, type lua_KFunction, type lua_State } from 'fengari';
import type { HostFunction, LuaErrorInit, Yield } from '../module/host-api';
import { isErrorKind, ScriptError } from './errors';
import { YIELD_REQUEST, type HostInfo, type LStateImpl } from './lstate';
import type { EngineState } from './state';

/** The fengari function for a host function; `info` names it in messages. */
export function hostFunction(ls: LStateImpl, info: HostInfo, fn: HostFunction): lua_CFunction {
  return (L) => {
    ls.L = L;
    ls.fn = info;
    let n: number;
    try {
      n = fn(ls);
    } catch (e) {
      return rethrowOrInternal(ls, L, info, e);
    }
    return n === YIELD_REQUEST ? suspend(ls, L) : n;
  };
}

/** Suspends the thread for the Yield `LState.yield` recorded (the host function returned its value). */
function suspend(ls: LStateImpl, L: lua_State): number {
  const request = ls.yieldRequest;
  if (request === null) return 0;
  ls.yieldRequest = null;
  return lua.lua_yieldk(L, 0, request, ls.continuation);
}

/** Lua errors and yields (fengari's own throws) pass through; any other exception becomes INTERNAL. */
export function rethrowOrInternal(ls: LStateImpl, L: lua_State, info: HostInfo, e: unknown): never {
  if (e !== null && typeof e === 'object' && e === (L as unknown as { errorJmp: unknown }).errorJmp) throw e;
  const message = e instanceof Error ? e.message : String(e);
  ls.bind(L, info);
  return ls.raiseError({ message: `${info.qualified}: ${message}`, kind: 'INTERNAL' });
}

/** The continuation every yielding host function resumes in: it hands the handler's answer to Lua. */
export function hostContinuation(engine: EngineState, ls: LStateImpl): lua_KFunction {
  return (L, _status, ctx) => {
    const [y, info] = ctx as [Yield, HostInfo];
    const p = engine.current;
    const answer = p?.answer ?? { data: undefined, err: undefined };
    if (p) p.answer = null;
    ls.bind(L, info);
    let n: number;
    try {
      n = y.handleResult
        ? y.handleResult(ls, answer.data, answer.err as LuaErrorInit | Error | undefined)
        : defaultResult(ls, answer.data, answer.err);
    } catch (e) {
      return rethrowOrInternal(ls, L, info, e);
    }
    return n === YIELD_REQUEST ? suspend(ls, L) : n;
  };
}

/** Default `handleResult`: an error as `nil, err`; otherwise the data as one value (none if undefined). */
export function defaultResult(ls: LStateImpl, data: unknown, err: unknown): number {
  if (err !== undefined && err !== null) {
    ls.push(null);
    ls.pushError(toErrorInit(err));
    return 2;
  }
  if (data === undefined) return 0;
  ls.push(data as never);
  return 1;
}

/** Any thrown value as a structured error (INTERNAL unless it names a valid kind). */
export function toErrorInit(err: unknown): LuaErrorInit {
  if (err instanceof ScriptError) return err;
  if (err !== null && typeof err === 'object' && typeof (err as { message?: unknown }).message === 'string') {
    const e = err as { message: string; kind?: unknown; retryable?: unknown; details?: unknown };
    return {
      message: e.message,
      kind: isErrorKind(e.kind) ? e.kind : 'INTERNAL',
      retryable: typeof e.retryable === 'boolean' ? e.retryable : undefined,
      details: e.details !== null && typeof e.details === 'object' ? (e.details as LuaErrorInit['details']) : undefined,
    };
  }
  return { message: String(err), kind: 'INTERNAL' };
}
