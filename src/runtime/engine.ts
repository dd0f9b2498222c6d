// An engine: one fengari state with the sandboxed standard library, the `errors` library and every
// ModuleDef built once (read-only module views shared by all processes), plus chunk compilation.
import { lauxlib, lua, to_luastring, type lua_Hook, type lua_State } from 'fengari';
import type { Dispatcher, ModuleBuild, ModuleValue } from '../module/host-api';
import type { ModuleDef } from '../module/module-def';
import { errorsBuild, errorType } from './errors';
import { splitPosition } from './failure';
import { hostContinuation, hostFunction, toErrorInit } from './hostfn';
import { LStateImpl } from './lstate';
import { makeReadonly } from './readonly-table';
import { openSandbox } from './sandbox';
import type { EngineState, Limits } from './state';
import { registerType } from './userdata';
import { makeHook } from './hook';
import { createModuleLoader, type ModuleLoader, type ProjectModules, type SourceProblem } from './require';
import { installStepBudget } from './step-budget';
import { DEFAULT_MEMORY_BYTES, DEFAULT_STRING_BYTES } from './resource-limits';

export interface EngineOptions {
  /** The modules scripts may use (the `errors` library is always present). */
  readonly modules?: readonly ModuleDef[];
  /** The environment map host modules see (`ProcessContext.host.env`). */
  readonly env?: Readonly<Record<string, string>>;
  /** The directory the `fs` module is confined to (`ProcessContext.host.fsRoot`). */
  readonly fsRoot?: string;
  /** Default output sink for `print` (a process may have its own). */
  readonly output?: (text: string) => void;
  /** Default sink for `print`'s raw bytes (when present, `output` is not called by `print`). */
  readonly outputBytes?: (bytes: Uint8Array) => void;
  /** The log sink (`ProcessContext.host.log`). */
  readonly log?: (level: string, message: string, fields?: Record<string, unknown>) => void;
  readonly limits?: Limits;
  /** Extra host values, merged into `ProcessContext.host`. */
  readonly host?: Readonly<Record<string, unknown>>;
  /** Where `require` finds the project's own Lua files (absent: host modules and the standard library only). */
  readonly project?: ProjectModules;
  /** Checks a project file before its first run (workflow mode: only workflow-safe modules). */
  readonly checkSource?: (source: string) => SourceProblem | undefined;
}

/** A compiled script: a registry reference to a `function(_ENV, ...)` made from its source. */
export interface Chunk { readonly ref: number; readonly name: string }

/** A syntax error in a script: `message` is Lua's, without the `chunk:line:` prefix. */
export class LuaSyntaxError extends Error {
  constructor(message: string, readonly chunk: string, readonly line: number | undefined) {
    super(message);
    this.name = 'LuaSyntaxError';
  }
}

export interface Engine {
  readonly state: EngineState;
  readonly ls: LStateImpl;
  /** Names of the modules built in this engine (without `errors`). */
  readonly moduleNames: readonly string[];
  /** Dispatchers the modules' builds declared. */
  readonly dispatchers: readonly Dispatcher[];
  readonly host: Readonly<Record<string, unknown>>;
  readonly hook: lua_Hook;
  /**
   * Registry reference of the metatable of a process's globals table: reads fall through to one
   * shared layer holding the sandbox's globals plus the modules the process may bind (cached per
   * module set), so a process's own table holds only what the script assigns.
   */
  envMetaRef(modules: ReadonlySet<string> | null): number;
  /** Registry reference of module `name`'s value (`errors` included). */
  moduleRef(name: string): number | undefined;
  /** Compiles a script (text or its bytes; a leading `#!` line is skipped). Throws LuaSyntaxError. */
  compile(source: string | Uint8Array, chunkName: string): Chunk;
  /** `require` and `package` (src/runtime/require.ts): project files compiled once per engine. */
  readonly loader: ModuleLoader;
}

