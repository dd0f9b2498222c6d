// The `time` module's manifest: constants, functions and the `time.Time` / `time.Duration`
// userdata interfaces, each member with its docs.
import { newManifest, type TypeManifest } from '../../types/manifest';
import { constant, exportRecord, fn, userdataInterface } from '../manifest-kit';

/** One line of summary, then the module's notes (markdown; shown on its docs page and on hover). */
export const TIME_DESCRIPTION = 'Instants, durations, Go-style layouts and sleeping.\n\n' +
  'Layouts use **Go\'s reference time** `Mon Jan 2 15:04:05 MST 2006`: write the reference time the way your text looks. Elements: `2006`/`06` year, `01`/`1`/`Jan`/`January` month, `02`/`2`/`_2` day, `002` day of year, `15` (24h) or `03`/`3` (12h) hour with `PM`/`pm`, `04`/`4` minute, `05`/`5` second, `.000` (fixed) or `.999` (trimmed) fractions, `Mon`/`Monday` weekday, `MST` zone name, `Z07:00`/`-07:00`/`-0700`/`-07` offsets (`Z` forms print `Z` for UTC). `time.RFC3339` is `2006-01-02T15:04:05Z07:00`.\n\nDurations are **nanoseconds** held as JS numbers (a Lua integer when whole and within ±2^53, about 104 days; a float beyond): `time.SECOND` is `1e9`, a number passed where a Duration is expected is read as nanoseconds. `time.unix` and `time.parse` (without a zone in the text) give UTC times; `time.now` the host\'s local zone.';

/** Builds the manifest (pure; cheap). */
export function timeManifest(): TypeManifest {
  const m = newManifest('time', TIME_DESCRIPTION);
  m.defineType('Time', timeInterface(), { description: 'An instant with nanosecond precision, shown in UTC, the local zone or a fixed offset.' });
  m.defineType('Duration', durationInterface(), { description: 'A span of time in nanoseconds (a float). `tostring(d)` prints it like `1h30m0s`.' });
  const unit = (name: string, ns: string) =>
    constant('number', `One ${name} in nanoseconds (${ns}).`, `local d = 5 * time.${name.toUpperCase()}`);
  m.setExport(exportRecord('time', {
    NANOSECOND: unit('nanosecond', '1'),
    MICROSECOND: unit('microsecond', '1e3'),
    MILLISECOND: unit('millisecond', '1e6'),
    SECOND: unit('second', '1e9'),
    MINUTE: unit('minute', '60e9'),
    HOUR: unit('hour', '3600e9'),
    RFC3339: constant('string', 'The RFC 3339 layout `2006-01-02T15:04:05Z07:00`.', 'local s = time.now():format(time.RFC3339)'),
    now: fn({
      sig: 'fun() -> time.Time', description: 'The current time, in the local zone.',
      returns: 'The current instant.', example: 'local started = time.now()',
    }),
    unix: fn({
      sig: 'fun(sec: number, nsec?: number) -> time.Time', description: 'The instant `sec` seconds (plus `nsec` nanoseconds) after 1970-01-01T00:00:00Z, in UTC.',
      params: { sec: 'Seconds since the Unix epoch (may be fractional or negative).', nsec: 'Extra nanoseconds (default 0).' },
      returns: 'The instant, shown in UTC.', example: 'local t = time.unix(1700000000)\nprint(t:format_rfc3339())',
    }),
    since: fn({
      sig: 'fun(t: time.Time) -> time.Duration', description: 'The time elapsed since `t` (`time.now():sub(t)`).',
      params: { t: 'An earlier instant.' }, returns: 'The elapsed duration.',
      example: 'local t0 = time.now()\n-- work\nprint(time.since(t0):milliseconds())',
    }),
    parse: fn({
      sig: 'fun(layout: string, value: string) -> (time.Time?, Error?)',
      description: 'Parses `value` with a Go-style layout. Elements missing from the layout default to zero (year 0, January 1); text without a zone is UTC.',
      params: { layout: 'A layout such as `time.RFC3339` or `"2006-01-02 15:04"`.', value: 'The text to parse.' },
      returns: 'The instant, or `nil` and an `INVALID` error saying what did not match.', errors: ['INVALID'],
      example: 'local t, err = time.parse(time.RFC3339, "2024-05-01T12:00:00Z")\nif err then error(err) end',
    }),
    parse_duration: fn({
      sig: 'fun(s: string) -> (time.Duration?, Error?)',
      description: 'Parses a duration such as `"1h30m"`, `"250ms"`, `"1.5s"` or `"-2m"` (units `ns`, `us`/`µs`, `ms`, `s`, `m`, `h`).',
      params: { s: 'The duration text.' }, returns: 'The duration, or `nil` and an `INVALID` error.', errors: ['INVALID'],
      example: 'local d = time.parse_duration("1h30m")\nprint(d:minutes()) --> 90',
    }),
    sleep: fn({
      sig: 'fun(d: time.Duration | number | string)', yields: true,
      description: 'Suspends the script for `d` (a Duration, nanoseconds, or duration text); other scripts keep running. A zero or negative duration still yields once.',
      params: { d: 'How long to sleep: a Duration, a number of nanoseconds, or text like `"250ms"`.' },
      example: 'time.sleep("250ms")\ntime.sleep(2 * time.SECOND)',
    }),
  }));
  return m;
}

