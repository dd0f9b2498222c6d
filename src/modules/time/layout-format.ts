// Formats an Instant with a Go-style reference layout (see layout-tokens.ts and docs/modules/time.md).
import type { Instant } from './instant';
import { civilOf, offsetOf, zoneNameOf } from './instant';
import { tokenizeLayout, type Chunk } from './layout-tokens';

export const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August',
  'September', 'October', 'November', 'December'];
export const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** `time.RFC3339`. */
export const RFC3339 = '2006-01-02T15:04:05Z07:00';
/** RFC 3339 with nanoseconds, trailing zeros dropped (used by `tostring(t)`). */
export const RFC3339_NANO = '2006-01-02T15:04:05.999999999Z07:00';

const pad = (n: number, width: number, fill = '0'): string => {
  const s = String(Math.abs(n)).padStart(width, fill);
  return n < 0 ? '-' + s : s;
};

/** Renders `t` following `layout`; text that is no layout element is copied as is. */
export function formatTime(t: Instant, layout: string): string {
  const c = civilOf(t);
  const offset = offsetOf(t);
  let out = '';
  for (const chunk of tokenizeLayout(layout)) out += 'literal' in chunk ? chunk.literal : element(chunk, t, c, offset);
  return out;
}

function element(chunk: Exclude<Chunk, { literal: string }>, t: Instant, c: ReturnType<typeof civilOf>, offset: number): string {
  const hour12 = c.hour % 12 === 0 ? 12 : c.hour % 12;
  switch (chunk.element) {
    case 'January': return MONTHS[c.month - 1];
    case 'Jan': return MONTHS[c.month - 1].slice(0, 3);
    case 'Monday': return WEEKDAYS[c.weekday];
    case 'Mon': return WEEKDAYS[c.weekday].slice(0, 3);
    case '1': return String(c.month);
    case '01': return pad(c.month, 2);
    case '2': return String(c.day);
    case '_2': return pad(c.day, 2, ' ');
    case '02': return pad(c.day, 2);
    case '__2': return pad(c.yearDay, 3, ' ');
    case '002': return pad(c.yearDay, 3);
    case '15': return pad(c.hour, 2);
    case '3': return String(hour12);
    case '03': return pad(hour12, 2);
    case '4': return String(c.minute);
    case '04': return pad(c.minute, 2);
    case '5': return String(c.second);
    case '05': return pad(c.second, 2);
    case '2006': return pad(c.year, 4);
    case '06': return pad(((c.year % 100) + 100) % 100, 2);
    case 'PM': return c.hour >= 12 ? 'PM' : 'AM';
    case 'pm': return c.hour >= 12 ? 'pm' : 'am';
    case 'MST': return zoneNameOf(t) || formatOffset(offset, '-0700');
    case 'frac': return formatFraction(t.nsec, chunk.digits, chunk.trim, chunk.sep);
    default: return formatOffset(offset, chunk.element);
  }
}

/** `-07:00`-style offsets; the `Z` forms print `Z` for UTC. */
function formatOffset(offset: number, style: string): string {
  if (offset === 0 && style.startsWith('Z')) return 'Z';
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  const hh = pad(Math.floor(abs / 3600), 2);
  const mm = pad(Math.floor((abs % 3600) / 60), 2);
  const ss = pad(abs % 60, 2);
  const colon = style.includes(':');
  const body = style.slice(1);
  if (body === '07') return sign + hh;
  if (body === '0700' || body === '07:00') return sign + hh + (colon ? ':' : '') + mm;
  return sign + hh + (colon ? ':' : '') + mm + (colon ? ':' : '') + ss;
}

function formatFraction(nsec: number, digits: number, trim: boolean, sep: string): string {
  let frac = String(nsec).padStart(9, '0').slice(0, Math.min(digits, 9)).padEnd(digits, '0');
  if (trim) {
    frac = frac.replace(/0+$/, '');
    if (frac === '') return '';
  }
  return sep + frac;
}
