// Minimal typings for the parts of fengari 0.1.5 (Lua 5.3 in JS) that src/runtime uses.
// fengari ships no typings; names and signatures follow its sources (lapi.js, lauxlib.js, lualib.js).
declare module 'fengari' {
  /** A Lua thread (state). Opaque to luamod except for identity. */
  export interface lua_State { readonly __brand: 'lua_State' }
  export type lua_CFunction = (L: lua_State) => number;
  export type lua_KFunction = (L: lua_State, status: number, ctx: unknown) => number;
  export type DebugInfo = lua_Debug;
  export interface lua_Debug { currentline: number; short_src: Uint8Array | null; name: Uint8Array | null; namewhat: Uint8Array | null; what: Uint8Array | null }
  /** (Declared apart so that additions merge.) The chunk name (`@file`) and the line a function starts on. */
  export interface lua_Debug { source: Uint8Array | null; linedefined: number }
  /** (Debugger) the hook event, a function's first line, last line and kind. */
  export interface lua_Debug { event: number; lastlinedefined: number }
  export type lua_Hook = (L: lua_State, ar: lua_Debug) => void;
  export type luastring = Uint8Array;

  export function to_luastring(s: string, cache?: boolean): luastring;
  export function to_jsstring(s: luastring, from?: number, to?: number, replacement?: boolean): string;

