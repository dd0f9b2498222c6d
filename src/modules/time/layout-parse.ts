// Parses text with a Go-style reference layout into an Instant. Follows Go's time.Parse: missing
// elements default to zero (year 0, January 1); no zone in the text means UTC.
import { daysFromCivil, daysInMonth, civilFromDays, isLeapYear } from './civil';
import { makeInstant, type Instant } from './instant';
import { MONTHS, WEEKDAYS } from './layout-format';
import { tokenizeLayout, type Chunk } from './layout-tokens';

export type ParseResult = { readonly time: Instant } | { readonly error: string };

interface Fields {
  year: number; month: number; day: number; yday: number;
  hour: number; minute: number; second: number; nsec: number;
  pm?: boolean; offset?: number; zone?: string;
}

class Bad extends Error {}

/** Parses `value` against `layout`; returns the instant or a Go-style error message. */
export function parseTime(layout: string, value: string): ParseResult {
  const chunks = tokenizeLayout(layout);
  const f: Fields = { year: 0, month: 1, day: 1, yday: -1, hour: 0, minute: 0, second: 0, nsec: 0 };
  let rest = value;
  const q = JSON.stringify;
  for (let i = 0; i < chunks.length; i++) {
    const chunk = chunks[i];
    if ('literal' in chunk) {
      const after = skipLiteral(rest, chunk.literal);
      if (after === undefined) return { error: `parsing time ${q(value)} as ${q(layout)}: cannot parse ${q(rest)} as ${q(chunk.literal)}` };
      rest = after;
      continue;
    }
    try {
      rest = parseElement(chunk, rest, f, chunks[i + 1]);
    } catch (e) {
      const name = chunk.element === 'frac' ? (chunk.sep + (chunk.trim ? '9' : '0').repeat(chunk.digits)) : chunk.element;
      if (e instanceof RangeError) return { error: `parsing time ${q(value)}: ${e.message}` };
      if (e instanceof Bad) return { error: `parsing time ${q(value)} as ${q(layout)}: cannot parse ${q(rest)} as ${q(name)}` };
      throw e;
    }
  }
  if (rest.length > 0) return { error: `parsing time ${q(value)}: extra text: ${q(rest)}` };
  if (f.pm === true && f.hour < 12) f.hour += 12;
  else if (f.pm === false && f.hour === 12) f.hour = 0;
  if (f.yday >= 0) {
    const days = isLeapYear(f.year) ? 366 : 365;
    if (f.yday > days) return { error: `parsing time ${q(value)}: day-of-year out of range` };
    const d = civilFromDays(daysFromCivil(f.year, 1, 1) + f.yday - 1);
    f.month = d.month;
    f.day = d.day;
  }
  if (f.day > daysInMonth(f.year, f.month)) return { error: `parsing time ${q(value)}: day out of range` };
  const local = daysFromCivil(f.year, f.month, f.day) * 86400 + f.hour * 3600 + f.minute * 60 + f.second;
  if (f.offset !== undefined) {
    const zone = f.offset === 0 && f.zone === undefined ? 'UTC' : f.zone;
    return { time: makeInstant(local - f.offset, f.nsec, f.offset, zone) };
  }
  return { time: makeInstant(local, f.nsec, 0, f.zone ?? 'UTC') };
}

/** Removes `literal` from the front of `value`; a run of spaces matches any run of spaces. */
function skipLiteral(value: string, literal: string): string | undefined {
  let v = value;
  let p = literal;
  while (p.length > 0) {
    if (p[0] === ' ') {
      if (v.length > 0 && v[0] !== ' ') return undefined;
      p = p.replace(/^ +/, '');
      v = v.replace(/^ +/, '');
      continue;
    }
    if (v[0] !== p[0]) return undefined;
    p = p.slice(1);
    v = v.slice(1);
  }
  return v;
}

const isDigit = (s: string, i: number): boolean => s[i] !== undefined && s[i] >= '0' && s[i] <= '9';

/** One or two digits (exactly two when `fixed`). */
function getNum(s: string, fixed: boolean): [number, string] {
  if (!isDigit(s, 0)) throw new Bad();
  if (!isDigit(s, 1)) {
    if (fixed) throw new Bad();
    return [Number(s[0]), s.slice(1)];
  }
  return [Number(s.slice(0, 2)), s.slice(2)];
}

function getDigits(s: string, n: number): [number, string] {
  for (let i = 0; i < n; i++) if (!isDigit(s, i)) throw new Bad();
  return [Number(s.slice(0, n)), s.slice(n)];
}

function lookup(names: readonly string[], s: string, len?: number): [number, string] {
  for (let i = 0; i < names.length; i++) {
    const name = len ? names[i].slice(0, len) : names[i];
    if (s.slice(0, name.length).toLowerCase() === name.toLowerCase()) return [i, s.slice(name.length)];
  }
  throw new Bad();
}

function inRange(v: number, lo: number, hi: number, what: string): number {
  if (v < lo || v > hi) throw new RangeError(`${what} out of range`);
  return v;
}

