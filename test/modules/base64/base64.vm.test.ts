// base64 on the real VM: binary safety, INVALID errors, bad arguments, round-trip property.
import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createVm } from '../vm';

const vm = createVm();
afterAll(() => vm.stop());

describe('base64', () => {
  it('encodes and decodes text and raw bytes', async () => {
    expect(await vm.values(`
      local bytes = "\\0\\1\\2\\128\\255"
      return base64.encode("foobar"), base64.decode("Zm9vYmFy"), base64.encode(bytes), base64.decode(base64.encode(bytes)) == bytes, #base64.decode("AP8=")`))
      .toEqual(['Zm9vYmFy', 'foobar', 'AAECgP8=', true, 2]);
  });
  it('decode returns INVALID for bad input', async () => {
    expect(await vm.values(`local s, err = base64.decode("Zm9v!") return s, err:kind(), err:message()`))
      .toEqual([null, 'INVALID', 'invalid base64: unexpected "!" at position 5']);
  });
  it('raises bad argument errors for non-strings', async () => {
    expect(await vm.failure('base64.encode({})')).toMatch(/bad argument #1 to 'encode' \(string expected, got table\)/);
    expect(await vm.failure('base64.decode()')).toMatch(/bad argument #1 to 'decode' \(string expected, got no value\)/);
  });
  it('round-trips any byte string through Lua', async () => {
    await fc.assert(fc.asyncProperty(fc.uint8Array({ maxLength: 64 }), async (bytes) => {
      const [same, encoded] = await vm.values(`local s = ... local e = base64.encode(s) return base64.decode(e) == s, e`, { args: [bytes] });
      expect(same).toBe(true);
      expect(encoded).toBe(Buffer.from(bytes).toString('base64'));
    }), { numRuns: 60 });
  });
});
