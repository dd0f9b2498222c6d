// A process: one script run = a coroutine (thread) of the engine's state, its own globals table
// (_ENV, whose reads fall through to the shared sandbox), a pid, an output sink and a security
// context. Creating one from a compiled chunk costs no compilation.
import { lauxlib, lua, to_luastring } from 'fengari';
import type { LuaValue, ProcessContext } from '../module/host-api';
import type { Chunk, Engine } from './engine';
import { isAllowed, type Actor, type SecurityScope } from './security';
import type { ProcessState } from './state';

const G_KEY = to_luastring('_G');

export interface ProcessOptions {
  /** Values the script receives as `...`. */
  readonly args?: readonly LuaValue[];
  /** Compiled chunks passed after `args` as functions `function(_ENV, ...)` (runtime-internal). */
  readonly chunkArgs?: readonly Chunk[];
  /** Modules this process may bind (default: all of the engine's). `errors` is always bound. */
  readonly modules?: readonly string[];
  /** Where `print` writes (default: the engine's sink). */
  readonly output?: (text: string) => void;
  readonly actor?: Actor;
  readonly scope?: SecurityScope;
  /** Overrides of the engine's host values for this process. */
  readonly host?: Readonly<Record<string, unknown>>;
  /** Per-process limits (default: the engine's). */
  readonly timeMs?: number;
  readonly instructions?: number;
}

export interface Process {
  readonly engine: Engine;
  readonly state: ProcessState;
  /** Number of values on the thread's stack for the first resume (the main function's arguments). */
  readonly nargs: number;
  /** Drops the registry references that keep the thread and its globals alive. */
  release(): void;
}

/** Prepares a process for `chunk`: its thread, globals, bound modules and arguments. */
export function createProcess(engine: Engine, chunk: Chunk, options: ProcessOptions = {}): Process {
  const { L, limits } = engine.state;
  const co = lua.lua_newthread(L);
  const threadRef = lauxlib.luaL_ref(L, lua.LUA_REGISTRYINDEX);
  lua.lua_rawgeti(co, lua.LUA_REGISTRYINDEX, chunk.ref);
  const allowed = options.modules ? new Set(options.modules) : null;
  lua.lua_createtable(co, 0, 1);
  lua.lua_rawgeti(co, lua.LUA_REGISTRYINDEX, engine.envMetaRef(allowed));
  lua.lua_setmetatable(co, -2);
  lua.lua_pushvalue(co, -1);
  lua.lua_setfield(co, -2, G_KEY);
  lua.lua_pushvalue(co, -1);
  const envRef = lauxlib.luaL_ref(co, lua.LUA_REGISTRYINDEX);

  const args = options.args ?? [];
  engine.ls.bind(co, { name: 'process', qualified: 'process', method: false });
  for (const a of args) engine.ls.push(a);
  for (const c of options.chunkArgs ?? []) lua.lua_rawgeti(co, lua.LUA_REGISTRYINDEX, c.ref);
  lua.lua_sethook(co, engine.hook, lua.LUA_MASKCOUNT, limits.hookCount);

  const security = { actor: options.actor, scope: options.scope };
  // Built at the first host call that asks for it: most processes never do.
  let host: Readonly<Record<string, unknown>> | undefined;
  const state: ProcessState = {
    pid: '',
    thread: co,
    context: undefined as unknown as ProcessContext,
    output: options.output ?? engine.state.output,
    envRef,
    modules: allowed,
    outward: null,
    pendingName: '',
    answer: null,
    instructions: 0,
    sliceStart: 0,
    deadline: 0,
    timeMs: options.timeMs ?? limits.timeMs,
    budget: options.instructions ?? limits.instructions,
    killed: null,
    sliceWhere: '',
  };
  const context: ProcessContext = {
    get pid() { return state.pid; },
    actor: options.actor,
    isAllowed: (action, resource, meta) => isAllowed(security, action, resource, meta),
    get host() { return (host ??= processHost(options.host ? { ...engine.host, ...options.host } : engine.host)); },
  };
  (state as { context: ProcessContext }).context = context;
  let released = false;
  return {
    engine,
    state,
    nargs: 1 + args.length + (options.chunkArgs?.length ?? 0),
    release() {
      if (released) return;
      released = true;
      lauxlib.luaL_unref(L, lua.LUA_REGISTRYINDEX, threadRef);
      lauxlib.luaL_unref(L, lua.LUA_REGISTRYINDEX, envRef);
    },
  };
}

/**
 * The host values a process sees: the engine's, except that a writable `env` map is copied for the
 * process the first time it reads it, so `env.set` in one process is never seen by another one
 * (nor by the host). A frozen map stays shared and read-only.
 */
function processHost(host: Readonly<Record<string, unknown>>): Readonly<Record<string, unknown>> {
  const env = host.env;
  if (env === null || typeof env !== 'object' || Object.isFrozen(env)) return host;
  let copy: Record<string, unknown> | undefined;
  return { ...host, get env() { return (copy ??= { ...env }); } };
}