/** Reads the digits of a fraction (after the separator) as nanoseconds. */
function nanosOf(digits: string): number {
  return Number(digits.slice(0, 9).padEnd(9, '0'));
}

function parseElement(chunk: Exclude<Chunk, { literal: string }>, s: string, f: Fields, next: Chunk | undefined): string {
  let v: number;
  switch (chunk.element) {
    case '2006': [f.year, s] = getDigits(s, 4); return s;
    case '06': [v, s] = getDigits(s, 2); f.year = v >= 69 ? 1900 + v : 2000 + v; return s;
    case 'January': [v, s] = lookup(MONTHS, s); f.month = v + 1; return s;
    case 'Jan': [v, s] = lookup(MONTHS, s, 3); f.month = v + 1; return s;
    case 'Monday': return lookup(WEEKDAYS, s)[1];
    case 'Mon': return lookup(WEEKDAYS, s, 3)[1];
    case '1': case '01': [v, s] = getNum(s, chunk.element === '01'); f.month = inRange(v, 1, 12, 'month'); return s;
    case '2': case '_2': case '02':
      if (chunk.element === '_2' && s[0] === ' ') s = s.slice(1);
      [v, s] = getNum(s, chunk.element === '02'); f.day = inRange(v, 1, 31, 'day'); return s;
    case '__2': case '002':
      if (chunk.element === '__2') s = s.replace(/^ {1,2}/, '');
      [v, s] = chunk.element === '002' ? getDigits(s, 3) : getNum3(s); f.yday = inRange(v, 1, 366, 'day-of-year'); return s;
    case '15': [v, s] = getNum(s, false); f.hour = inRange(v, 0, 23, 'hour'); return s;
    case '3': case '03': [v, s] = getNum(s, chunk.element === '03'); f.hour = inRange(v, 0, 12, 'hour'); return s;
    case '4': case '04': [v, s] = getNum(s, chunk.element === '04'); f.minute = inRange(v, 0, 59, 'minute'); return s;
    case '5': case '05': {
      [v, s] = getNum(s, chunk.element === '05');
      f.second = inRange(v, 0, 59, 'second');
      // A fraction in the text but not in the layout is accepted (as Go does).
      const m = /^[.,](\d+)/.exec(s);
      if (m && !(next && 'element' in next && next.element === 'frac')) {
        f.nsec = nanosOf(m[1]);
        s = s.slice(m[0].length);
      }
      return s;
    }
    case 'PM': case 'pm': {
      const word = s.slice(0, 2);
      const [am, pm] = chunk.element === 'PM' ? ['AM', 'PM'] : ['am', 'pm'];
      if (word !== am && word !== pm) throw new Bad();
      f.pm = word === pm;
      return s.slice(2);
    }
    case 'MST': {
      const m = /^(UTC|GMT|[A-Z][A-Za-z]{2,4})/.exec(s);
      if (!m) throw new Bad();
      f.zone = m[1];
      if (m[1] === 'UTC' || m[1] === 'GMT') f.offset ??= 0;
      return s.slice(m[0].length);
    }
    case 'frac': {
      if (chunk.trim) {
        const m = /^[.,](\d+)/.exec(s);
        if (!m) return s;
        f.nsec = nanosOf(m[1]);
        return s.slice(m[0].length);
      }
      if (s[0] !== '.' && s[0] !== ',') throw new Bad();
      const digits = s.slice(1, 1 + chunk.digits);
      if (digits.length !== chunk.digits || !/^\d+$/.test(digits)) throw new Bad();
      f.nsec = nanosOf(digits);
      return s.slice(1 + chunk.digits);
    }
    default: return parseOffset(chunk.element, s, f);
  }
}

function getNum3(s: string): [number, string] {
  const m = /^\d{1,3}/.exec(s);
  if (!m) throw new Bad();
  return [Number(m[0]), s.slice(m[0].length)];
}

/** `Z07:00`-style offsets: `Z` means UTC for the Z forms; otherwise a sign and digits. */
function parseOffset(style: string, s: string, f: Fields): string {
  if (style.startsWith('Z') && s[0] === 'Z') {
    f.offset = 0;
    return s.slice(1);
  }
  if (s[0] !== '+' && s[0] !== '-') throw new Bad();
  const body = style.slice(1);
  const colon = body.includes(':');
  const pattern = body === '07' ? /^[+-](\d\d)/
    : body === '0700' ? /^[+-](\d\d)(\d\d)/
    : body === '07:00' ? /^[+-](\d\d):(\d\d)/
    : colon ? /^[+-](\d\d):(\d\d):(\d\d)/ : /^[+-](\d\d)(\d\d)(\d\d)/;
  const m = pattern.exec(s);
  if (!m) throw new Bad();
  const hh = Number(m[1]);
  const mm = Number(m[2] ?? 0);
  const ss = Number(m[3] ?? 0);
  if (hh > 24 || mm > 59 || ss > 59) throw new RangeError('time zone offset out of range');
  const abs = hh * 3600 + mm * 60 + ss;
  f.offset = s[0] === '-' ? -abs : abs;
  return s.slice(m[0].length);
}
