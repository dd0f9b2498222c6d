// `require` and `package` of an engine: host modules, the standard library names, `package.preload`
// and the project's own Lua files (through the one resolver, src/project/module-resolver.ts).
// A file's chunk is compiled once per engine and shared; each process runs it for its own instance
// with its own globals, and keeps its own `package.loaded` — as separate Lua states would.
import { statSync, readFileSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import { lauxlib, lua, type lua_CFunction, type lua_KFunction, type lua_State } from 'fengari';
import { externalMatcher, moduleNotFoundMessage, projectFile, resolveModule, type ModuleSearch } from '../project/module-resolver';
import { compileModuleChunk } from './module-chunk';
import { packageView } from './package-view';
import type { EngineState, ProcessState } from './state';
import { typeNameAt } from './values';

/** Where a process's `require` finds the project's own files (plain data: it crosses into workers). */
export interface ProjectModules {
  /** The project root: the folder of `.luamodrc.json`, else the script's folder. Nothing outside it is loaded. */
  readonly root: string;
  /** `runtime.path` templates (default `?.lua`, `?/init.lua`), relative to the root. */
  readonly path?: readonly string[];
  /** `runtime.external`: names or globs of modules the host provides at run time (no file). */
  readonly external?: readonly string[];
  /**
   * The folder a module's chunk name (in messages and tracebacks) is relative to (default: the
   * root). The CLI passes the current folder, so that `lib/util.lua:17:` can be opened from there.
   */
  readonly chunkBase?: string;
}

/** A problem found in a module's source before it runs (workflow mode: a non-workflow-safe module). */
export interface SourceProblem { readonly line: number; readonly message: string }

export interface ModuleLoaderOptions {
  readonly project?: ProjectModules;
  /** Checks a project file's source before its first run; a problem fails the `require`. */
  readonly checkSource?: (source: string) => SourceProblem | undefined;
  /**
   * Registry reference of host module `name`'s view if the current process may bind it; null when
   * the engine has it but the process may not (a file of that name is then not looked for either).
   */
  readonly hostModule: (name: string) => number | null | undefined;
}

/** An engine's module loader: the `require` function and the `package` view every process shares. */
export interface ModuleLoader {
  /** `require(name)`: per-process `package.loaded`, then host modules, stdlib, preload, files. */
  readonly require: lua_CFunction;
  /** Pushes the `package` view: `loaded` and `preload` are the current process's own tables. */
  pushPackage(L: lua_State): void;
  /** How many project files this engine has compiled (a file is compiled again only when it changes). */
  readonly compiles: number;
}

/** The standard library names `require` answers with the global of that name, as C Lua does. */
const STDLIB = new Set(['coroutine', 'table', 'string', 'math', 'utf8', 'os']);

/** One process's own package state (`fengari`'s proxies push its tables without registry refs). */
interface PerProcess {
  readonly loaded: (L: lua_State) => void;
  readonly preload: (L: lua_State) => void;
  /** Modules whose chunk is running (a second `require` of one of them is a loop). */
  readonly loading: Set<string>;
  readonly env: (L: lua_State) => void;
}

interface Compiled {
  readonly mtimeMs: number;
  readonly size: number;
  /** Registry reference of the module's `function(_ENV, ...)`. */
  readonly ref: number;
  readonly problem?: SourceProblem;
}

interface LoadCtx { readonly pp: PerProcess; readonly name: string }

/** Creates the loader of one engine. */
export function createModuleLoader(engine: EngineState, options: ModuleLoaderOptions): ModuleLoader {
  const project = options.project;
  const search: ModuleSearch | undefined = project ? { root: resolve(project.root), path: project.path } : undefined;
  const isExternal = externalMatcher(project?.external ?? []);
  const chunkBase = resolve(project?.chunkBase ?? project?.root ?? '.');
  const pathText = project ? (project.path ?? ['?.lua', '?/init.lua']).join(';') : '';
  const processes = new WeakMap<ProcessState, PerProcess>();
  /** For code run outside any process (an engine used directly). */
  let outside: PerProcess | undefined;
  const compiled = new Map<string, Compiled>();
  let compiles = 0;

  const pushPackage = packageView({
    loaded: (L) => perProcess(L).loaded(L),
    preload: (L) => perProcess(L).preload(L),
    path: pathText,
    isProjectFile: (candidate) => search !== undefined && projectFile(search.root, candidate) !== undefined,
  });

  const perProcess = (L: lua_State): PerProcess => {
    const p = engine.current;
    const known = p ? processes.get(p) : outside;
    if (known) return known;
    const top = lua.lua_gettop(L);
    if (p) lua.lua_rawgeti(L, lua.LUA_REGISTRYINDEX, p.envRef);
    else lua.lua_pushglobaltable(L);
    const env = lua.lua_toproxy(L, -1);
    lua.lua_createtable(L, 0, 4);
    lua.lua_pushvalue(L, -2);
    lua.lua_setfield(L, -2, '_G');
    pushPackage(L);
    lua.lua_setfield(L, -2, 'package');
    const loaded = lua.lua_toproxy(L, -1);
    lua.lua_createtable(L, 0, 0);
    const preload = lua.lua_toproxy(L, -1);
    lua.lua_settop(L, top);
    const pp: PerProcess = { loaded, preload, env, loading: new Set() };
    if (p) processes.set(p, pp);
    else outside = pp;
    return pp;
  };

  /** The display name of a project file: relative to chunkBase, with `/`. */
  const displayName = (file: string): string => {
    const rel = relative(chunkBase, file);
    return (rel.startsWith('..') ? file : rel).split(sep).join('/');
  };

  /** The compiled chunk of `file`, from the cache unless the file changed. Raises Lua errors. */
  const chunkOf = (L: lua_State, name: string, file: string): Compiled => {
    const shown = displayName(file);
    let source: string;
    let stat: { mtimeMs: number; size: number };
    try {
      stat = statSync(file);
      const cached = compiled.get(file);
      if (cached && cached.mtimeMs === stat.mtimeMs && cached.size === stat.size) return cached;
      source = readFileSync(file, 'utf8');
    } catch (e) {
      return raise(L, `error loading module '${name}' from file '${shown}':\n\t${(e as Error).message}`, 0);
    }
    // Compiled on the engine's main thread (no count hook there, nothing of the process's stack).
    const chunk = compileModuleChunk(engine.L, source, shown);
    if ('error' in chunk) {
      const where = chunk.line !== undefined ? `${shown}:${chunk.line}: ` : `${shown}: `;
      return raise(L, `error loading module '${name}' from file '${shown}':\n\t${where}${chunk.error}`, 0);
    }
    compiles++;
    const old = compiled.get(file);
    if (old) lauxlib.luaL_unref(engine.L, lua.LUA_REGISTRYINDEX, old.ref);
    const problem = options.checkSource?.(source);
    const entry: Compiled = { mtimeMs: stat.mtimeMs, size: stat.size, ref: chunk.ref, ...(problem ? { problem } : {}) };
    compiled.set(file, entry);
    return entry;
  };

  /** After the module's chunk returned (directly or resumed after a yield): record and return it. */
  const finish: lua_KFunction = (L, _status, ctx) => {
    const { pp, name } = ctx as LoadCtx;
    pp.loading.delete(name);
    // Stack: 1 name, 2 the chunk's result. package.loaded is read and written raw, by the name's own bytes.
    pp.loaded(L);
    if (!lua.lua_isnil(L, 2)) {
      lua.lua_pushvalue(L, 1);
      lua.lua_pushvalue(L, 2);
      lua.lua_rawset(L, 3);
    }
    lua.lua_pushvalue(L, 1);
    if (lua.lua_rawget(L, 3) === lua.LUA_TNIL) {
      lua.lua_pop(L, 1);
      lua.lua_pushvalue(L, 1);
      lua.lua_pushboolean(L, true);
      lua.lua_rawset(L, 3);
      lua.lua_pushboolean(L, true);
    }
    return 1;
  };

  /** Runs a loader (the stack holds name at 1, then the function and its arguments) as C Lua's ll_require does. */
  const run = (L: lua_State, pp: PerProcess, name: string, nargs: number): number => {
    pp.loading.add(name);
    const ctx: LoadCtx = { pp, name };
    lua.lua_callk(L, nargs, 1, ctx, finish);
    return finish(L, lua.LUA_OK, ctx);
  };

  const load = (L: lua_State, pp: PerProcess): number => {
    const name = lua.lua_tojsstring(L, 1) ?? '';
    /** Records the value at 2 as package.loaded[name] and returns it. */
    const remember = () => {
      pp.loaded(L);
      lua.lua_pushvalue(L, 1);
      lua.lua_pushvalue(L, 2);
      lua.lua_rawset(L, 3);
      lua.lua_settop(L, 2);
      return 1;
    };
    // Host modules and manifests win over files; then the standard library names.
    const ref = options.hostModule(name);
    if (ref === null) return raise(L, `module '${name}' not found:\n\tthe host module '${name}' is not available to this process`, 1);
    if (ref !== undefined) {
      lua.lua_rawgeti(L, lua.LUA_REGISTRYINDEX, ref);
      return remember();
    }
    if (STDLIB.has(name) && lua.lua_getglobal(L, name) !== lua.LUA_TNIL) return remember();
    lua.lua_settop(L, 1);
    if (pp.loading.has(name)) return raise(L, `loop or previous error loading module '${name}'`, 1);
    pp.preload(L);
    lua.lua_pushvalue(L, 1);
    if (lua.lua_gettable(L, 2) !== lua.LUA_TNIL) {
      lua.lua_remove(L, 2);
      lua.lua_pushvalue(L, 1);
      lua.lua_pushliteral(L, ':preload:');
      return run(L, pp, name, 2);
    }
    lua.lua_settop(L, 1);
    let tried: readonly string[] = [];
    if (search) {
      const found = resolveModule(name, search);
      if (found.kind === 'file') {
        const entry = chunkOf(L, name, found.file);
        if (entry.problem) return raise(L, `${displayName(found.file)}:${entry.problem.line}: ${entry.problem.message}`, 0);
        lua.lua_rawgeti(L, lua.LUA_REGISTRYINDEX, entry.ref);
        pp.env(L);
        lua.lua_pushvalue(L, 1);
        lua.lua_pushstring(L, displayName(found.file));
        return run(L, pp, name, 3);
      }
      tried = found.tried.map((t) => displayName(resolve(search.root, t)));
    }
    const [head, ...files] = moduleNotFoundMessage(name, tried).split('\n');
    const lines = [head, `\tno field package.preload['${name}']`, ...files];
    if (isExternal(name)) lines.push(`\t('${name}' is listed in runtime.external, but this runtime has no host module of that name)`);
    return raise(L, lines.join('\n'), 1);
  };

  const requireFn: lua_CFunction = (L) => {
    // As luaL_checkstring: a number is turned into its string in place.
    if (lua.lua_type(L, 1) === lua.LUA_TNUMBER) lua.lua_tostring(L, 1);
    if (lua.lua_type(L, 1) !== lua.LUA_TSTRING) {
      return raise(L, `bad argument #1 to 'require' (string expected, got ${typeNameAt(L, 1)})`, 1);
    }
    lua.lua_settop(L, 1);
    const pp = perProcess(L);
    pp.loaded(L);
    lua.lua_pushvalue(L, 1);
    // Already loaded (C Lua's test: any value but nil and false).
    if (lua.lua_rawget(L, 2) !== lua.LUA_TNIL && lua.lua_toboolean(L, 3)) return 1;
    lua.lua_settop(L, 1);
    return load(L, pp);
  };

  return {
    require: requireFn,
    pushPackage,
    get compiles() { return compiles; },
  };
}

/** Raises `message` as a Lua error, prefixed with the position of the caller at `level` (0: none). */
function raise(L: lua_State, message: string, level: number): never {
  if (level > 0) lauxlib.luaL_where(L, level);
  else lua.lua_pushliteral(L, '');
  lua.lua_pushstring(L, message);
  lua.lua_concat(L, 2);
  return lua.lua_error(L);
}
