// coroutine.resume and coroutine.wrap that pass host yields (and time-slice yields) through a
// script's own coroutines to the scheduler, while the script's own yields keep their meaning.
// A host function marks its yield on the process (`outward`); the wrapper re-yields it outward and,
// when resumed, resumes the inner coroutine with the answer.
import { lauxlib, lua, to_luastring, type lua_CFunction, type lua_KFunction, type lua_State } from 'fengari';
import { KILL, SLICE, type EngineState } from './state';

type Mode = 'resume' | 'wrap';
interface Ctx { readonly co: lua_State; readonly mode: Mode }

/** Replaces `resume` and `wrap` in the coroutine library table at `lib`. */
export function installCoroutines(engine: EngineState, L: lua_State, lib: number): void {
  const cont: lua_KFunction = (L1, _status, ctx) => step(engine, L1, (ctx as Ctx).co, 0, (ctx as Ctx).mode, cont);

  const resume: lua_CFunction = (L1) => {
    const co = lua.lua_tothread(L1, 1);
    if (co === null) return lauxlib.luaL_argerror(L1, 1, to_luastring('thread expected'));
    return start(engine, L1, co, lua.lua_gettop(L1) - 1, 'resume', cont);
  };
  const auxwrap: lua_CFunction = (L1) => {
    const co = lua.lua_tothread(L1, lua.lua_upvalueindex(1)) as lua_State;
    return start(engine, L1, co, lua.lua_gettop(L1), 'wrap', cont);
  };
  const wrap: lua_CFunction = (L1) => {
    lauxlib.luaL_checktype(L1, 1, lua.LUA_TFUNCTION);
    const NL = lua.lua_newthread(L1);
    lua.lua_pushvalue(L1, 1);
    lua.lua_xmove(L1, NL, 1);
    lua.lua_pushcclosure(L1, auxwrap, 1);
    return 1;
  };
  lua.lua_pushjsfunction(L, resume);
  lua.lua_setfield(L, lib, 'resume');
  lua.lua_pushjsfunction(L, wrap);
  lua.lua_setfield(L, lib, 'wrap');
  installMainThread(engine, L, lib);
}

/**
 * A process's own thread is the script's main thread, as C Lua's main chunk sees it:
 * `coroutine.running()` says it is the main one, `coroutine.isyieldable()` is false and
 * `coroutine.yield` there fails as C Lua's does (host functions still yield it: they call
 * lua_yield themselves).
 */
function installMainThread(engine: EngineState, L: lua_State, lib: number): void {
  const isMain = (L1: lua_State) => engine.current?.thread === L1;
  lua.lua_getfield(L, lib, 'yield');
  const yieldFn = lua.lua_tocfunction(L, -1) as lua_CFunction;
  lua.lua_pop(L, 1);
  lua.lua_pushjsfunction(L, (L1) => {
    const main = lua.lua_pushthread(L1);
    lua.lua_pushboolean(L1, main || isMain(L1));
    return 2;
  });
  lua.lua_setfield(L, lib, 'running');
  lua.lua_pushjsfunction(L, (L1) => {
    lua.lua_pushboolean(L1, lua.lua_isyieldable(L1) && !isMain(L1));
    return 1;
  });
  lua.lua_setfield(L, lib, 'isyieldable');
  lua.lua_pushjsfunction(L, (L1) => {
    if (isMain(L1)) {
      lua.lua_pushstring(L1, to_luastring('attempt to yield from outside a coroutine'));
      return lua.lua_error(L1);
    }
    return yieldFn(L1);
  });
  lua.lua_setfield(L, lib, 'yield');
}

function raise(L: lua_State, msg: string): never {
  lauxlib.luaL_where(L, 1);
  lua.lua_pushstring(L, msg);
  lua.lua_concat(L, 2);
  return lua.lua_error(L);
}

/** Moves `narg` arguments from L to co (Lua's auxresume checks), then steps. */
function start(engine: EngineState, L: lua_State, co: lua_State, narg: number, mode: Mode, cont: lua_KFunction): number {
  let problem: string | undefined;
  if (!lua.lua_checkstack(co, narg)) problem = 'too many arguments to resume';
  else if (lua.lua_status(co) === lua.LUA_OK && lua.lua_gettop(co) === 0) problem = 'cannot resume dead coroutine';
  if (problem !== undefined) {
    if (mode === 'wrap') return raise(L, problem);
    lua.lua_pushboolean(L, false);
    lua.lua_pushstring(L, problem);
    return 2;
  }
  lua.lua_xmove(L, co, narg);
  return step(engine, L, co, narg, mode, cont);
}

/** Resumes co; passes marked yields outward; returns Lua's resume/wrap results otherwise. */
function step(engine: EngineState, L: lua_State, co: lua_State, narg: number, mode: Mode, cont: lua_KFunction): number {
  for (;;) {
    const status = lua.lua_resume(co, L, narg);
    const p = engine.current;
    if (status === lua.LUA_YIELD && p && p.outward !== null) {
      if (lua.lua_isyieldable(L)) return lua.lua_yieldk(L, 0, { co, mode } satisfies Ctx, cont);
      const outward = p.outward;
      p.outward = null;
      if (outward === SLICE) { narg = 0; continue; }
      if (outward === KILL) { p.outward = KILL; return raise(L, p.killed?.message ?? 'process stopped'); }
      return raise(L, `${p.pendingName}: cannot suspend the script here: Lua cannot yield inside a table.sort ` +
        'comparator, a string.gsub/gmatch callback, a load reader or a metamethod called from JS');
    }
    if (status === lua.LUA_OK || status === lua.LUA_YIELD) {
      const nres = lua.lua_gettop(co);
      if (!lua.lua_checkstack(L, nres + 1)) {
        lua.lua_pop(co, nres);
        return raise(L, 'too many results to resume');
      }
      if (mode === 'resume') lua.lua_pushboolean(L, true);
      lua.lua_xmove(co, L, nres);
      return mode === 'resume' ? nres + 1 : nres;
    }
    lua.lua_xmove(co, L, 1);
    if (mode === 'resume') {
      lua.lua_pushboolean(L, false);
      lua.lua_insert(L, -2);
      return 2;
    }
    if (lua.lua_type(L, -1) === lua.LUA_TSTRING) {
      lauxlib.luaL_where(L, 1);
      lua.lua_insert(L, -2);
      lua.lua_concat(L, 2);
    }
    return lua.lua_error(L);
  }
}