const DEFAULT_LIMITS: Required<Limits> = {
  timeMs: 0, instructions: 0, sliceMs: 10, hookCount: 1000, memoryBytes: DEFAULT_MEMORY_BYTES, stringBytes: DEFAULT_STRING_BYTES,
};

/** Creates an engine; every ModuleDef's `build()` runs here, once. */
export function createEngine(options: EngineOptions = {}): Engine {
  const L = lauxlib.luaL_newstate();
  const state: EngineState = {
    L,
    current: undefined,
    limits: { ...DEFAULT_LIMITS, ...options.limits },
    output: options.output ?? ((text) => process.stdout.write(text)),
    ...(options.outputBytes ? { outputBytes: options.outputBytes } : {}),
  };
  const ls = new LStateImpl(state);
  ls.continuation = hostContinuation(state, ls);
  lua.lua_atnativeerror(L, (L1) => {
    const e = lua.lua_touserdata(L1, 1) as unknown;
    ls.bind(L1, { name: '?', qualified: 'host', method: false });
    ls.pushError(toErrorInit(e instanceof Error ? { message: e.message, kind: 'INTERNAL' } : e));
    return 1;
  });

  const modules = new Map<string, number>();
  const dispatchers: Dispatcher[] = [];
  const loader = createModuleLoader(state, {
    project: options.project,
    checkSource: options.checkSource,
    hostModule: (name) => {
      const p = state.current;
      if (p && p.modules && name !== 'errors' && !p.modules.has(name)) return modules.has(name) ? null : undefined;
      return modules.get(name);
    },
  });
  openSandbox(state, loader);

  const install = (name: string, build: ModuleBuild, global: boolean) => {
    for (const def of build.userdata ?? []) registerType(L, ls, def);
    if (build.value) {
      ls.bind(L, { name, qualified: name, method: false });
      ls.pushUserdata(build.value.value, build.value.typeName);
    } else {
      pushModuleTable(L, ls, name, build.table);
    }
    if (global) {
      lua.lua_pushvalue(L, -1);
      lua.lua_setglobal(L, name);
    }
    modules.set(name, lauxlib.luaL_ref(L, lua.LUA_REGISTRYINDEX));
    dispatchers.push(...(build.dispatchers ?? []));
  };
  registerType(L, ls, errorType);
  install('errors', errorsBuild(), true);

  const names: string[] = [];
  for (const def of options.modules ?? []) {
    if (def.name === 'errors' || modules.has(def.name) || !def.build) continue;
    let build: ModuleBuild;
    try {
      build = def.build();
    } catch (e) {
      throw new Error(`module '${def.name}' failed to build: ${e instanceof Error ? e.message : String(e)}`);
    }
    install(def.name, build, false);
    names.push(def.name);
  }

  const layers = new Map<string, number>();
  const envMetaRef = (allowed: ReadonlySet<string> | null): number => {
    const bound = allowed ? names.filter((n) => allowed.has(n)) : names;
    const key = bound.join('\0');
    const cached = layers.get(key);
    if (cached !== undefined) return cached;
    lua.lua_createtable(L, 0, 64);
    const layer = lua.lua_gettop(L);
    // The layer holds the sandbox's globals but never `_G`: the engine's global table is shared and
    // writable, so it must stay unreachable (each process's `_G` is its own globals table, and after
    // `_G = nil` it is nil, as in C Lua). Every other value is immutable to scripts: JS functions,
    // strings and read-only views.
    lua.lua_pushglobaltable(L);
    lua.lua_pushnil(L);
    while (lua.lua_next(L, -2)) {
      if (lua.lua_type(L, -2) === lua.LUA_TSTRING && lua.lua_tojsstring(L, -2) === '_G') {
        lua.lua_pop(L, 1);
        continue;
      }
      if (lua.lua_type(L, -1) === lua.LUA_TTABLE) {
        throw new Error(`engine: global '${lua.lua_tojsstring(L, -2) ?? '?'}' is a writable table every process would share`);
      }
      lua.lua_pushvalue(L, -2);
      lua.lua_insert(L, -2);
      lua.lua_rawset(L, layer);
    }
    lua.lua_pop(L, 1);
    for (const name of bound) {
      lua.lua_rawgeti(L, lua.LUA_REGISTRYINDEX, modules.get(name) as number);
      lua.lua_setfield(L, layer, name);
    }
    lua.lua_createtable(L, 0, 2);
    lua.lua_pushvalue(L, layer);
    lua.lua_setfield(L, -2, '__index');
    lua.lua_pushboolean(L, false);
    lua.lua_setfield(L, -2, '__metatable');
    const ref = lauxlib.luaL_ref(L, lua.LUA_REGISTRYINDEX);
    lua.lua_pop(L, 1);
    layers.set(key, ref);
    return ref;
  };

  const hook = makeHook(state, ls);
  installStepBudget(state, ls, hook);
  return {
    state,
    ls,
    moduleNames: names,
    dispatchers,
    host: { env: options.env ?? {}, fsRoot: options.fsRoot, log: options.log ?? (() => undefined), ...options.host },
    hook,
    envMetaRef,
    moduleRef: (name) => modules.get(name),
    compile: (source, chunkName) => compile(L, source, chunkName),
    loader,
  };
}

