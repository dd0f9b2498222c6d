// How the debugger shows a Lua value: a one-line text, a type, and whether (and how) it expands:
// tables (paged), read-only module views, `Error` values (kind, message, retryable, details) and
// typed userdata (their manifest type name and `__tostring`).
import { lauxlib, lua, to_jsstring, type lua_State } from 'fengari';
import { ScriptError } from '../runtime/errors';
import type { UserdataData } from '../runtime/values';

/** Pushes a value onto any thread of the state (fengari's `lua_toproxy`). */
export type Pusher = (L: lua_State) => void;

export interface Shown {
  readonly value: string;
  readonly type: string;
  /** Set when the value has children. */
  readonly expand?: Pusher;
  /** Array part size (paged by the client when large) and other keys. */
  readonly indexed?: number;
  readonly named?: number;
}

const MAX_TEXT = 200;
const COUNT_LIMIT = 100_000;

/** Shows the value at the top of `S` (left in place). `tostring` runs a protected `__tostring`. */
export function showValue(S: lua_State): Shown {
  const t = lua.lua_type(S, -1);
  switch (t) {
    case lua.LUA_TNIL: return { value: 'nil', type: 'nil' };
    case lua.LUA_TBOOLEAN: return { value: lua.lua_toboolean(S, -1) ? 'true' : 'false', type: 'boolean' };
    case lua.LUA_TNUMBER: return { value: safeToString(S), type: lua.lua_isinteger(S, -1) ? 'integer' : 'number' };
    case lua.LUA_TSTRING: return { value: JSON.stringify(cut(lua.lua_tojsstring(S, -1) ?? '')), type: 'string' };
    case lua.LUA_TFUNCTION: {
      lua.lua_pushvalue(S, -1);
      const ar = new lua.lua_Debug();
      lua.lua_getinfo(S, '>S', ar);
      const src = ar.source ? to_jsstring(ar.source) : '';
      return { value: src.startsWith('@') ? `function <${src.slice(1)}:${ar.linedefined}>` : 'function (builtin)', type: 'function' };
    }
    case lua.LUA_TTABLE: {
      const size = countTable(S);
      const meta = lauxlib.luaL_getmetafield(S, -1, '__tostring') !== lua.LUA_TNIL;
      if (meta) lua.lua_pop(S, 1);
      const text = meta ? safeToString(S) : `table [${size.indexed}${size.named ? ` + ${size.named} keys` : ''}]`;
      return { value: text, type: 'table', expand: lua.lua_toproxy(S, -1), indexed: size.indexed, named: size.named };
    }
    case lua.LUA_TUSERDATA: {
      const data = lua.lua_touserdata(S, -1) as UserdataData | null;
      if (data?.v instanceof ScriptError) {
        const e = data.v;
        return { value: `Error ${e.kind ?? ''}: ${cut(e.message)}`.replace('Error : ', 'Error: '), type: 'Error', expand: lua.lua_toproxy(S, -1) };
      }
      if (data?.ro !== undefined) {
        return { value: `module ${data.name ?? ''}`.trim(), type: 'module', expand: lua.lua_toproxy(S, -1) };
      }
      const type = data?.t ?? 'userdata';
      return { value: `${type}: ${safeToString(S)}`, type };
    }
    case lua.LUA_TTHREAD: return { value: 'thread', type: 'thread' };
    default: return { value: safeToString(S), type: 'userdata' };
  }
}

/** One child of an expandable value: its name, and its value pushed onto `S` by `push`. */
export interface Child { readonly name: string; push(S: lua_State): void }

/**
 * Pushes the children of the value `expand` pushes onto S: for a table its entries (`filter`
 * 'indexed': 1..n from `start`; 'named': the other keys; none: all), for an `Error` its fields, for
 * a module view its table's entries.
 */
