// Random Lua programs for differential tests against native lua5.3: each generator returns lines
// `print(N, pcall(...))` over one area (string.format, patterns, number conversions, os.date), from
// a seeded PRNG so a failure is reproducible. Values stay within 32-bit integers (fengari's).

/** A small deterministic PRNG (mulberry32). */
export function prng(seed: number): { int(n: number): number; pick<T>(xs: readonly T[]): T; chance(p: number): boolean } {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    int: (n) => Math.floor(next() * n),
    pick: (xs) => xs[Math.floor(next() * xs.length)],
    chance: (p) => next() < p,
  };
}

const view = new DataView(new ArrayBuffer(8));

/** A double as an exact Lua hex-float literal (`0x1.8p+1`), signs and subnormals included. */
function hexFloat(x: number): string {
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  view.setFloat64(0, x);
  const hi = view.getUint32(0), lo = view.getUint32(4);
  const sign = hi >>> 31 ? '-' : '';
  const be = (hi >>> 20) & 0x7ff;
  const frac = ((BigInt(hi & 0xfffff) << 32n) | BigInt(lo)).toString(16).padStart(13, '0');
  return be === 0 ? `${sign}0x0.${frac}p-1022` : `${sign}0x1.${frac}p${be - 1023}`;
}

function randomDouble(r: ReturnType<typeof prng>): string {
  if (r.chance(0.4)) {
    view.setUint32(0, r.int(2 ** 32));
    view.setUint32(4, r.int(2 ** 32));
    const x = view.getFloat64(0);
    return Number.isFinite(x) ? hexFloat(x) : '1.0';
  }
  if (r.chance(0.5)) return `${r.chance(0.5) ? '-' : ''}${r.int(10 ** (1 + r.int(9)))}e${r.int(40) - 20}`;
  return hexFloat((r.chance(0.5) ? -1 : 1) * r.int(2 ** 30) / 2 ** r.int(60));
}

/** string.format with random flags, width, precision and conversion. */
export function formatCases(seed: number, count: number): string {
  const r = prng(seed);
  const ints = ['0', '1', '-1', '42', '-42', '255', '65535', '2147483647', '-2147483647', '7.0'];
  const out: string[] = [];
  for (let n = 0; n < count; n++) {
    const flags = [...'-+ #0'].filter(() => r.chance(0.25)).join('');
    const width = r.pick(['', '', '1', '7', '12', '30']);
    const precision = r.pick(['', '', '.0', '.1', '.3', '.6', '.13', '.14', '.17', '.25']);
    const conv = r.pick([...'eEfgGaAdixXoc']);
    const value = 'dixXo'.includes(conv) ? r.pick(ints) : conv === 'c' ? String(32 + r.int(95)) : randomDouble(r);
    out.push(`print(${n}, pcall(string.format, "[%${flags}${width}${precision}${conv}]", ${value}))`);
  }
  return out.join('\n') + '\n';
}

/** string.find/match/gsub/gmatch with random patterns over a few subjects. */
export function patternCases(seed: number, count: number): string {
  const r = prng(seed);
  const atoms = ['a', 'b', '.', '%a', '%d', '%s', '%w', '%p', '%u', '%l', '%x', '[ab]', '[^a]', '[a-c]', '[%d%s]', '%%', '%.', 'x', '1', ' ',
    '(a)', '()', '(.)%1', '(%a+)', '%b()', '%f[%a]', '%f[%z]', '[]]', '[-+]'];
  const subjects = ['"aaa bbb 123"', '"(a(b)c) x1y2"', '"hello world"', '"a.b.c"', '"  x  "', '""', '"abcabc"', '"1a2b3c"', '"aAbB!?"', '"x = \\"q\\" + 12"', '"1122"'];
  const out: string[] = [];
  for (let n = 0; n < count; n++) {
    let pat = Array.from({ length: 1 + r.int(4) }, () => r.pick(atoms) + r.pick(['', '', '*', '+', '-', '?'])).join('');
    if (r.chance(0.2)) pat = '^' + pat;
    if (r.chance(0.2)) pat += '$';
    const p = JSON.stringify(pat);
    const s = r.pick(subjects);
    switch (r.pick(['find', 'match', 'gsub', 'gmatch'])) {
      case 'gsub':
        out.push(`print(${n}, pcall(string.gsub, ${s}, ${p}, ${r.pick(['"<%0>"', '"%1"', '""', 'function(x) return "[" .. tostring(x) .. "]" end', '{a = "A"}'])}))`);
        break;
      case 'gmatch':
        out.push(`print(${n}, pcall(function() local o = {} for a, b in string.gmatch(${s}, ${p}) do o[#o + 1] = tostring(a) .. "/" .. tostring(b) if #o > 40 then break end end return table.concat(o, ",") end))`);
        break;
      default:
        out.push(`print(${n}, pcall(string.${r.pick(['find', 'match'])}, ${s}, ${p}${r.pick(['', '', ', 2', ', -3', ', 0', ', 10'])}))`);
    }
  }
  return out.join('\n') + '\n';
}

/** Numbers: tostring of random doubles, tonumber of strings, float arithmetic and math functions. */
export function numberCases(seed: number, count: number): string {
  const r = prng(seed);
  const strs = ['"10"', '"0x10"', '"1e2"', '" 5 "', '"5."', '".5"', '"0x.8"', '"0x1p4"', '"1e"', '"abc"', '"-0"', '"inf"', '"nan"', '"1e400"', '"0x"', '"  -0x1A  "', '"1 2"', '"3.0"', '"+5"', '"1E+2"', '"\\t7\\n"'];
  const small = ['0', '1', '-1', '2', '3', '-3', '7', '100', '12345', '0.5', '-0.5', '2.5', '3.7', '1e300', '1/0', '-1/0', '0.1', '7.0', '1e-310'];
  const out: string[] = [];
  for (let n = 0; n < count; n++) {
    switch (r.int(4)) {
      case 0: out.push(`print(${n}, ${randomDouble(r)}, ${randomDouble(r)} .. "")`); break;
      case 1: out.push(`print(${n}, pcall(tonumber, ${r.pick(strs)}))`); break;
      case 2: out.push(`print(${n}, pcall(function() local x = (${r.pick(small)}) ${r.pick(['+', '-', '*', '/', '//', '%', '^', '<', '<=', '=='])} (${r.pick(small)}) return x, math.type(x) end))`); break;
      default: out.push(`print(${n}, pcall(${r.pick(['math.floor', 'math.ceil', 'math.abs', 'math.tointeger', 'math.modf', 'math.sqrt', 'math.exp', 'tostring', 'math.log'])}, ${r.pick(small)}))`);
    }
  }
  return out.join('\n') + '\n';
}

/** os.date with every conversion, in UTC and local time, for random times in the 32-bit range. */
export function dateCases(seed: number, count: number): string {
  const r = prng(seed);
  const all = [...'aAbBcCdDeFgGhHIjmMnprRStTuUVwWxXyYzZ%'].map((c) => `%${c}`).join(' ');
  const out: string[] = [];
  for (let n = 0; n < count; n++) {
    const t = r.int(2 ** 32) - 2 ** 31 + 1;
    out.push(`print(${t}, os.date("!${all}", ${t}))`, `print(${t}, os.date("${all}", ${t}))`,
      `do local d = os.date("*t", ${t}) print(d.year, d.month, d.day, d.hour, d.min, d.sec, d.wday, d.yday, d.isdst, os.time(d)) end`);
  }
  return out.join('\n') + '\n';
}
