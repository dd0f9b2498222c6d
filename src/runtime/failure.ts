// Turns the error value a failed process left on its thread into a ScriptFailure: message, kind
// (for structured errors), the script line and the Lua traceback.
import { lauxlib, lua, to_jsstring, type lua_State } from 'fengari';
import { errorText } from './error-text';
import type { ErrorKind } from '../module/host-api';
import { ScriptError } from './errors';
import type { UserdataData } from './values';

/** Why a script failed, as the CLI, the server and tests see it. */
export interface ScriptFailure {
  /** The message without its `chunk:line:` prefix. */
  readonly message: string;
  readonly kind?: ErrorKind;
  readonly chunk?: string;
  readonly line?: number;
  readonly stack?: string;
  /**
   * The error value was not a string (a table or userdata other than an `errors` error, nil, ...):
   * `message` is its `__tostring` text or `(error object is a table value)`, as C Lua prints it,
   * and carries no position of its own (`line` is where it was raised).
   */
  readonly object?: boolean;
}

const POSITION = /^([^\n]*?):(\d+): ([\s\S]*)$/;

/** Whether a message's chunk (Lua shortens long names to `...tail`) is the chunk named `chunkName`. */
export function sameChunk(shown: string, chunkName: string): boolean {
  return shown === chunkName || (shown.startsWith('...') && chunkName.endsWith(shown.slice(3)));
}

/** Splits `chunk:line: message`. */
export function splitPosition(text: string): { chunk?: string; line?: number; message: string } {
  const m = POSITION.exec(text);
  return m ? { chunk: m[1], line: Number(m[2]), message: m[3] } : { message: text };
}

/** Reads the error value at the top of `co` (a thread whose resume failed); `L` is a thread that can run calls (the engine's main thread). */
export function failureFromThread(L: lua_State, co: lua_State): ScriptFailure {
  const stack = traceback(co);
  if (lua.lua_type(co, -1) === lua.LUA_TUSERDATA) {
    const data = lua.lua_touserdata(co, -1) as UserdataData;
    if (data.v instanceof ScriptError) {
      const e = data.v;
      const pos = splitPosition(e.where ?? '');
      const at = pos.line === undefined ? innermostFrame(co) : undefined;
      return { message: e.message, kind: e.kind, chunk: pos.chunk ?? at?.chunk, line: pos.line ?? at?.line, stack: e.stack ?? stack };
    }
  }
  // The thread is dead: a `__tostring` runs elsewhere, protected and bounded (error-text.ts).
  const { text, object } = errorText(L, co, -1);
  if (object) {
    const at = innermostFrame(co);
    return { message: text, object: true, chunk: at?.chunk, line: at?.line, stack };
  }
  const pos = splitPosition(text);
  // No position in the message (an error value that is not a string): the innermost Lua frame's,
  // whose chunk may be a required module's file rather than the script's.
  const at = pos.line === undefined ? innermostFrame(co) : undefined;
  return { message: pos.message, chunk: pos.chunk ?? at?.chunk, line: pos.line ?? at?.line, stack };
}

/** A failure the runtime itself decided (timeout, deadlock, cancel), placed at `where` when known. */
export function failure(init: { message: string; kind?: ErrorKind; where?: string }): ScriptFailure {
  const pos = splitPosition(init.where ?? '');
  return { message: init.message, kind: init.kind, chunk: pos.chunk, line: pos.line };
}

function traceback(co: lua_State): string {
  // After a stack overflow the thread has no room left for the traceback: go without one.
  const top = lua.lua_gettop(co);
  try {
    lauxlib.luaL_traceback(co, co, null, 0);
  } catch {
    lua.lua_settop(co, top);
    return '';
  }
  const s = lua.lua_tojsstring(co, -1) ?? '';
  lua.lua_pop(co, 1);
  return s;
}

/** The chunk and current line of the innermost Lua frame of a dead thread. */
function innermostFrame(co: lua_State): { chunk?: string; line: number } | undefined {
  const ar = new lua.lua_Debug();
  for (let level = 0; lua.lua_getstack(co, level, ar); level++) {
    lua.lua_getinfo(co, 'Sl', ar);
    if (ar.currentline > 0) return { line: ar.currentline, ...(ar.short_src ? { chunk: to_jsstring(ar.short_src) } : {}) };
  }
  return undefined;
}