export function childrenOf(S: lua_State, expand: Pusher, filter?: 'indexed' | 'named', start = 0, count = 0): Child[] {
  expand(S);
  const out: Child[] = [];
  try {
    if (lua.lua_type(S, -1) === lua.LUA_TUSERDATA) {
      const data = lua.lua_touserdata(S, -1) as UserdataData;
      if (data.v instanceof ScriptError) {
        const e = data.v;
        const fields: [string, (L: lua_State) => void][] = [
          ['kind', (L) => lua.lua_pushstring(L, e.kind ?? '')],
          ['message', (L) => lua.lua_pushstring(L, e.message)],
          ['retryable', (L) => lua.lua_pushboolean(L, e.retryable === true)],
        ];
        if (e.details) fields.push(['details', (L) => { lua.lua_pushstring(L, JSON.stringify(e.details)); }]);
        return fields.map(([name, push]) => ({ name, push }));
      }
      if (data.ro === undefined) return [];
      lua.lua_pop(S, 1);
      lua.lua_rawgeti(S, lua.LUA_REGISTRYINDEX, data.ro);
    }
    if (lua.lua_type(S, -1) !== lua.LUA_TTABLE) return [];
    const n = lua.lua_rawlen(S, -1);
    if (filter !== 'named') {
      const from = filter === 'indexed' ? start + 1 : 1;
      const to = filter === 'indexed' && count > 0 ? Math.min(n, start + count) : n;
      for (let i = from; i <= to; i++) {
        lua.lua_rawgeti(S, -1, i);
        out.push({ name: `[${i}]`, push: lua.lua_toproxy(S, -1) });
        lua.lua_pop(S, 1);
      }
    }
    if (filter !== 'indexed') {
      const named: Child[] = [];
      lua.lua_pushnil(S);
      while (lua.lua_next(S, -2)) {
        const key = keyName(S, -2, n);
        if (key !== null) named.push({ name: key, push: lua.lua_toproxy(S, -1) });
        lua.lua_pop(S, 1);
      }
      named.sort((a, b) => a.name.localeCompare(b.name));
      out.push(...(filter === 'named' && count > 0 ? named.slice(start, start + count) : named));
    }
    return out;
  } finally {
    lua.lua_settop(S, 0);
  }
}

/** A key's display name; null for the array part 1..n (listed apart). */
function keyName(S: lua_State, idx: number, n: number): string | null {
  if (lua.lua_type(S, idx) === lua.LUA_TSTRING) return lua.lua_tojsstring(S, idx) ?? '';
  if (lua.lua_isinteger(S, idx)) {
    const i = lua.lua_tointegerx(S, idx) as number;
    if (i >= 1 && i <= n) return null;
    return `[${i}]`;
  }
  lua.lua_pushvalue(S, idx);
  const text = `[${safeToString(S)}]`;
  lua.lua_pop(S, 1);
  return text;
}

function countTable(S: lua_State): { indexed: number; named: number } {
  const indexed = lua.lua_rawlen(S, -1);
  let all = 0;
  lua.lua_pushnil(S);
  while (lua.lua_next(S, -2)) {
    lua.lua_pop(S, 1);
    if (++all > COUNT_LIMIT) { lua.lua_pop(S, 1); break; }
  }
  return { indexed, named: Math.max(0, all - indexed) };
}

/** `tostring` of the top value, protected (a failing `__tostring` shows its error). */
export function safeToString(S: lua_State): string {
  lua.lua_pushjsfunction(S, (L) => { lauxlib.luaL_tolstring(L, 1); return 1; });
  lua.lua_pushvalue(S, -2);
  const status = lua.lua_pcall(S, 1, 1, 0);
  const text = status === lua.LUA_OK ? (lua.lua_tojsstring(S, -1) ?? '') : `<__tostring failed: ${lua.lua_tojsstring(S, -1) ?? '?'}>`;
  lua.lua_pop(S, 1);
  return cut(text);
}

function cut(s: string): string {
  return s.length > MAX_TEXT ? `${s.slice(0, MAX_TEXT)}…` : s;
}
