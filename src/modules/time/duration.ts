// Durations: nanoseconds held in a JS number. Parsing and printing follow Go's time package
// ("1h30m", "250ms", "1.5s", "-2m3.5s"; printed as "1h30m0s", "250ms", "1.5s").

export const NANOSECOND = 1;
export const MICROSECOND = 1e3;
export const MILLISECOND = 1e6;
export const SECOND = 1e9;
export const MINUTE = 60e9;
export const HOUR = 3600e9;

const UNITS: Readonly<Record<string, number>> = {
  ns: NANOSECOND, us: MICROSECOND, 'µs': MICROSECOND, 'μs': MICROSECOND,
  ms: MILLISECOND, s: SECOND, m: MINUTE, h: HOUR,
};

export type DurationResult = { readonly nanos: number } | { readonly error: string };

/**
 * Parses a duration string: an optional sign and a sequence of decimal numbers, each with an
 * optional fraction and a unit (`ns`, `us`/`µs`, `ms`, `s`, `m`, `h`). `"0"` alone is allowed.
 */
export function parseDuration(text: string): DurationResult {
  const bad = (why: string): DurationResult => ({ error: `invalid duration ${JSON.stringify(text)}: ${why}` });
  let s = text;
  let neg = false;
  if (s[0] === '-' || s[0] === '+') {
    neg = s[0] === '-';
    s = s.slice(1);
  }
  if (s === '0') return { nanos: 0 };
  if (s === '') return bad('empty');
  let total = 0;
  while (s.length > 0) {
    const m = /^(\d*)(?:\.(\d*))?/.exec(s)!;
    const [whole, intPart, fracPart] = m;
    if (intPart === '' && (fracPart === undefined || fracPart === '')) return bad('expected a number');
    s = s.slice(whole.length);
    const u = /^[^\d.]+/.exec(s);
    if (!u) return bad('missing unit');
    const unit = UNITS[u[0]];
    if (unit === undefined) return bad(`unknown unit ${JSON.stringify(u[0])}`);
    s = s.slice(u[0].length);
    total += Number(intPart || '0') * unit;
    if (fracPart) total += Number('0.' + fracPart) * unit;
    if (!Number.isFinite(total)) return bad('overflow');
  }
  total = Math.round(total);
  return { nanos: neg ? -total : total };
}

/** Prints nanoseconds as Go does: `1h30m0s`, `1.5s`, `250ms`, `1µs`, `0s`. */
export function formatDuration(nanos: number): string {
  if (!Number.isFinite(nanos)) return String(nanos);
  let u = BigInt(Math.round(Math.abs(nanos)));
  const neg = nanos < 0 && u !== 0n;
  let out: string;
  if (u === 0n) return '0s';
  if (u < 1_000_000_000n) {
    const [prec, unit] = u < 1000n ? [0, 'ns'] : u < 1_000_000n ? [3, 'µs'] : [6, 'ms'];
    out = fraction(u, prec) + unit;
  } else {
    const secs = fraction(u, 9);
    u /= 1_000_000_000n;
    const s = (u % 60n).toString() + secs.slice(secs.indexOf('.') >= 0 ? secs.indexOf('.') : secs.length) + 's';
    u /= 60n;
    out = s;
    if (u > 0n) {
      out = (u % 60n).toString() + 'm' + out;
      u /= 60n;
      if (u > 0n) out = u.toString() + 'h' + out;
    }
  }
  return neg ? '-' + out : out;
}

/** `v / 10^prec` printed with its fraction, trailing zeros (and a bare point) dropped. */
function fraction(v: bigint, prec: number): string {
  if (prec === 0) return v.toString();
  const scale = 10n ** BigInt(prec);
  const frac = (v % scale).toString().padStart(prec, '0').replace(/0+$/, '');
  return (v / scale).toString() + (frac ? '.' + frac : '');
}
