// C's strftime in the "C" locale (glibc's output), for `os.date`: every conversion C Lua 5.3
// accepts (`LUA_STRFTIMEOPTIONS`, C99), including the `E` and `O` modifiers (no effect in the C
// locale). Pure: a broken-down time in, text out.

/** A broken-down time (`struct tm`), months 1-12, `wday` 0 = Sunday, `yday` 0-365. */
export interface BrokenDownTime {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly min: number;
  readonly sec: number;
  readonly wday: number;
  readonly yday: number;
  readonly isdst: boolean;
  /** Seconds east of UTC. */
  readonly gmtoff: number;
  /** Time zone abbreviation (`GMT` for `!` dates, as glibc's gmtime). */
  readonly zone: string;
}

const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** The single-letter conversions, then the two-letter ones (C Lua 5.3's list for C99). */
export const STRFTIME_OPTIONS: readonly (readonly string[])[] = [
  [...'aAbBcCdDeFgGhHIjmMnprRStTuUVwWxXyYzZ%'],
  ['Ec', 'EC', 'Ex', 'EX', 'Ey', 'EY', 'Od', 'Oe', 'OH', 'OI', 'Om', 'OM', 'OS', 'Ou', 'OU', 'OV', 'Ow', 'OW', 'Oy'],
];

function two(n: number): string {
  return n < 10 && n >= 0 ? `0${n}` : String(n);
}

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

/** ISO 8601 week-based year and week number (glibc's algorithm). */
function isoWeek(tm: BrokenDownTime): { year: number; week: number } {
  const wdayMon = (tm.wday + 6) % 7; // Monday = 0
  // Day of year of this week's Thursday decides the year.
  let year = tm.year;
  let yday = tm.yday;
  const thursday = yday - wdayMon + 3;
  if (thursday < 0) {
    year -= 1;
    yday += isLeap(year) ? 366 : 365;
  } else if (thursday >= (isLeap(year) ? 366 : 365)) {
    yday -= isLeap(year) ? 366 : 365;
    year += 1;
  }
  const week = Math.floor((yday - wdayMon + 3) / 7) + 1;
  return { year, week };
}

function mod(n: number, m: number): number {
  return ((n % m) + m) % m;
}

/** One conversion (`option` without the `%`, modifiers included) of `tm`. */
export function strftimeOne(option: string, tm: BrokenDownTime): string {
  const conv = option.length === 2 ? option[1] : option;
  switch (conv) {
    case 'a': return DAYS[tm.wday].slice(0, 3);
    case 'A': return DAYS[tm.wday];
    case 'b': case 'h': return MONTHS[tm.month - 1].slice(0, 3);
    case 'B': return MONTHS[tm.month - 1];
    case 'c': return `${strftimeOne('a', tm)} ${strftimeOne('b', tm)} ${strftimeOne('e', tm)} ${strftimeOne('T', tm)} ${tm.year}`;
    case 'C': return two(Math.floor(tm.year / 100));
    case 'd': return two(tm.day);
    case 'D': return `${two(tm.month)}/${two(tm.day)}/${two(mod(tm.year, 100))}`;
    case 'e': return tm.day < 10 ? ` ${tm.day}` : String(tm.day);
    case 'F': return `${tm.year}-${two(tm.month)}-${two(tm.day)}`;
    case 'g': return two(mod(isoWeek(tm).year, 100));
    case 'G': return String(isoWeek(tm).year);
    case 'H': return two(tm.hour);
    case 'I': return two(tm.hour % 12 === 0 ? 12 : tm.hour % 12);
    case 'j': return String(tm.yday + 1).padStart(3, '0');
    case 'm': return two(tm.month);
    case 'M': return two(tm.min);
    case 'n': return '\n';
    case 'p': return tm.hour < 12 ? 'AM' : 'PM';
    case 'r': return `${strftimeOne('I', tm)}:${two(tm.min)}:${two(tm.sec)} ${strftimeOne('p', tm)}`;
    case 'R': return `${two(tm.hour)}:${two(tm.min)}`;
    case 'S': return two(tm.sec);
    case 't': return '\t';
    case 'T': case 'X': return `${two(tm.hour)}:${two(tm.min)}:${two(tm.sec)}`;
    case 'u': return String(tm.wday === 0 ? 7 : tm.wday);
    case 'U': return two(Math.floor((tm.yday + 7 - tm.wday) / 7));
    case 'V': return two(isoWeek(tm).week);
    case 'w': return String(tm.wday);
    case 'W': return two(Math.floor((tm.yday + 7 - ((tm.wday + 6) % 7)) / 7));
    case 'x': return `${two(tm.month)}/${two(tm.day)}/${two(mod(tm.year, 100))}`;
    case 'y': return two(mod(tm.year, 100));
    case 'Y': return String(tm.year);
    case 'z': {
      const off = Math.abs(tm.gmtoff);
      return `${tm.gmtoff < 0 ? '-' : '+'}${two(Math.floor(off / 3600))}${two(Math.floor((off % 3600) / 60))}`;
    }
    case 'Z': return tm.zone;
    case '%': return '%';
    default: throw new Error(`strftime: unknown conversion '%${option}'`);
  }
}

/** The valid option at the start of `rest` (the text after a `%`), or undefined. */
export function matchOption(rest: string): string | undefined {
  for (const group of STRFTIME_OPTIONS) {
    for (const option of group) if (rest.startsWith(option)) return option;
  }
  return undefined;
}
