// C printf's number conversions, exactly as glibc prints them (the reference is native `lua5.3`
// on Linux): flags `-+ #0`, width, precision, integers `d i u o x X c` and floats `e E f g G a A`.
// Pure functions over JS numbers (and bigints, so 64-bit integers can use them too). Decimal
// conversions round the double's exact binary value half-to-even, as glibc does; JS's own
// toFixed/toExponential round exact ties up instead (`%.0f` of 0.5 is "0" in C, "1" in JS).

/** One parsed conversion: `%[flags][width][.precision]conv`. */
export interface PrintfSpec {
  readonly flags: string;
  readonly width: number;
  /** Absent: the conversion's default. */
  readonly precision?: number;
  readonly conv: string;
}

const view = new DataView(new ArrayBuffer(8));

/** True when x's sign bit is set (-0.0 and negative NaNs included). */
export function signBit(x: number): boolean {
  view.setFloat64(0, x);
  return view.getUint32(0) >>> 31 === 1;
}

/** A finite double as an exact m * 2^e with m a non-negative BigInt. */
function decompose(a: number): { m: bigint; e: number } {
  view.setFloat64(0, a);
  const hi = view.getUint32(0);
  const lo = view.getUint32(4);
  const be = (hi >>> 20) & 0x7ff;
  let m = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  if (be !== 0) m |= 1n << 52n;
  return { m, e: (be === 0 ? 1 : be) - 1075 };
}

/** round(|a| * 10^k) with exact ties going to the even integer. */
function scaledRound(a: number, k: number): bigint {
  const { m, e } = decompose(a);
  let num = m;
  let den = 1n;
  if (e >= 0) num <<= BigInt(e);
  else den <<= BigInt(-e);
  if (k >= 0) num *= 10n ** BigInt(k);
  else den *= 10n ** BigInt(-k);
  const q = num / den;
  const r2 = (num % den) * 2n;
  if (r2 > den || (r2 === den && (q & 1n) === 1n)) return q + 1n;
  return q;
}

/** Whether |a| >= 10^k, exactly. */
function atLeastPow10(a: number, k: number): boolean {
  const { m, e } = decompose(a);
  let lhs = m;
  let rhs = 1n;
  if (e >= 0) lhs <<= BigInt(e);
  else rhs <<= BigInt(-e);
  if (k >= 0) rhs *= 10n ** BigInt(k);
  else lhs *= 10n ** BigInt(-k);
  return lhs >= rhs;
}

/** Digits (p+1 of them) and decimal exponent of |a| rounded to p+1 significant digits (a finite, nonzero). */
function significant(a: number, p: number): { digits: string; exp: number } {
  // The exact decimal exponent: 10^exp <= a < 10^(exp+1) (log10 can be off by one near powers of 10).
  let exp = Math.floor(Math.log10(a));
  while (!atLeastPow10(a, exp)) exp -= 1;
  while (atLeastPow10(a, exp + 1)) exp += 1;
  const s = scaledRound(a, p - exp).toString();
  // Rounding may carry into a new digit (9.99 -> 10.0): then it is exactly 10^(p+1).
  if (s.length > p + 1) return { digits: s.slice(0, p + 1), exp: exp + 1 };
  return { digits: s, exp };
}

function fixed(a: number, p: number, alt: boolean): string {
  const s = scaledRound(a, p).toString();
  if (p === 0) return alt ? `${s}.` : s;
  const padded = s.length <= p ? '0'.repeat(p - s.length + 1) + s : s;
  return `${padded.slice(0, padded.length - p)}.${padded.slice(padded.length - p)}`;
}

function exponent(e: number, upper: boolean): string {
  const abs = Math.abs(e);
  return `${upper ? 'E' : 'e'}${e < 0 ? '-' : '+'}${abs < 10 ? '0' : ''}${abs}`;
}

function scientific(a: number, p: number, alt: boolean, upper: boolean): string {
  if (a === 0) return `0${p > 0 || alt ? '.' : ''}${'0'.repeat(p)}${exponent(0, upper)}`;
  const { digits, exp } = significant(a, p);
  return `${digits[0]}${p > 0 || alt ? '.' : ''}${digits.slice(1)}${exponent(exp, upper)}`;
}

function general(a: number, precision: number, alt: boolean, upper: boolean): string {
  const p = precision === 0 ? 1 : precision;
  const x = a === 0 ? 0 : significant(a, p - 1).exp;
  let s = p > x && x >= -4 ? fixed(a, p - 1 - x, alt) : scientific(a, p - 1, alt, upper);
  if (!alt) {
    const at = s.search(/[eE]/);
    let mant = at < 0 ? s : s.slice(0, at);
    const exp = at < 0 ? '' : s.slice(at);
    if (mant.includes('.')) mant = mant.replace(/0+$/, '').replace(/\.$/, '');
    s = mant + exp;
  }
  return s;
}

