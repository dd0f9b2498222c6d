// compileModuleChunk: a project file compiled once as `function(_ENV, ...)`, in one pass; a text
// that would close the wrapper early and run code outside it is refused (real fengari state).
import { lauxlib, lua } from 'fengari';
import { describe, expect, it } from 'vitest';
import { compileModuleChunk } from '../../src/runtime/module-chunk';

const ESCAPES = [
  'x = 1 end, (function() leaked = true end)(), function(...) z = 1',
  'end .. tostring(rawset(_ENV, "leaked", true)), function(...)',
  'end, rawset(_ENV, "leaked", true) and nil or function(_ENV, ...)',
  'end == rawset(_ENV, "leaked", true), function(...)',
];

describe('compileModuleChunk', () => {
  it('compiles a module body into a function taking _ENV and ...', () => {
    const L = lauxlib.luaL_newstate();
    const c = compileModuleChunk(L, 'local name = ...\nreturn { name = name, g = answer }', 'm.lua');
    expect('ref' in c).toBe(true);
    if (!('ref' in c)) return;
    lua.lua_rawgeti(L, lua.LUA_REGISTRYINDEX, c.ref);
    lua.lua_createtable(L, 0, 1);
    lua.lua_pushinteger(L, 42);
    lua.lua_setfield(L, -2, 'answer');
    lua.lua_pushstring(L, 'm');
    lua.lua_call(L, 2, 1);
    lua.lua_getfield(L, -1, 'name');
    lua.lua_getfield(L, -2, 'g');
    expect([lua.lua_tojsstring(L, -2), lua.lua_tointegerx(L, -1)]).toEqual(['m', 42]);
  });

  it('gives Lua\'s own message and line for a syntax error, and skips a #! line without moving lines', () => {
    const L = lauxlib.luaL_newstate();
    expect(compileModuleChunk(L, 'local M = {}\n\nlocal x = = 2\nreturn M', 'bad.lua')).toEqual({ error: "unexpected symbol near '='", line: 3 });
    expect(compileModuleChunk(L, 'local t = {\n', 'open.lua')).toEqual({ error: 'unexpected symbol near <eof>', line: 2 });
    expect(compileModuleChunk(L, '#!/usr/bin/env lua\nlocal = 1', 'shebang.lua')).toMatchObject({ line: 2 });
    expect(lua.lua_gettop(L)).toBe(0);
  });

  it.each(ESCAPES)('refuses a text that would escape the wrapper, without running any of it: %s', (text) => {
    const L = lauxlib.luaL_newstate();
    const c = compileModuleChunk(L, text, 'evil.lua');
    expect('error' in c).toBe(true);
    lua.lua_getglobal(L, 'leaked');
    expect(lua.lua_isnil(L, -1)).toBe(true);
  });
});