  export namespace lua {
    const lua_Debug: { new (): DebugInfo };
    const LUA_OK: 0;
    const LUA_YIELD: 1;
    const LUA_ERRRUN: 2;
    const LUA_ERRSYNTAX: 3;
    const LUA_ERRMEM: 4;
    const LUA_ERRGCMM: 5;
    const LUA_ERRERR: 6;
    const LUA_TNONE: -1;
    const LUA_TNIL: 0;
    const LUA_TBOOLEAN: 1;
    const LUA_TLIGHTUSERDATA: 2;
    const LUA_TNUMBER: 3;
    const LUA_TSTRING: 4;
    const LUA_TTABLE: 5;
    const LUA_TFUNCTION: 6;
    const LUA_TUSERDATA: 7;
    const LUA_TTHREAD: 8;
    const LUA_MASKCOUNT: number;
    const LUA_MASKLINE: number;
    const LUA_HOOKCOUNT: number;
    const LUA_HOOKLINE: number;
    function lua_getlocal(L: lua_State, ar: lua_Debug | null, n: number): luastring | null;
    function lua_setlocal(L: lua_State, ar: lua_Debug, n: number): luastring | null;
    function lua_getupvalue(L: lua_State, funcindex: number, n: number): luastring | null;
    function lua_gethookmask(L: lua_State): number;
    const LUA_MULTRET: -1;
    const LUA_REGISTRYINDEX: number;
    const LUA_RIDX_GLOBALS: number;
    function lua_upvalueindex(i: number): number;
    function lua_absindex(L: lua_State, idx: number): number;
    function lua_atnativeerror(L: lua_State, f: lua_CFunction | null): lua_CFunction | null;
    function lua_call(L: lua_State, nargs: number, nresults: number): void;
    function lua_callk(L: lua_State, nargs: number, nresults: number, ctx: unknown, k: lua_KFunction | null): void;
    function lua_copy(L: lua_State, from: number, to: number): void;
    function lua_checkstack(L: lua_State, n: number): boolean;
    function lua_concat(L: lua_State, n: number): void;
    function lua_createtable(L: lua_State, narr: number, nrec: number): void;
    function lua_error(L: lua_State): never;
    function lua_getfield(L: lua_State, idx: number, k: string | luastring): number;
    function lua_gettable(L: lua_State, idx: number): number;
    function lua_getglobal(L: lua_State, name: string | luastring): number;
    function lua_getstack(L: lua_State, level: number, ar: lua_Debug): boolean;
    function lua_getinfo(L: lua_State, what: string, ar: lua_Debug): boolean;
    function lua_geti(L: lua_State, idx: number, i: number | bigint): number;
    function lua_gettable(L: lua_State, idx: number): number;
    function lua_getmetatable(L: lua_State, idx: number): boolean;
    function lua_gettop(L: lua_State): number;
    function lua_getuservalue(L: lua_State, idx: number): number;
    function lua_insert(L: lua_State, idx: number): void;
    function lua_isinteger(L: lua_State, idx: number): boolean;
    function lua_isnil(L: lua_State, idx: number): boolean;
    function lua_isnoneornil(L: lua_State, idx: number): boolean;
    function lua_isyieldable(L: lua_State): boolean;
    function lua_newtable(L: lua_State): void;
    function lua_newthread(L: lua_State): lua_State;
    function lua_newuserdata(L: lua_State, size: number): Record<string, unknown>;
    function lua_next(L: lua_State, idx: number): boolean;
    function lua_pcall(L: lua_State, nargs: number, nresults: number, msgh: number): number;
    function lua_pcallk(L: lua_State, nargs: number, nresults: number, msgh: number, ctx: unknown, k: lua_KFunction | null): number;
    function lua_rotate(L: lua_State, idx: number, n: number): void;
    function lua_pop(L: lua_State, n: number): void;
    function lua_pushboolean(L: lua_State, b: boolean | number): void;
    function lua_pushcclosure(L: lua_State, f: lua_CFunction, n: number): void;
    function lua_pushcfunction(L: lua_State, f: lua_CFunction): void;
    function lua_pushglobaltable(L: lua_State): void;
    /** A 64-bit integer: a JS number with an integral value or a bigint, within [-2^63, 2^63) (vendored fengari). */
    function lua_pushinteger(L: lua_State, n: number | bigint): void;
    function lua_pushjsfunction(L: lua_State, f: lua_CFunction): void;
    function lua_pushlightuserdata(L: lua_State, p: unknown): void;
    function lua_pushliteral(L: lua_State, s: string): luastring;
    function lua_pushnil(L: lua_State): void;
    function lua_pushnumber(L: lua_State, n: number): void;
    function lua_pushstring(L: lua_State, s: string | luastring): luastring;
    function lua_pushthread(L: lua_State): boolean;
    function lua_pushvalue(L: lua_State, idx: number): void;
    function lua_rawequal(L: lua_State, a: number, b: number): boolean;
    function lua_rawget(L: lua_State, idx: number): number;
    function lua_rawgeti(L: lua_State, idx: number, n: number): number;
    function lua_rawgetp(L: lua_State, idx: number, p: unknown): number;
    function lua_rawlen(L: lua_State, idx: number): number;
    function lua_rawset(L: lua_State, idx: number): void;
    function lua_rawseti(L: lua_State, idx: number, n: number): void;
    function lua_rawsetp(L: lua_State, idx: number, p: unknown): void;
    function lua_remove(L: lua_State, idx: number): void;
    function lua_replace(L: lua_State, idx: number): void;
    function lua_resume(L: lua_State, from: lua_State | null, nargs: number): number;
    function lua_setfield(L: lua_State, idx: number, k: string | luastring): void;
    function lua_settable(L: lua_State, idx: number): void;
    function lua_setglobal(L: lua_State, name: string | luastring): void;
    function lua_sethook(L: lua_State, f: lua_Hook | null, mask: number, count: number): void;
    function lua_seti(L: lua_State, idx: number, n: number | bigint): void;
    function lua_setmetatable(L: lua_State, idx: number): void;
    function lua_settop(L: lua_State, idx: number): void;
    function lua_setupvalue(L: lua_State, funcindex: number, n: number): luastring | null;
    function lua_setuservalue(L: lua_State, idx: number): void;
    function lua_status(L: lua_State): number;
    function lua_toboolean(L: lua_State, idx: number): boolean;
    /** A number within ±(2^53 - 1), a bigint beyond (vendored fengari: 64-bit integers). */
    function lua_tointegerx(L: lua_State, idx: number, isnum?: null): number | bigint | false;
    function lua_tointeger(L: lua_State, idx: number): number | bigint;
    function lua_tojsstring(L: lua_State, idx: number): string | null;
    function lua_tonumber(L: lua_State, idx: number): number;
    function lua_tostring(L: lua_State, idx: number): luastring | null;
    function lua_isstring(L: lua_State, idx: number): boolean;
    function lua_tothread(L: lua_State, idx: number): lua_State | null;
    function lua_tocfunction(L: lua_State, idx: number): lua_CFunction | object | null;
    function lua_touserdata(L: lua_State, idx: number): any;
    function lua_topointer(L: lua_State, idx: number): object | null;
    /** A JS function that pushes the value at `idx` onto any thread of the same state (held by the JS GC, no registry ref). */
    function lua_toproxy(L: lua_State, idx: number): (L: lua_State) => void;
    function lua_type(L: lua_State, idx: number): number;
    function lua_xmove(from: lua_State, to: lua_State, n: number): void;
    function lua_yield(L: lua_State, n: number): number;
    function lua_yieldk(L: lua_State, n: number, ctx: unknown, k: lua_KFunction | null): number;
  }

