// Compiles a project file (a module `require` loads) into the shared `function(_ENV, ...)` every
// process runs with its own globals — in one pass. `engine.compile` compiles a script twice (alone,
// to refuse a text whose unbalanced `end` would close the wrapper early and run code outside it,
// then wrapped); here the wrapped compile is checked instead: the outer chunk must be exactly
// "return one closure", which no text escaping the wrapper can produce (anything after an early
// `end` adds a function or an instruction to the outer chunk). Half the cost of a first `require`.
import { lauxlib, lua, to_luastring, type lua_State } from 'fengari';
import { splitPosition } from './failure';

/** The compiled module (a registry reference to its function), or why it does not compile. */
export type ModuleChunk =
  | { readonly ref: number }
  | { readonly error: string; readonly line?: number };

/** fengari's closure object behind `lua_topointer` (only what the check reads). */
interface ClosureShape { readonly p?: { readonly p: readonly ProtoShape[]; readonly code: readonly unknown[] } }
interface ProtoShape { readonly numparams: number; readonly is_vararg: boolean; readonly upvalues: readonly unknown[] }

/** Compiles `source` (a leading `#` line is skipped, as for scripts) named `@chunkName`. Never throws. */
export function compileModuleChunk(L: lua_State, source: string, chunkName: string): ModuleChunk {
  const text = source.startsWith('#') ? source.replace(/^#[^\n]*/, '') : source;
  const name = '@' + chunkName;
  const status = lauxlib.luaL_loadbufferx(L, to_luastring(`return function(_ENV, ...) ${text}\nend`), null, name, 't');
  if (status === lua.LUA_OK && isWrapperOnly(lua.lua_topointer(L, -1) as ClosureShape | null)) {
    lua.lua_call(L, 0, 1);
    return { ref: lauxlib.luaL_ref(L, lua.LUA_REGISTRYINDEX) };
  }
  const wrapped = status === lua.LUA_OK ? undefined : takeMessage(L);
  if (status === lua.LUA_OK) lua.lua_pop(L, 1);
  // Not compilable as a function body: the text alone gives Lua's own message and line.
  if (lauxlib.luaL_loadbufferx(L, to_luastring(text), null, name, 't') !== lua.LUA_OK) return asError(takeMessage(L));
  lua.lua_pop(L, 1);
  return asError(wrapped ?? 'the file does not compile as a module body');
}

/** Whether the outer chunk only returns one `function(_ENV, ...)` with no upvalues. */
function isWrapperOnly(cl: ClosureShape | null): boolean {
  const p = cl?.p;
  if (!p || p.p.length !== 1 || p.code.length !== 3) return false;
  const inner = p.p[0];
  return inner.numparams === 1 && inner.is_vararg && inner.upvalues.length === 0;
}

function takeMessage(L: lua_State): string {
  const raw = lua.lua_tojsstring(L, -1) ?? 'syntax error';
  lua.lua_pop(L, 1);
  return raw;
}

function asError(raw: string): ModuleChunk {
  const pos = splitPosition(raw);
  return pos.line !== undefined ? { error: pos.message, line: pos.line } : { error: pos.message };
}
