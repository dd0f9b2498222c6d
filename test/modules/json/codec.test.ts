// JSON codec as pure functions: decode positions, encode rules, round-trip property.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeJson } from '../../../src/modules/json/decode';
import { encodeJson } from '../../../src/modules/json/encode';
import type { LuaValue } from '../../../src/module/host-api';

const dec = (s: string) => {
  const r = decodeJson(s);
  if ('error' in r) throw new Error(r.error.message);
  return r.value;
};
const enc = (v: LuaValue) => {
  const r = encodeJson(v);
  if ('error' in r) throw new Error(r.error);
  return r.text;
};

describe('decodeJson', () => {
  it('decodes every kind of value', () => {
    expect(dec(' {"a": [1, 2.5, -3e2, true, false, null], "b": {"c": "x\\u00e9\\n"}} ')).toEqual({
      a: [1, 2.5, -300, true, false, null], b: { c: 'xé\n' },
    });
  });
  it('names the line and column of a syntax error', () => {
    const r = decodeJson('{\n  "a": 1,\n  "b": }');
    expect('error' in r && r.error).toMatchObject({ line: 3, column: 8, offset: 19 });
    expect('error' in r && r.error.message).toMatch(/expected a value at line 3, column 8/);
  });
  it('rejects what JSON does not allow', () => {
    for (const bad of ['', '{"a":1,}', '[1 2]', "{'a':1}", '01', '1.', 'nul', '"\\x"', '"a', '[1] x', 'NaN', '"\t"']) {
      expect('error' in decodeJson(bad), bad).toBe(true);
    }
  });
  it('limits nesting instead of overflowing the stack', () => {
    const r = decodeJson('['.repeat(100_000));
    expect('error' in r && r.error.message).toMatch(/nesting deeper/);
  });
});

describe('encodeJson', () => {
  it('encodes compactly with sorted keys; empty tables as []', () => {
    expect(enc({ b: 1, a: [true, null, 'x'], c: {} })).toBe('{"a":[true,null,"x"],"b":1,"c":[]}');
    expect(enc(new TextEncoder().encode('héllo'))).toBe('"héllo"');
    expect(enc(0.1)).toBe('0.1');
  });
  it('refuses NaN, infinities, functions, userdata, invalid UTF-8 and cycles, naming the path', () => {
    const cyclic: { [k: string]: LuaValue } = { a: 1 };
    cyclic.self = cyclic;
    expect(encodeJson({ x: [1, NaN] })).toEqual({ error: 'cannot encode NaN at $.x[2]' });
    expect(encodeJson(Infinity)).toMatchObject({ error: expect.stringMatching(/infinite/) });
    expect(encodeJson({ f: { opaque: 'function' } })).toEqual({ error: 'cannot encode a function at $.f' });
    expect(encodeJson({ userdata: 'time.Time', value: {} })).toMatchObject({ error: expect.stringMatching(/time.Time userdata/) });
    expect(encodeJson(new Uint8Array([0xff]))).toMatchObject({ error: expect.stringMatching(/UTF-8/) });
    expect(encodeJson(cyclic)).toMatchObject({ error: expect.stringMatching(/cycle at \$.self/) });
  });
  it('round-trips: decode(encode(v)) == v for non-empty JSON values', () => {
    // The counterexample that found the 64-bit case: 36312272145241770 is the double's shortest
    // digits, not its value (...768); decode keeps the digits as an exact integer.
    expect(dec(enc({ '': 36312272145241770 }))).toEqual(normalise({ '': 36312272145241770 }));
    expect(dec(enc(36312272145241770))).toBe(36312272145241770n);
    const nonEmpty = fc.jsonValue().filter((v) => !hasEmpty(v));
    fc.assert(fc.property(nonEmpty, (v) => {
      expect(dec(enc(v as LuaValue))).toEqual(normalise(v));
    }));
  });
});

function hasEmpty(v: unknown): boolean {
  if (Array.isArray(v)) return v.length === 0 || v.some(hasEmpty);
  if (v && typeof v === 'object') return Object.keys(v).length === 0 || Object.values(v).some(hasEmpty);
  return false;
}
/**
 * -0 prints as 0; objects decode with a null prototype; a whole number beyond 2^53 whose shortest
 * digits (what encode writes) are not the double's exact value decodes as those digits, exactly, as
 * a 64-bit integer (bigint) when they fit (64-bit integers: json.decode keeps the text's value).
 */
function normalise(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(normalise);
  if (v && typeof v === 'object') return Object.assign(Object.create(null), Object.fromEntries(Object.entries(v).map(([k, x]) => [k, normalise(x)])));
  if (typeof v === 'number' && Number.isInteger(v) && !Number.isSafeInteger(v) && /^-?\d+$/.test(String(v))) {
    const big = BigInt(String(v));
    if (big !== BigInt(v) && big >= -(2n ** 63n) && big < 2n ** 63n) return big;
  }
  return Object.is(v, -0) ? 0 : v;
}