  export namespace lauxlib {
    function luaL_newstate(): lua_State;
    function luaL_checkany(L: lua_State, arg: number): void;
    function luaL_checktype(L: lua_State, arg: number, t: number): void;
    function luaL_getmetafield(L: lua_State, obj: number, e: string | luastring): number;
    function luaL_checkstack(L: lua_State, sz: number, msg: string | null): void;
    function luaL_loadbufferx(L: lua_State, buff: luastring, size: number | null, name: luastring | string, mode: string | null): number;
    function luaL_loadbuffer(L: lua_State, buff: luastring, size: number | null, name: luastring | string): number;
    function luaL_loadstring(L: lua_State, s: luastring): number;
    function luaL_dostring(L: lua_State, s: luastring): number;
    function luaL_newmetatable(L: lua_State, tname: string | luastring): boolean;
    function luaL_getmetatable(L: lua_State, tname: string | luastring): number;
    function luaL_setmetatable(L: lua_State, tname: string | luastring): void;
    function luaL_testudata(L: lua_State, ud: number, tname: string | luastring): unknown;
    function luaL_ref(L: lua_State, t: number): number;
    function luaL_unref(L: lua_State, t: number, ref: number): void;
    function luaL_requiref(L: lua_State, modname: string | luastring, openf: lua_CFunction, glb: boolean | number): void;
    function luaL_tolstring(L: lua_State, idx: number): luastring;
    function luaL_traceback(L: lua_State, L1: lua_State, msg: luastring | string | null, level: number): void;
    function luaL_typename(L: lua_State, idx: number): luastring;
    function luaL_where(L: lua_State, level: number): void;
    /** luaL_len/checkinteger/optinteger: a number within ±(2^53 - 1), a bigint beyond (vendored fengari: 64-bit integers). */
    function luaL_len(L: lua_State, idx: number): number | bigint;
    function luaL_checkinteger(L: lua_State, arg: number): number | bigint;
    function luaL_optinteger(L: lua_State, arg: number, def: number): number | bigint;
    function luaL_checklstring(L: lua_State, arg: number): luastring;
    function luaL_optlstring(L: lua_State, arg: number, def: luastring | string | null): luastring | null;
    function luaL_checknumber(L: lua_State, arg: number): number;
    function luaL_argcheck(L: lua_State, cond: boolean, arg: number, extramsg: luastring): void;
    function luaL_error(L: lua_State, fmt: luastring, ...args: unknown[]): never;
    function luaL_getsubtable(L: lua_State, idx: number, fname: string | luastring): boolean;
    function luaL_argerror(L: lua_State, arg: number, extramsg: luastring | string): never;
  }

  export namespace lualib {
    function luaL_openlibs(L: lua_State): void;
    function luaopen_base(L: lua_State): number;
    function luaopen_coroutine(L: lua_State): number;
    function luaopen_table(L: lua_State): number;
    function luaopen_string(L: lua_State): number;
    function luaopen_math(L: lua_State): number;
    function luaopen_utf8(L: lua_State): number;
    function luaopen_os(L: lua_State): number;
    function luaL_openlibs(L: lua_State): void;
    function luaopen_debug(L: lua_State): number;
  }
}

/** The fengari 0.1.5 release as published, without luamod's changes to vendor/fengari (a devDependency alias: benches and tests compare them). */
declare module 'fengari-upstream' {
  export * from 'fengari';
}
