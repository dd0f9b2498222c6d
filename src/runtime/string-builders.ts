// The string builders under the string size limit: string.rep, string.format, string.gsub,
// string.pack and table.concat refuse to build a string larger than `limits.stringBytes`, deciding before the
// string exists (a bound from the arguments, or counting while the parts are produced).
import { lauxlib, lua, to_jsstring, to_luastring, type lua_State } from 'fengari';
import { formatBytes } from './resource-limits';
import type { EngineState } from './state';
import { callOriginal, reraise, wrapField } from './wrap-function';

/**
 * Wraps the string builders of the `string` and `table` tables at stack indices `stringIdx` and
 * `tableIdx` (before they become read-only) so that no single call builds a string larger than
 * `engine.limits.stringBytes`.
 */
export function limitStringBuilders(engine: EngineState, L: lua_State, stringIdx: number, tableIdx: number): void {
  const limit = (): number => engine.limits.stringBytes;
  wrapField(L, stringIdx, 'rep', (L1) => {
    const n = lua.lua_tonumber(L1, 2);
    const each = lengthAt(L1, 1) + (n > 1 ? lengthAt(L1, 3) : 0);
    if (limit() > 0 && n > 0 && each * n > limit()) return tooLarge(L1, 'rep', each * n, limit());
    return callOriginal(L1);
  });
  wrapField(L, stringIdx, 'format', (L1) => {
    const max = limit();
    if (max > 0) {
      // Before building: a bound of the result from the arguments. `%s` of a value with __tostring
      // converts it here, once (the original then formats the string it returned).
      const n = lua.lua_gettop(L1);
      const conversions = lua.lua_type(L1, 1) === lua.LUA_TSTRING ? formatConversions(lua.lua_tostring(L1, 1) as Uint8Array) : [];
      let bound = lengthAt(L1, 1);
      for (let i = 2; i <= n && bound <= max; i++) {
        if (conversions[i - 2] === 0x73 /* %s */ && lua.lua_type(L1, i) !== lua.LUA_TSTRING && lua.lua_type(L1, i) !== lua.LUA_TNUMBER &&
            lauxlib.luaL_getmetafield(L1, i, '__tostring') !== lua.LUA_TNIL) {
          lua.lua_pop(L1, 1);
          lauxlib.luaL_tolstring(L1, i);
          lua.lua_replace(L1, i);
        }
        // Width and precision are at most 99 in Lua 5.3; `%.99f` of a huge float is ~410 bytes.
        bound += Math.max(lengthAt(L1, i), 0) + 420;
      }
      if (bound > max) return tooLarge(L1, 'format', bound, max);
    }
    return checkedResult(L1, 'format', callOriginal(L1), max);
  });
  lauxlib.luaL_loadbufferx(L, to_luastring(COUNTER), null, '=gsub', 't');
  lua.lua_pushglobaltable(L);
  lua.lua_getfield(L, -1, 'type');
  lua.lua_getfield(L, -2, 'error');
  lua.lua_remove(L, -3);
  lua.lua_call(L, 2, 1);
  const counterRef = lauxlib.luaL_ref(L, lua.LUA_REGISTRYINDEX);
  wrapField(L, stringIdx, 'gsub', (L1) => gsub(L1, limit(), counterRef));
  wrapField(L, stringIdx, 'pack', (L1) => {
    const max = limit();
    if (max > 0 && lua.lua_type(L1, 1) === lua.LUA_TSTRING) {
      const size = packBound(L1, lua.lua_tostring(L1, 1) as Uint8Array);
      if (size > max) return tooLarge(L1, 'pack', size, max);
    }
    return callOriginal(L1);
  });
  wrapField(L, tableIdx, 'concat', (L1) => concat(L1, limit()));
}

/**
 * An upper bound of what string.pack builds for format `fmt` (argument 1) and the arguments after
 * it: each option's size (`cN` is N bytes however short its string), a string's length for `s`
 * and `z`, and up to 16 bytes of alignment per option.
 */
function packBound(L: lua_State, fmt: Uint8Array): number {
  let size = 0;
  let arg = 2;
  for (let i = 0; i < fmt.length; i++) {
    const c = fmt[i];
    let digits = '';
    while (i + 1 < fmt.length && fmt[i + 1] >= 0x30 && fmt[i + 1] <= 0x39) digits += String.fromCharCode(fmt[++i]);
    const n = digits === '' ? 0 : Number(digits);
    switch (String.fromCharCode(c)) {
      case 'c': size += n + 16; arg++; break;
      case 's': size += lengthAt(L, arg) + 16 + 16; arg++; break;
      case 'z': size += lengthAt(L, arg) + 1 + 16; arg++; break;
      case 'b': case 'B': case 'h': case 'H': case 'l': case 'L': case 'j': case 'J': case 'T':
      case 'f': case 'd': case 'n': case 'i': case 'I': size += 16 + 16; arg++; break;
      case 'x': case 'X': size += 1 + 16; break;
      default: break; // ' ', '<', '>', '=', '!': no bytes (a bad option is Lua's error)
    }
  }
  return size;
}

