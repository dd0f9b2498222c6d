// Calendar arithmetic on the proleptic Gregorian calendar: days since the Unix epoch <-> (year,
// month, day), weekdays and days of the year. Pure integer maths (Howard Hinnant's algorithms).

/** A date and time of day broken into fields, as a clock on the wall shows it. */
export interface Civil {
  readonly year: number;
  /** 1..12 */
  readonly month: number;
  /** 1..31 */
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  /** 0 = Sunday .. 6 = Saturday */
  readonly weekday: number;
  /** 1..366 */
  readonly yearDay: number;
}

/** Days since 1970-01-01 of the given civil date. */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The civil date of a day number (days since 1970-01-01). */
export function civilFromDays(days: number): { year: number; month: number; day: number } {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

export function isLeapYear(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

export function daysInMonth(year: number, month: number): number {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}

/** Breaks seconds since the epoch (already shifted by the zone offset) into civil fields. */
export function civilFromSeconds(localSeconds: number): Civil {
  const days = Math.floor(localSeconds / 86400);
  let rest = localSeconds - days * 86400;
  const { year, month, day } = civilFromDays(days);
  const hour = Math.floor(rest / 3600);
  rest -= hour * 3600;
  const minute = Math.floor(rest / 60);
  const second = rest - minute * 60;
  const weekday = (((days + 4) % 7) + 7) % 7;
  const yearDay = days - daysFromCivil(year, 1, 1) + 1;
  return { year, month, day, hour, minute, second, weekday, yearDay };
}

/** The host's local UTC offset in seconds at the given instant (from the process time zone). */
export function localOffsetAt(unixSeconds: number): number {
  const ms = unixSeconds * 1000;
  if (!(Math.abs(ms) <= 8.64e15)) return 0;
  return -new Date(ms).getTimezoneOffset() * 60;
}