/** Pushes a read-only view of a module table built from `table` (nested tables get views too). */
function pushModuleTable(L: lua_State, ls: LStateImpl, path: string, table: { readonly [key: string]: ModuleValue }): void {
  const module = path.split('.')[0];
  const keys = Object.keys(table);
  lua.lua_createtable(L, 0, keys.length);
  for (const key of keys) {
    const v = table[key];
    if (typeof v === 'function') {
      lua.lua_pushjsfunction(L, hostFunction(ls, { name: key, qualified: `${path}.${key}`, method: false }, v));
    } else if (typeof v === 'object' && v !== null) {
      pushModuleTable(L, ls, `${path}.${key}`, v);
    } else {
      ls.bind(L, { name: key, qualified: `${module}.${key}`, method: false });
      ls.push(v);
    }
    lua.lua_setfield(L, -2, key);
  }
  makeReadonly(L, path);
}

function compile(L: lua_State, source: string | Uint8Array, chunkName: string): Chunk {
  const text = sourceBytes(source);
  const name = chunkName.startsWith('=') ? chunkName : '@' + chunkName;
  const check = lauxlib.luaL_loadbufferx(L, text, null, name, 't');
  if (check !== lua.LUA_OK) throw syntaxError(L, chunkName);
  lua.lua_pop(L, 1);
  // Same lines, but the chunk takes its globals table as a parameter: one compiled function serves
  // every process, each with its own _ENV.
  const status = lauxlib.luaL_loadbufferx(L, concatBytes(to_luastring('return function(_ENV, ...) '), text, to_luastring('\nend')), null, name, 't');
  if (status !== lua.LUA_OK) throw syntaxError(L, chunkName);
  lua.lua_call(L, 0, 1);
  return { ref: lauxlib.luaL_ref(L, lua.LUA_REGISTRYINDEX), name: chunkName };
}

/** A script's bytes (text is UTF-8 encoded), without a leading `#` line (its newline kept). */
function sourceBytes(source: string | Uint8Array): Uint8Array {
  const bytes = typeof source === 'string' ? to_luastring(source) : source;
  if (bytes[0] !== 0x23 /* # */) return bytes;
  const nl = bytes.indexOf(0x0a);
  return nl < 0 ? new Uint8Array(0) : bytes.subarray(nl);
}

function concatBytes(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function syntaxError(L: lua_State, chunkName: string): LuaSyntaxError {
  const raw = lua.lua_tojsstring(L, -1) ?? 'syntax error';
  lua.lua_pop(L, 1);
  const pos = splitPosition(raw);
  return new LuaSyntaxError(pos.message, chunkName, pos.line);
}
