// Userdata types: one cached, locked metatable per type and engine (`registerType`); pushing
// and checking a userdata are LState's `pushUserdata`/`checkUserdata`.
import { lauxlib, lua, type lua_State } from 'fengari';
import type { UserdataTypeDef } from '../module/host-api';
import { hostFunction } from './hostfn';
import type { LStateImpl } from './lstate';

/**
 * Registers a UserdataTypeDef's metatable in this engine: `__index` is the (unreachable) methods
 * table, `__name` the type name, `__metatable` locks it so scripts can neither read nor replace it.
 */
export function registerType(L: lua_State, ls: LStateImpl, def: UserdataTypeDef): void {
  const { typeName, metamethods = {}, methods } = def;
  if (!lauxlib.luaL_newmetatable(L, typeName)) {
    lua.lua_pop(L, 1);
    throw new Error(`userdata type '${typeName}' is registered twice`);
  }
  const mt = lua.lua_gettop(L);
  if (!('__index' in metamethods)) {
    lua.lua_createtable(L, 0, Object.keys(methods).length);
    for (const [name, fn] of Object.entries(methods)) {
      lua.lua_pushjsfunction(L, hostFunction(ls, { name, qualified: `${typeName}:${name}`, method: true }, fn));
      lua.lua_setfield(L, -2, name);
    }
    lua.lua_setfield(L, mt, '__index');
  }
  for (const [name, fn] of Object.entries(metamethods)) {
    lua.lua_pushjsfunction(L, hostFunction(ls, { name, qualified: `${typeName}.${name}`, method: false }, fn));
    lua.lua_setfield(L, mt, name);
  }
  lua.lua_pushstring(L, typeName);
  lua.lua_setfield(L, mt, '__metatable');
  lua.lua_pop(L, 1);
  ls.types.add(typeName);
}
