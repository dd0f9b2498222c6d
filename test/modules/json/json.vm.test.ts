// json on the real VM: success paths, INVALID errors, bad arguments, round-trip property.
import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createVm } from '../vm';

const vm = createVm();
afterAll(() => vm.stop());

describe('json.encode', () => {
  it('encodes tables, arrays, scalars; empty table as []', async () => {
    expect(await vm.values(`return json.encode({ b = { 1, 2, "x" }, a = true, n = 1.5, e = {} }), json.encode("hé"), json.encode(nil), json.encode(7)`))
      .toEqual(['{"a":true,"b":[1,2,"x"],"e":[],"n":1.5}', '"hé"', 'null', '7']);
  });
  it('keeps objects with numeric keys objects; a sequence with holes encodes as an object', async () => {
    expect(await vm.values(`return json.encode(json.decode('{"1":"a","2":"b"}')), json.encode({ 1, nil, 3 })`))
      .toEqual(['{"1":"a","2":"b"}', '{"1":1,"3":3}']);
  });
  it('returns INVALID for cycles, functions, NaN and infinities', async () => {
    const [a, b, c, d] = await vm.values(`
      local t = {} t.me = t
      local r = {}
      for _, v in ipairs({ t, { f = print }, { x = 0/0 }, { 1, math.huge } }) do
        local s, err = json.encode(v)
        assert(s == nil)
        r[#r + 1] = err:kind() .. ": " .. err:message()
      end
      return table.unpack(r)`);
    expect(a).toMatch(/^INVALID: .*cycle at \$\.me/);
    expect(b).toBe('INVALID: cannot encode a function at $.f');
    expect(c).toBe('INVALID: cannot encode NaN at $.x');
    expect(d).toMatch(/^INVALID: cannot encode an infinite number at \$\[2\]/);
  });
  it('raises a bad argument error without an argument', async () => {
    expect(await vm.failure('json.encode()')).toMatch(/bad argument #1 to 'encode' \(value expected\)/);
  });
});

describe('json.decode', () => {
  it('decodes objects and arrays; null becomes nil', async () => {
    expect(await vm.values(`
      local v = json.decode('{"items": [1, 2.5, "x"], "ok": true, "gone": null, "nested": {"k": [[]]}}')
      return #v.items, v.items[2], v.ok, v.gone == nil, type(v.nested.k[1]), select('#', json.decode("null"))`))
      .toEqual([3, 2.5, true, true, 'table', 1]);
  });
  it('returns INVALID with the line and column of bad JSON', async () => {
    expect(await vm.values(`
      local v, err = json.decode('{\\n  "a": 1,\\n}')
      local d = err:details()
      return v, err:kind(), err:message(), d.line, d.column, d.offset`))
      .toEqual([null, 'INVALID', 'invalid JSON: unexpected "}", expected a property name at line 3, column 1', 3, 1, 12]);
  });
  it('returns INVALID for JSON nested deeper than Lua values may be (64)', async () => {
    expect(await vm.values(`
      local deep = string.rep("[", 64) .. string.rep("]", 64)
      local ok = json.decode(deep)
      local v, err = json.decode("[" .. deep .. "]")
      return type(ok), v, err:kind(), err:message()`)).toEqual(['table', null, 'INVALID', 'invalid JSON: nesting deeper than 64 at line 1, column 65']);
  });
  it('raises a bad argument error for a non-string', async () => {
    expect(await vm.failure('json.decode({})')).toMatch(/bad argument #1 to 'decode' \(string expected, got table\)/);
  });
  it('keeps a "__proto__" key as an ordinary key through Lua and back', async () => {
    const [again] = await vm.values(`local v = json.decode(...) return json.encode(v)`, { args: ['{"__proto__":false,"a":{"__proto__":{"x":1}}}'] });
    expect(JSON.parse(again as string)).toEqual(JSON.parse('{"__proto__":false,"a":{"__proto__":{"x":1}}}'));
  });
  it('round-trips JSON values through Lua (decode . encode . decode)', async () => {
    const nonEmpty = fc.jsonValue({ maxDepth: 3 }).filter((v) => JSON.stringify(v).indexOf('[]') < 0 && JSON.stringify(v).indexOf('{}') < 0 && JSON.stringify(v).indexOf('null') < 0);
    await fc.assert(fc.asyncProperty(nonEmpty, async (v) => {
      const text = JSON.stringify(v);
      const [again] = await vm.values(`local v, err = json.decode(...) assert(err == nil) return json.encode(v)`, { args: [text] });
      expect(JSON.parse(again as string)).toEqual(JSON.parse(text));
    }), { numRuns: 60 });
  });
});
