// Lua 5.3's `string.format` (lstrlib.c `str_format`) over C printf semantics (./printf.ts), in place
// of fengari's, whose float conversions differ from C (`%e` gives `2.55e+2`, no `%E`/`%G`, no `#`
// or space flags, `%.0f` rounds ties up, `%.4x` ignores the precision). Same validation and
// messages as C Lua: `invalid option '%y' to 'format'`, `invalid format (repeated flags)`,
// `invalid format (width or precision too long)`, `bad argument #N to 'format' (no value)`.
import { lauxlib, lua, to_luastring, type lua_CFunction, type lua_State } from 'fengari';
import { formatFloat, formatInteger, type PrintfSpec } from './printf';

const PCT = 0x25;
const FLAGS = '-+ #0';

function isDigit(c: number | undefined): boolean {
  return c !== undefined && c >= 0x30 && c <= 0x39;
}

function raise(L: lua_State, message: string): never {
  lauxlib.luaL_where(L, 1);
  lua.lua_pushstring(L, to_luastring(message));
  lua.lua_concat(L, 2);
  return lua.lua_error(L) as never;
}

/** Reads `[flags][width][.precision]conv` at `at` (after the `%`) as C Lua's scanformat does. */
function scanFormat(L: lua_State, fmt: Uint8Array, at: number): { spec: PrintfSpec; next: number; text: string } {
  const start = at;
  while (at < fmt.length && FLAGS.includes(String.fromCharCode(fmt[at]))) at++;
  if (at - start >= FLAGS.length + 1) raise(L, 'invalid format (repeated flags)');
  const flags = String.fromCharCode(...fmt.subarray(start, at));
  let width = 0;
  for (let n = 0; n < 2 && isDigit(fmt[at]); n++) width = width * 10 + fmt[at++] - 0x30;
  let precision: number | undefined;
  if (fmt[at] === 0x2e) {
    at++;
    precision = 0;
    for (let n = 0; n < 2 && isDigit(fmt[at]); n++) precision = precision * 10 + fmt[at++] - 0x30;
  }
  if (isDigit(fmt[at])) raise(L, 'invalid format (width or precision too long)');
  const conv = at < fmt.length ? String.fromCharCode(fmt[at]) : '';
  return { spec: { flags, width, precision, conv }, next: at + 1, text: String.fromCharCode(...fmt.subarray(start, at)) };
}

/** Collects the result: whole byte runs (the format's literal text, `%s` values) as they are, small pieces in between. */
class ByteBuilder {
  private readonly chunks: Uint8Array[] = [];
  private bytes: number[] = [];
  private size = 0;

  push(...bytes: number[]): void {
    for (const b of bytes) this.bytes.push(b);
  }

  pushBytes(run: Uint8Array): void {
    if (run.length < 32) {
      for (const b of run) this.bytes.push(b);
      return;
    }
    this.flush();
    this.chunks.push(run);
    this.size += run.length;
  }

  pushText(text: string): void {
    for (let i = 0; i < text.length; i++) this.bytes.push(text.charCodeAt(i));
  }

  finish(): Uint8Array {
    this.flush();
    if (this.chunks.length === 1) return this.chunks[0];
    const out = new Uint8Array(this.size);
    let at = 0;
    for (const c of this.chunks) {
      out.set(c, at);
      at += c.length;
    }
    return out;
  }

  private flush(): void {
    if (this.bytes.length === 0) return;
    this.chunks.push(Uint8Array.from(this.bytes));
    this.size += this.bytes.length;
    this.bytes = [];
  }
}

/** `%q` of a string: quoted, with `\"`, `\\`, `\` + newline and control bytes as `\ddd`. */
function quoteString(s: Uint8Array, out: ByteBuilder): void {
  out.push(0x22);
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === 0x22 || c === 0x5c || c === 0x0a) out.push(0x5c, c);
    else if (c < 32 || c === 127) {
      const text = isDigit(s[i + 1]) ? String(c).padStart(3, '0') : String(c);
      out.push(0x5c);
      out.pushText(text);
    } else out.push(c);
  }
  out.push(0x22);
}

