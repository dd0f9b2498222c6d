// How every luamod API reads a duration argument: a `time.Duration`, a number of **seconds**, or
// text such as "250ms", "1.5s", "2m", "1h30m". NaN and infinities are rejected, and negative
// durations unless the caller allows them (time.Time:add). Public as `checkDuration` for host modules.
import type { LState } from '../../module/host-api';
import { luaTypeOf } from '../../runtime/errors';
import { userdataOf } from '../host-kit';
import { parseDuration, SECOND } from './duration';

/** The Duration userdata type (the value behind it is `{ nanos }`). */
export const DURATION_TYPE = 'time.Duration';

export interface DurationArgOptions {
  /** Accept negative durations (default false: `bad argument ... (non-negative duration expected)`). */
  readonly negative?: boolean;
}

/**
 * Argument `n` as a duration in nanoseconds: a `time.Duration`, a number of seconds, or duration text.
 * Raises `bad argument #n` otherwise.
 * @example const ms = checkDuration(l, 1) / 1e6;   // time.sleep(0.25), time.sleep("250ms")
 */
export function checkDuration(l: LState, n: number, options: DurationArgOptions = {}): number {
  const v = l.get(n);
  let nanos: number;
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return l.argError(n, `finite duration expected, got ${v}`);
    nanos = Math.round(v * SECOND);
  } else {
    const d = userdataOf<{ nanos: number }>(v, DURATION_TYPE);
    if (d) nanos = d.nanos;
    else if (typeof v === 'string' || v instanceof Uint8Array) {
      const r = parseDuration(l.checkString(n));
      if ('error' in r) return l.argError(n, r.error);
      nanos = r.nanos;
    } else {
      const got = l.top() < n ? 'no value' : luaTypeOf(v);
      return l.argError(n, `duration expected (Duration, seconds or text like "250ms"), got ${got}`);
    }
  }
  if (nanos < 0 && !options.negative) return l.argError(n, 'non-negative duration expected');
  return nanos;
}
