// The value behind a `time.Time` userdata: an instant (whole Unix seconds + nanoseconds) and the
// zone it is shown in (a fixed UTC offset, or the host's local zone). Immutable; pure operations.
import { civilFromSeconds, localOffsetAt, type Civil } from './civil';

export const NANOS_PER_SECOND = 1e9;

/** Instants are kept within ±8.64e12 s of the epoch (about ±273,000 years, JS Date's range). */
export const MAX_SECONDS = 8.64e12;

/** True when the instant is within the supported range. */
export function inRange(t: Instant): boolean {
  return Math.abs(t.sec) <= MAX_SECONDS;
}

export interface Instant {
  /** Whole seconds since 1970-01-01T00:00:00Z. */
  readonly sec: number;
  /** 0 <= nsec < 1e9 */
  readonly nsec: number;
  /** Fixed offset east of UTC in seconds; undefined = the host's local zone. */
  readonly offset?: number;
  /** Zone abbreviation when known (`UTC`, or parsed from a `MST` layout element). */
  readonly zone?: string;
}

/** Builds a normalised instant from seconds and a (possibly out-of-range) nanosecond count. */
export function makeInstant(sec: number, nsec: number, offset?: number, zone?: string): Instant {
  let s = Math.trunc(sec);
  let ns = nsec + (sec - s) * NANOS_PER_SECOND;
  const carry = Math.floor(ns / NANOS_PER_SECOND);
  s += carry;
  ns = Math.round(ns - carry * NANOS_PER_SECOND);
  if (ns >= NANOS_PER_SECOND) {
    s += 1;
    ns -= NANOS_PER_SECOND;
  }
  return offset === undefined ? { sec: s, nsec: ns } : { sec: s, nsec: ns, offset, zone };
}

/** The current instant in the local zone (millisecond resolution). */
export function nowInstant(epochMs: number = Date.now()): Instant {
  const sec = Math.floor(epochMs / 1000);
  return makeInstant(sec, (epochMs - sec * 1000) * 1e6);
}

/** Offset in seconds the instant is shown with. */
export function offsetOf(t: Instant): number {
  return t.offset ?? localOffsetAt(t.sec);
}

/** The zone name `MST` prints: `UTC`, the parsed abbreviation, or empty (printed as an offset). */
export function zoneNameOf(t: Instant): string {
  if (t.zone) return t.zone;
  if (t.offset === 0) return 'UTC';
  return '';
}

/** The wall-clock fields of the instant in its zone. */
export function civilOf(t: Instant): Civil {
  return civilFromSeconds(t.sec + offsetOf(t));
}

/** Adds a duration in nanoseconds (keeps the zone). */
export function addNanos(t: Instant, nanos: number): Instant {
  const whole = Math.trunc(nanos / NANOS_PER_SECOND);
  return makeInstant(t.sec + whole, t.nsec + (nanos - whole * NANOS_PER_SECOND), t.offset, t.zone);
}

/** `a - b` in nanoseconds (a float; exact while under about 104 days). */
export function diffNanos(a: Instant, b: Instant): number {
  return (a.sec - b.sec) * NANOS_PER_SECOND + (a.nsec - b.nsec);
}

export function compareInstants(a: Instant, b: Instant): number {
  return a.sec !== b.sec ? Math.sign(a.sec - b.sec) : Math.sign(a.nsec - b.nsec);
}

/** The same instant shown in UTC. */
export function toUtc(t: Instant): Instant {
  return { sec: t.sec, nsec: t.nsec, offset: 0, zone: 'UTC' };
}

/** Milliseconds since the epoch as a float (fractional below one millisecond). */
export function unixMilli(t: Instant): number {
  return t.sec * 1000 + t.nsec / 1e6;
}