/** `%q`: strings quoted, integers in decimal (mininteger in hex), floats as `%a`, nil/booleans as text. */
function addLiteral(L: lua_State, arg: number, out: ByteBuilder): void {
  switch (lua.lua_type(L, arg)) {
    case lua.LUA_TSTRING:
      quoteString(lua.lua_tostring(L, arg) as Uint8Array, out);
      return;
    case lua.LUA_TNUMBER: {
      if (lua.lua_isinteger(L, arg)) {
        // A 64-bit integer: a number within ±(2^53-1), a bigint beyond (mininteger is one).
        const n = BigInt(lua.lua_tointegerx(L, arg) as number | bigint);
        out.pushText(n === -(2n ** 63n) ? `0x${formatInteger(n, { flags: '', width: 0, conv: 'x' })}` : String(n));
      } else {
        out.pushText(formatFloat(lua.lua_tonumber(L, arg), { flags: '', width: 0, conv: 'a' }));
      }
      return;
    }
    case lua.LUA_TNIL:
    case lua.LUA_TBOOLEAN:
      out.pushBytes(lauxlib.luaL_tolstring(L, arg).slice());
      lua.lua_pop(L, 1);
      return;
    default:
      lauxlib.luaL_argerror(L, arg, to_luastring('value has no literal form'));
  }
}

/** `string.format(fmt, ...)` as C Lua 5.3 computes it. */
export const stringFormat: lua_CFunction = (L) => {
  const top = lua.lua_gettop(L);
  const fmt = lauxlib.luaL_checklstring(L, 1);
  const out = new ByteBuilder();
  let arg = 1;
  let i = 0;
  while (i < fmt.length) {
    if (fmt[i] !== PCT) {
      const next = fmt.indexOf(PCT, i);
      const end = next < 0 ? fmt.length : next;
      out.pushBytes(fmt.subarray(i, end));
      i = end;
      continue;
    }
    if (fmt[i + 1] === PCT) {
      out.push(PCT);
      i += 2;
      continue;
    }
    if (++arg > top) lauxlib.luaL_argerror(L, arg, to_luastring('no value'));
    const { spec, next, text } = scanFormat(L, fmt, i + 1);
    i = next;
    switch (spec.conv) {
      case 'c': {
        const n = lauxlib.luaL_checkinteger(L, arg);
        const byte = String.fromCharCode(Number(BigInt.asUintN(8, BigInt(n))));
        out.pushText(pad(spec, byte));
        break;
      }
      case 'd': case 'i': case 'o': case 'u': case 'x': case 'X':
        out.pushText(formatInteger(lauxlib.luaL_checkinteger(L, arg), spec));
        break;
      case 'a': case 'A': case 'e': case 'E': case 'f': case 'g': case 'G':
        out.pushText(formatFloat(lauxlib.luaL_checknumber(L, arg), spec));
        break;
      case 'q':
        addLiteral(L, arg, out);
        break;
      case 's': {
        const s = lauxlib.luaL_tolstring(L, arg);
        if (text === '' || (spec.precision === undefined && s.length >= 100)) {
          if (text !== '' && s.includes(0)) lauxlib.luaL_argerror(L, arg, to_luastring('string contains zeros'));
          out.pushBytes(s.slice());
        } else {
          if (s.includes(0)) lauxlib.luaL_argerror(L, arg, to_luastring('string contains zeros'));
          const cut = spec.precision === undefined ? s : s.subarray(0, spec.precision);
          out.pushText(pad(spec, String.fromCharCode(...cut)));
        }
        lua.lua_pop(L, 1);
        break;
      }
      default:
        return raise(L, `invalid option '%${spec.conv}' to 'format'`);
    }
  }
  lua.lua_pushstring(L, out.finish());
  return 1;
};

/** Width padding of `%c`/`%s` (spaces; `-` pads on the right). */
function pad(spec: PrintfSpec, s: string): string {
  if (s.length >= spec.width) return s;
  const fill = ' '.repeat(spec.width - s.length);
  return spec.flags.includes('-') ? s + fill : fill + s;
}