function timeInterface() {
  const getter = (name: string, what: string, range: string) => fn({
    sig: 'fun(self) -> integer', description: `The ${what} in the time's zone (${range}).`,
    returns: `The ${what}.`, example: `print(time.now():${name}())`,
  });
  const other = (verb: string) => fn({
    sig: 'fun(self, t: time.Time) -> boolean', description: `True when this instant is ${verb} \`t\`.`,
    params: { t: 'The instant to compare with.' }, returns: 'The comparison.',
    example: `if deadline:${verb === 'equal to' ? 'equal' : verb}(time.now()) then print("yes") end`,
  });
  return userdataInterface('time.Time', {
    unix: fn({ sig: 'fun(self) -> integer', description: 'Whole seconds since the Unix epoch.', returns: 'Seconds (an integer until 2038, a float after).', example: 'print(time.now():unix())' }),
    unix_milli: fn({ sig: 'fun(self) -> number', description: 'Milliseconds since the Unix epoch, as a float (fractional below one millisecond).', returns: 'Milliseconds.', example: 'print(time.now():unix_milli())' }),
    format: fn({
      sig: 'fun(self, layout: string) -> string', description: 'Formats the time with a Go-style layout (see the module notes).',
      params: { layout: 'A layout such as `time.RFC3339` or `"Jan 2, 2006 at 3:04pm"`.' }, returns: 'The formatted text.',
      example: 'print(time.now():format("2006-01-02 15:04"))',
    }),
    format_rfc3339: fn({ sig: 'fun(self) -> string', description: 'Formats the time as RFC 3339 (`2006-01-02T15:04:05Z07:00`).', returns: 'The formatted text.', example: 'print(time.now():utc():format_rfc3339())' }),
    add: fn({
      sig: 'fun(self, d: time.Duration | number) -> time.Time', description: 'The time `d` later (earlier when negative).',
      params: { d: 'A Duration or a number of nanoseconds.' }, returns: 'A new Time in the same zone.',
      example: 'local later = time.now():add(5 * time.MINUTE)',
    }),
    sub: fn({
      sig: 'fun(self, t: time.Time) -> time.Duration', description: 'The duration from `t` to this time.',
      params: { t: 'The instant to subtract.' }, returns: 'The (possibly negative) duration.',
      example: 'local d = t2:sub(t1)',
    }),
    before: other('before'),
    after: other('after'),
    equal: other('equal to'),
    year: getter('year', 'year', 'e.g. 2024'),
    month: getter('month', 'month', '1-12'),
    day: getter('day', 'day of the month', '1-31'),
    hour: getter('hour', 'hour', '0-23'),
    minute: getter('minute', 'minute', '0-59'),
    second: getter('second', 'second', '0-59'),
    weekday: getter('weekday', 'day of the week', '0 = Sunday .. 6 = Saturday'),
    utc: fn({ sig: 'fun(self) -> time.Time', description: 'The same instant shown in UTC.', returns: 'A new Time in UTC.', example: 'print(time.now():utc():format_rfc3339())' }),
  });
}

function durationInterface() {
  const as = (unit: string) => fn({
    sig: 'fun(self) -> number', description: `The duration in ${unit} (a float).`,
    returns: `The number of ${unit}.`, example: `print(time.parse_duration("90s"):${unit}())`,
  });
  return userdataInterface('time.Duration', {
    nanoseconds: as('nanoseconds'),
    milliseconds: as('milliseconds'),
    seconds: as('seconds'),
    minutes: as('minutes'),
    hours: as('hours'),
    string: fn({ sig: 'fun(self) -> string', description: 'The duration as text, like `1h30m0s` or `250ms`.', returns: 'The text (parseable by `parse_duration`).', example: 'print(time.parse_duration("90m"):string()) --> 1h30m0s' }),
  });
}