/** The conversion letter of each `%` spec of a format string, in argument order (`%%` takes none). */
function formatConversions(fmt: Uint8Array): number[] {
  const out: number[] = [];
  for (let i = 0; i < fmt.length; i++) {
    if (fmt[i] !== 0x25) continue;
    i++;
    if (fmt[i] === 0x25) continue;
    while (i < fmt.length && '-+ #0123456789.'.includes(String.fromCharCode(fmt[i]))) i++;
    out.push(fmt[i] ?? 0);
  }
  return out;
}

/** Raises when the first result (a string) is over the limit; otherwise returns `results`. */
function checkedResult(L: lua_State, fn: string, results: number, max: number): number {
  if (max > 0 && lua.lua_type(L, 1) === lua.LUA_TSTRING && lua.lua_rawlen(L, 1) > max) {
    return tooLarge(L, fn, lua.lua_rawlen(L, 1), max);
  }
  return results;
}

/**
 * Lua 5.3's table.concat, reading each element once (through __index and __len, as Lua does) and
 * counting the bytes of the values actually joined: a proxy cannot answer small values to a size
 * check and large ones to the join.
 */
function concat(L: lua_State, max: number): number {
  if (max <= 0) return callOriginal(L);
  const t = lua.lua_type(L, 1);
  if (t !== lua.LUA_TTABLE && !(lauxlib.luaL_getmetafield(L, 1, '__index') !== lua.LUA_TNIL && (lua.lua_pop(L, 1), true) &&
      lauxlib.luaL_getmetafield(L, 1, '__len') !== lua.LUA_TNIL && (lua.lua_pop(L, 1), true))) {
    return callOriginal(L); // Lua's own argument error
  }
  const sep = lauxlib.luaL_optlstring(L, 2, EMPTY) as Uint8Array;
  const first = lauxlib.luaL_optinteger(L, 3, 1);
  const last = lua.lua_isnoneornil(L, 4) ? lauxlib.luaL_len(L, 1) : lauxlib.luaL_checkinteger(L, 4);
  const parts: Uint8Array[] = [];
  let total = 0;
  for (let i = first; i <= last; i++) {
    lua.lua_geti(L, 1, i);
    if (!lua.lua_isstring(L, -1)) {
      const type = to_jsstring(lauxlib.luaL_typename(L, -1));
      lauxlib.luaL_where(L, 1);
      lua.lua_pushstring(L, `invalid value (${type}) at index ${i} in table for 'concat'`); // C Lua 5.3.6's words
      lua.lua_concat(L, 2);
      return lua.lua_error(L);
    }
    const part = lua.lua_tostring(L, -1) as Uint8Array; // read only: copied into the result below
    lua.lua_pop(L, 1);
    total += part.length + (i > first ? sep.length : 0);
    if (total > max) return tooLarge(L, 'concat', total, max);
    if (i > first && sep.length > 0) parts.push(sep);
    parts.push(part);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) { out.set(p, at); at += p.length; }
  lua.lua_pushstring(L, out);
  return 1;
}

/**
 * string.gsub with the result's size checked while it is built. A function or table replacement
 * is wrapped to count what it answers; a replacement string whose worst case could pass the limit
 * (`%0` repeated over many matches) is first measured by a dry run that keeps every match.
 */