/** glibc's `%a`: 0x1.<hex>p±e (subnormals 0x0.<hex>p-1022), trailing zeros dropped without a precision. */
function hex(a: number, precision: number | undefined, alt: boolean, upper: boolean): string {
  let lead: bigint;
  let frac: bigint;
  let e: number;
  if (a === 0) {
    lead = 0n; frac = 0n; e = 0;
  } else {
    view.setFloat64(0, a);
    const hi = view.getUint32(0);
    const be = (hi >>> 20) & 0x7ff;
    frac = (BigInt(hi & 0xfffff) << 32n) | BigInt(view.getUint32(4));
    lead = be === 0 ? 0n : 1n;
    e = be === 0 ? -1022 : be - 1023;
  }
  let digits: string;
  if (precision === undefined) {
    digits = frac.toString(16).padStart(13, '0').replace(/0+$/, '');
  } else if (precision >= 13) {
    digits = frac.toString(16).padStart(13, '0') + '0'.repeat(precision - 13);
  } else {
    const drop = BigInt(4 * (13 - precision));
    const kept = frac >> drop;
    const rest = frac & ((1n << drop) - 1n);
    const half = 1n << (drop - 1n);
    let value = (lead << BigInt(4 * precision)) | kept;
    if (rest > half || (rest === half && (value & 1n) === 1n)) value += 1n;
    lead = value >> BigInt(4 * precision);
    const f = value & ((1n << BigInt(4 * precision)) - 1n);
    digits = precision === 0 ? '' : f.toString(16).padStart(precision, '0');
  }
  const s = `0x${lead.toString(16)}${digits || alt ? '.' : ''}${digits}p${e < 0 ? '-' : '+'}${Math.abs(e)}`;
  return upper ? s.toUpperCase() : s;
}

/** Pads `body` (after `prefix`: sign and 0x) to the spec's width. */
function pad(spec: PrintfSpec, prefix: string, body: string, zeroAllowed: boolean): string {
  const len = prefix.length + body.length;
  if (len >= spec.width) return prefix + body;
  const fill = spec.width - len;
  if (spec.flags.includes('-')) return prefix + body + ' '.repeat(fill);
  if (zeroAllowed && spec.flags.includes('0')) return prefix + '0'.repeat(fill) + body;
  return ' '.repeat(fill) + prefix + body;
}

/** `%e %E %f %g %G %a %A` of a double. */
export function formatFloat(x: number, spec: PrintfSpec): string {
  const upper = spec.conv === 'E' || spec.conv === 'G' || spec.conv === 'A' || spec.conv === 'F';
  const alt = spec.flags.includes('#');
  const neg = signBit(x);
  const sign = neg ? '-' : spec.flags.includes('+') ? '+' : spec.flags.includes(' ') ? ' ' : '';
  const a = Math.abs(x);
  if (!Number.isFinite(a)) {
    const word = Number.isNaN(a) ? 'nan' : 'inf';
    return pad(spec, sign, upper ? word.toUpperCase() : word, false);
  }
  switch (spec.conv) {
    case 'f': case 'F': return pad(spec, sign, fixed(a, spec.precision ?? 6, alt), true);
    case 'e': case 'E': return pad(spec, sign, scientific(a, spec.precision ?? 6, alt, upper), true);
    case 'g': case 'G': return pad(spec, sign, general(a, spec.precision ?? 6, alt, upper), true);
    case 'a': case 'A': {
      const s = hex(a, spec.precision, alt, upper);
      return pad(spec, sign + s.slice(0, 2), s.slice(2), true);
    }
    default: throw new Error(`formatFloat: not a float conversion '${spec.conv}'`);
  }
}

/** `%d %i %u %o %x %X` of an integer (a 64-bit two's complement value for `u o x X`). */
export function formatInteger(n: number | bigint, spec: PrintfSpec): string {
  const v = BigInt(n);
  const signed = spec.conv === 'd' || spec.conv === 'i';
  const u = signed ? (v < 0n ? -v : v) : BigInt.asUintN(64, v);
  const base = spec.conv === 'o' ? 8 : spec.conv === 'x' || spec.conv === 'X' ? 16 : 10;
  let digits = u === 0n && spec.precision === 0 ? '' : u.toString(base);
  if (spec.conv === 'X') digits = digits.toUpperCase();
  if (spec.precision !== undefined && digits.length < spec.precision) digits = '0'.repeat(spec.precision - digits.length) + digits;
  let prefix = '';
  if (signed) prefix = v < 0n ? '-' : spec.flags.includes('+') ? '+' : spec.flags.includes(' ') ? ' ' : '';
  if (spec.flags.includes('#')) {
    if (spec.conv === 'o' && !digits.startsWith('0')) digits = '0' + digits;
    if (base === 16 && u !== 0n) prefix = spec.conv === 'x' ? '0x' : '0X';
  }
  return pad(spec, prefix, digits, spec.precision === undefined);
}
