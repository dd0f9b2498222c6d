// Lua 5.3's `os.date([format [, time]])` (loslib.c `os_date`) in place of fengari's, which prints
// the `!` of UTC formats and gets `%j` and others wrong: `!` selects UTC, `*t` / `!*t` return the
// broken-down table, every other byte is copied and each `%` conversion must be one C Lua accepts
// (`bad argument #1 to 'date' (invalid conversion specifier '%Ez')`). Local time is the process's
// time zone (TZ), as JS's Date sees it.
import { lauxlib, lua, to_luastring, type lua_CFunction, type lua_State } from 'fengari';
import { matchOption, strftimeOne, type BrokenDownTime } from './strftime';

const MAX_DATE_MS = 8.64e15;

function dayOfYear(year: number, month: number, day: number): number {
  return Math.round((Date.UTC(year, month - 1, day) - Date.UTC(year, 0, 1)) / 86_400_000);
}

/** The broken-down time of `t` (seconds since the epoch), in UTC or the process's local time. */
export function brokenDownTime(t: number, utc: boolean): BrokenDownTime | undefined {
  const ms = t * 1000;
  if (!Number.isFinite(ms) || Math.abs(ms) > MAX_DATE_MS) return undefined;
  const d = new Date(ms);
  if (utc) {
    const year = d.getUTCFullYear(), month = d.getUTCMonth() + 1, day = d.getUTCDate();
    return {
      year, month, day, hour: d.getUTCHours(), min: d.getUTCMinutes(), sec: d.getUTCSeconds(),
      wday: d.getUTCDay(), yday: dayOfYear(year, month, day), isdst: false, gmtoff: 0, zone: 'GMT',
    };
  }
  const year = d.getFullYear(), month = d.getMonth() + 1, day = d.getDate();
  const offset = -d.getTimezoneOffset();
  const standard = -Math.max(new Date(year, 0, 1).getTimezoneOffset(), new Date(year, 6, 1).getTimezoneOffset());
  return {
    year, month, day, hour: d.getHours(), min: d.getMinutes(), sec: d.getSeconds(),
    wday: d.getDay(), yday: dayOfYear(year, month, day), isdst: offset !== standard, gmtoff: offset * 60,
    get zone() { return zoneName(d, offset); },
  };
}

/** Locales whose CLDR data hold the usual abbreviations of some zones (CET, IST, JST, AEST, SAST, ...). */
const ZONE_LOCALES = ['en-US', 'en-GB', 'en-IN', 'en-AU', 'ja-JP', 'en-ZA', 'en-NZ', 'en-CA'];

/**
 * The zone abbreviation C's strftime prints for `%Z`: the first short name `Intl` knows that is not
 * a bare `GMT+h` offset, else the offset as tzdata writes nameless zones (`-03`, `+0530`).
 */
function zoneName(d: Date, offsetMinutes: number): string {
  // ICU often has no abbreviation for old dates: then the zone's name today at the same offset.
  const sameOffset = [new Date(2024, 0, 15), new Date(2024, 6, 15)].filter((x) => -x.getTimezoneOffset() === offsetMinutes);
  for (const date of [d, ...sameOffset]) {
    for (const locale of ZONE_LOCALES) {
      const name = new Intl.DateTimeFormat(locale, { timeZoneName: 'short' }).formatToParts(date).find((p) => p.type === 'timeZoneName')?.value;
      if (name && !/^GMT[+-]/.test(name)) return name;
    }
  }
  const abs = Math.abs(offsetMinutes);
  const hm = `${String(Math.floor(abs / 60)).padStart(2, '0')}${abs % 60 ? String(abs % 60).padStart(2, '0') : ''}`;
  return `${offsetMinutes < 0 ? '-' : '+'}${hm}`;
}

function setField(L: lua_State, key: string, value: number | boolean): void {
  if (typeof value === 'boolean') lua.lua_pushboolean(L, value);
  else lua.lua_pushinteger(L, value);
  lua.lua_setfield(L, -2, to_luastring(key));
}

/** `os.date` as C Lua 5.3 computes it. */
export const osDate: lua_CFunction = (L) => {
  const format = lauxlib.luaL_optlstring(L, 1, '%c') as Uint8Array;
  // A 64-bit time beyond 2^53 is a bigint: as a double it is far outside any date, and C's localtime fails
  const t = lua.lua_isnoneornil(L, 2) ? Math.floor(Date.now() / 1000) : Number(lauxlib.luaL_checkinteger(L, 2));
  let s = 0;
  const utc = format[0] === 0x21; /* ! */
  if (utc) s = 1;
  const tm = brokenDownTime(t, utc);
  if (!tm) {
    lauxlib.luaL_where(L, 1);
    lua.lua_pushstring(L, to_luastring('time result cannot be represented in this installation'));
    lua.lua_concat(L, 2);
    return lua.lua_error(L);
  }
  if (format.length - s === 2 && format[s] === 0x2a /* * */ && format[s + 1] === 0x74 /* t */) {
    lua.lua_createtable(L, 0, 9);
    setField(L, 'year', tm.year);
    setField(L, 'month', tm.month);
    setField(L, 'day', tm.day);
    setField(L, 'hour', tm.hour);
    setField(L, 'min', tm.min);
    setField(L, 'sec', tm.sec);
    setField(L, 'yday', tm.yday + 1);
    setField(L, 'wday', tm.wday + 1);
    setField(L, 'isdst', tm.isdst);
    return 1;
  }
  const out: number[] = [];
  while (s < format.length) {
    if (format[s] !== 0x25 /* % */) {
      out.push(format[s++]);
      continue;
    }
    s++;
    const rest = Buffer.from(format.subarray(s)).toString('latin1');
    const option = matchOption(rest);
    if (option === undefined) {
      lauxlib.luaL_argerror(L, 1, to_luastring(`invalid conversion specifier '%${rest}'`));
    } else {
      const text = strftimeOne(option, tm);
      for (let i = 0; i < text.length; i++) out.push(text.charCodeAt(i));
      s += option.length;
    }
  }
  lua.lua_pushstring(L, Uint8Array.from(out));
  return 1;
};
