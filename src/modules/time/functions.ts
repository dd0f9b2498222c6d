// The `time` module's host functions: the export table and the Time / Duration userdata methods.
import type { HostFunction, LState, UserdataTypeDef } from '../../module/host-api';
import { fail } from '../host-kit';
import { formatDuration, HOUR, MICROSECOND, MILLISECOND, MINUTE, NANOSECOND, parseDuration, SECOND } from './duration';
import { addNanos, civilOf, compareInstants, diffNanos, inRange, makeInstant, MAX_SECONDS, nowInstant, toUtc, unixMilli, type Instant } from './instant';
import { formatTime, RFC3339, RFC3339_NANO } from './layout-format';
import { parseTime } from './layout-parse';
import { sleepYield } from './sleep';
import { checkDuration as durationArg, DURATION_TYPE } from './duration-arg';

export { DURATION_TYPE };

export const TIME_TYPE = 'time.Time';

/** The value behind a `time.Duration` userdata. */
export interface Duration { readonly nanos: number }

const pushTime = (l: LState, t: Instant): number => (l.pushUserdata(t, TIME_TYPE), 1);
const pushDuration = (l: LState, nanos: number): number => (l.pushUserdata({ nanos } satisfies Duration, DURATION_TYPE), 1);
const checkTime = (l: LState, n: number): Instant => l.checkUserdata<Instant>(n, TIME_TYPE);
const checkDuration = (l: LState, n: number): Duration => l.checkUserdata<Duration>(n, DURATION_TYPE);

/** Pushes a number as an integer when it is a safe integer (64-bit integers; the LState decides). */
const pushNumber = (l: LState, v: number): number => (l.push(v), 1);

export const timeFunctions: Readonly<Record<string, HostFunction>> = {
  now: (l) => pushTime(l, nowInstant()),
  unix: (l) => {
    const sec = l.checkNumber(1);
    const nsec = l.optNumber(2, 0);
    if (!Number.isFinite(sec) || !Number.isFinite(nsec)) return l.argError(Number.isFinite(sec) ? 2 : 1, 'finite number expected');
    const t = makeInstant(sec, nsec, 0, 'UTC');
    if (!inRange(t)) return l.argError(1, `time out of range (at most ${MAX_SECONDS} seconds from 1970)`);
    return pushTime(l, t);
  },
  since: (l) => pushDuration(l, diffNanos(nowInstant(), checkTime(l, 1))),
  parse: (l) => {
    const r = parseTime(l.checkString(1), l.checkString(2));
    return 'error' in r ? fail(l, 'INVALID', r.error) : pushTime(l, r.time);
  },
  parse_duration: (l) => {
    const r = parseDuration(l.checkString(1));
    return 'error' in r ? fail(l, 'INVALID', r.error) : pushDuration(l, r.nanos);
  },
  sleep: (l) => l.yield(sleepYield(durationArg(l, 1) / MILLISECOND)),
};

/** The unit constants scripts see, in seconds (durations given as numbers are seconds): `250 * time.MILLISECOND` is 0.25. */
export const timeConstants = {
  NANOSECOND: NANOSECOND / SECOND, MICROSECOND: MICROSECOND / SECOND, MILLISECOND: MILLISECOND / SECOND,
  SECOND: 1, MINUTE: MINUTE / SECOND, HOUR: HOUR / SECOND, RFC3339,
} as const;

const field = (pick: (c: ReturnType<typeof civilOf>) => number): HostFunction => (l) => pushNumber(l, pick(civilOf(checkTime(l, 1))));
const compare = (test: (c: number) => boolean): HostFunction => (l) => {
  l.push(test(compareInstants(checkTime(l, 1), checkTime(l, 2))));
  return 1;
};

export const timeType: UserdataTypeDef = {
  typeName: TIME_TYPE,
  methods: {
    unix: (l) => pushNumber(l, checkTime(l, 1).sec),
    unix_milli: (l) => pushNumber(l, unixMilli(checkTime(l, 1))),
    format: (l) => (l.push(formatTime(checkTime(l, 1), l.checkString(2))), 1),
    format_rfc3339: (l) => (l.push(formatTime(checkTime(l, 1), RFC3339)), 1),
    add: (l) => {
      const t = addNanos(checkTime(l, 1), durationArg(l, 2, { negative: true }));
      return inRange(t) ? pushTime(l, t) : l.argError(2, 'the duration moves the time out of range');
    },
    sub: (l) => pushDuration(l, diffNanos(checkTime(l, 1), checkTime(l, 2))),
    before: compare((c) => c < 0),
    after: compare((c) => c > 0),
    equal: compare((c) => c === 0),
    year: field((c) => c.year),
    month: field((c) => c.month),
    day: field((c) => c.day),
    hour: field((c) => c.hour),
    minute: field((c) => c.minute),
    second: field((c) => c.second),
    weekday: field((c) => c.weekday),
    utc: (l) => pushTime(l, toUtc(checkTime(l, 1))),
  },
  metamethods: {
    __tostring: (l) => (l.push(formatTime(checkTime(l, 1), RFC3339_NANO)), 1),
    __eq: compare((c) => c === 0),
    __lt: compare((c) => c < 0),
    __le: compare((c) => c <= 0),
  },
};

const durationIn = (unit: number): HostFunction => (l) => pushNumber(l, checkDuration(l, 1).nanos / unit);
const compareDurations = (test: (a: number, b: number) => boolean): HostFunction => (l) => {
  l.push(test(checkDuration(l, 1).nanos, checkDuration(l, 2).nanos));
  return 1;
};

export const durationType: UserdataTypeDef = {
  typeName: DURATION_TYPE,
  methods: {
    nanoseconds: durationIn(NANOSECOND),
    milliseconds: durationIn(MILLISECOND),
    seconds: durationIn(SECOND),
    minutes: durationIn(MINUTE),
    hours: durationIn(HOUR),
    string: (l) => (l.push(formatDuration(checkDuration(l, 1).nanos)), 1),
  },
  metamethods: {
    __tostring: (l) => (l.push(formatDuration(checkDuration(l, 1).nanos)), 1),
    __eq: compareDurations((a, b) => a === b),
    __lt: compareDurations((a, b) => a < b),
    __le: compareDurations((a, b) => a <= b),
  },
};