function gsub(L: lua_State, max: number, counterRef: number): number {
  if (max <= 0) return callOriginal(L);
  const rt = lua.lua_type(L, 3);
  const src = lua.lua_type(L, 1) === lua.LUA_TSTRING || lua.lua_type(L, 1) === lua.LUA_TNUMBER ? lengthAt(L, 1) : 0;
  if (rt === lua.LUA_TFUNCTION || rt === lua.LUA_TTABLE) {
    // The replacement goes through a Lua counter (a Lua-to-Lua call costs far less than a JS one):
    // past the budget it raises `marker`, with the size reached in `marker.size`.
    lua.lua_createtable(L, 0, 1);
    const marker = lua.lua_gettop(L);
    lua.lua_rawgeti(L, lua.LUA_REGISTRYINDEX, counterRef);
    lua.lua_pushvalue(L, 3);
    lua.lua_pushboolean(L, rt === lua.LUA_TTABLE);
    lua.lua_pushnumber(L, max - src);
    lua.lua_pushvalue(L, marker);
    lua.lua_call(L, 4, 1);
    lua.lua_replace(L, 3);
    lua.lua_insert(L, 1); // the marker stays below the call: [marker, gsub, s, pattern, counter, n]
    lua.lua_pushvalue(L, lua.lua_upvalueindex(1));
    lua.lua_insert(L, 2);
    const status = lua.lua_pcall(L, lua.lua_gettop(L) - 2, lua.LUA_MULTRET, 0);
    if (status === lua.LUA_OK) {
      lua.lua_remove(L, 1);
      return checkedResult(L, 'gsub', lua.lua_gettop(L), max);
    }
    if (lua.lua_rawequal(L, -1, 1)) {
      lua.lua_getfield(L, 1, 'size');
      return tooLarge(L, 'gsub', src + lua.lua_tonumber(L, -1), max);
    }
    return reraise(L);
  }
  if (rt === lua.LUA_TSTRING || rt === lua.LUA_TNUMBER) {
    // Matches are disjoint and every capture lies inside its match, so over the whole call each
    // `%d` adds at most the subject's length (plus a few digits per match for a position capture):
    // size <= subject + matches * literal + refs * subject (+ matches * refs * 11).
    const repl = lua.lua_tostring(L, 3) as Uint8Array;
    let literal = 0;
    let refs = 0;
    for (let i = 0; i < repl.length; i++) {
      if (repl[i] === 0x25 && i + 1 < repl.length && repl[i + 1] >= 0x30 && repl[i + 1] <= 0x39) { refs++; i++; } else literal++;
    }
    const pattern = lua.lua_type(L, 2) === lua.LUA_TSTRING ? (lua.lua_tostring(L, 2) as Uint8Array) : EMPTY;
    const digits = hasPositionCapture(pattern) ? refs * 11 : 0;
    const bound = (matches: number) => src + matches * (literal + digits) + refs * src;
    if (bound(src + 1) > max) {
      const size = bound(countMatches(L));
      if (size > max) return tooLarge(L, 'gsub', size, max);
    }
  }
  return checkedResult(L, 'gsub', callOriginal(L), max);
}

/** How many replacements gsub's arguments make, by running it with an empty replacement (0 on error). */
function countMatches(L: lua_State): number {
  const top = lua.lua_gettop(L);
  lua.lua_pushvalue(L, lua.lua_upvalueindex(1));
  lua.lua_pushvalue(L, 1);
  lua.lua_pushvalue(L, 2);
  lua.lua_pushstring(L, '');
  if (top >= 4) lua.lua_pushvalue(L, 4);
  const status = lua.lua_pcall(L, top >= 4 ? 4 : 3, 2, 0);
  // A failing count (a bad pattern or count) fails the same way in the real call.
  const n = status === lua.LUA_OK ? lua.lua_tonumber(L, -1) : 0;
  lua.lua_settop(L, top);
  return n;
}

/** Whether a Lua pattern has a position capture `()` (outside a `[...]` set, not escaped). */
function hasPositionCapture(pattern: Uint8Array): boolean {
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === 0x25) { i++; continue; }
    if (c === 0x5b) {
      i++;
      if (pattern[i] === 0x5e) i++;
      do {
        if (pattern[i] === 0x25) i++;
        i++;
      } while (i < pattern.length && pattern[i] !== 0x5d);
      continue;
    }
    if (c === 0x28 && pattern[i + 1] === 0x29) return true;
  }
  return false;
}

/** The Lua factory of gsub's replacement counters (see `gsub`). */
const COUNTER = `local type, error = ...
return function(repl, isTable, budget, marker)
  local added = 0
  local function count(r)
    if r then
      local t = type(r)
      if t == "string" then added = added + #r elseif t == "number" then added = added + 24 end
      if added > budget then marker.size = added error(marker, 0) end
    end
    return r
  end
  if isTable then
    return function(k) return count(repl[k]) end
  end
  return function(a, ...) return count((repl(a, ...))) end
end`;

const EMPTY = new Uint8Array(0);

/** Byte length of a string (or a number's text, at most 24) at `idx`; 0 for anything else. */
function lengthAt(L: lua_State, idx: number): number {
  const t = lua.lua_type(L, idx);
  return t === lua.LUA_TSTRING ? lua.lua_rawlen(L, idx) : t === lua.LUA_TNUMBER ? 24 : 0;
}

function tooLarge(L: lua_State, fn: string, size: number, limit: number): number {
  lauxlib.luaL_where(L, 1);
  lua.lua_pushstring(L, `resulting string too large in '${fn}' (${size} bytes; the limit is ${formatBytes(limit)})`);
  lua.lua_concat(L, 2);
  return lua.lua_error(L);
}


