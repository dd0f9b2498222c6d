// `package` as scripts see it: one read-only view (a userdata, like the library tables) shared by
// every process of an engine. It holds no state: its `loaded` and `preload` fields are the current
// process's own tables, `path` shows `runtime.path`; assigning any field is an error.
import { lauxlib, lua, to_jsstring, type lua_CFunction, type lua_State } from 'fengari';

/** Where the view's fields come from. */
export interface PackageFields {
  /** Pushes the current process's `package.loaded`. */
  loaded(L: lua_State): void;
  /** Pushes the current process's `package.preload`. */
  preload(L: lua_State): void;
  /** `runtime.path` joined by `;` (empty without a project). */
  readonly path: string;
  /**
   * Whether a `package.searchpath` candidate (as written, relative to the project root) is a
   * readable file inside the root; always false without a project.
   */
  readonly isProjectFile: (candidate: string) => boolean;
}

/** `package.config` of C Lua on POSIX. */
const PACKAGE_CONFIG = '/\n;\n?\n!\n-\n';
const FIELDS = ['loaded', 'preload', 'path', 'cpath', 'config', 'searchpath'];

/** A function that pushes the (lazily made) `package` view of one engine. */
export function packageView(fields: PackageFields): (L: lua_State) => void {
  /**
   * `package.searchpath(name, path [, sep [, rep]])` as in C Lua 5.3, but a candidate is found only
   * when it is a file inside the project root (libraries such as penlight call it, or define it).
   */
  const searchpath: lua_CFunction = (L) => {
    const n = to_jsstring(lauxlib.luaL_checklstring(L, 1));
    const pth = to_jsstring(lauxlib.luaL_checklstring(L, 2));
    const sepText = lua.lua_isnoneornil(L, 3) ? '.' : to_jsstring(lauxlib.luaL_checklstring(L, 3));
    const repText = lua.lua_isnoneornil(L, 4) ? '/' : to_jsstring(lauxlib.luaL_checklstring(L, 4));
    const stem = sepText === '' ? n : n.split(sepText).join(repText);
    let tried = '';
    for (const template of pth.split(';')) {
      if (template === '') continue;
      const candidate = template.split('?').join(stem);
      if (fields.isProjectFile(candidate)) {
        lua.lua_pushstring(L, candidate);
        return 1;
      }
      tried += `\n\tno file '${candidate}'`;
    }
    lua.lua_pushnil(L);
    lua.lua_pushstring(L, tried);
    return 2;
  };
  const index: lua_CFunction = (L) => {
    switch (lua.lua_tojsstring(L, 2)) {
      case 'loaded': fields.loaded(L); return 1;
      case 'preload': fields.preload(L); return 1;
      case 'path': lua.lua_pushstring(L, fields.path); return 1;
      case 'cpath': lua.lua_pushliteral(L, ''); return 1;
      case 'config': lua.lua_pushliteral(L, PACKAGE_CONFIG); return 1;
      case 'searchpath': lua.lua_pushjsfunction(L, searchpath); return 1;
      default: lua.lua_pushnil(L); return 1;
    }
  };
  const newindex: lua_CFunction = (L) => {
    const key = lua.lua_tojsstring(L, 2) ?? '?';
    const hint = key === 'path' || key === 'cpath' ? ' (set "runtime.path" in .luamodrc.json instead)' : '';
    lauxlib.luaL_where(L, 1);
    lua.lua_pushstring(L, `attempt to modify read-only table 'package'${hint}`);
    lua.lua_concat(L, 2);
    return lua.lua_error(L);
  };
  const next: lua_CFunction = (L) => {
    const key = lua.lua_isnil(L, 2) ? undefined : lua.lua_tojsstring(L, 2);
    const field = FIELDS[key === undefined ? 0 : FIELDS.indexOf(key ?? '') + 1];
    if (field === undefined) {
      lua.lua_pushnil(L);
      return 1;
    }
    lua.lua_pushstring(L, field);
    lua.lua_pushvalue(L, -1);
    lua.lua_gettable(L, 1);
    return 2;
  };
  const pairs: lua_CFunction = (L) => {
    lua.lua_pushjsfunction(L, next);
    lua.lua_pushvalue(L, 1);
    lua.lua_pushnil(L);
    return 3;
  };
  const tostring: lua_CFunction = (L) => {
    lua.lua_pushliteral(L, "read-only table 'package'");
    return 1;
  };
  let ref: number | undefined;
  return (L) => {
    if (ref === undefined) {
      lua.lua_newuserdata(L, 0);
      lua.lua_createtable(L, 0, 5);
      for (const [name, fn] of [['__index', index], ['__newindex', newindex], ['__pairs', pairs], ['__tostring', tostring]] as const) {
        lua.lua_pushjsfunction(L, fn);
        lua.lua_setfield(L, -2, name);
      }
      lua.lua_pushboolean(L, false);
      lua.lua_setfield(L, -2, '__metatable');
      lua.lua_setmetatable(L, -2);
      ref = lauxlib.luaL_ref(L, lua.LUA_REGISTRYINDEX);
    }
    lua.lua_rawgeti(L, lua.LUA_REGISTRYINDEX, ref);
  };
}
