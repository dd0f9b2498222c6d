// base64 codec as pure functions: vectors, strictness, binary round-trip property.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeBase64, encodeBase64 } from '../../../src/modules/base64/codec';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('base64 codec', () => {
  it('matches RFC 4648 test vectors', () => {
    const vectors = [['', ''], ['f', 'Zg=='], ['fo', 'Zm8='], ['foo', 'Zm9v'], ['foobar', 'Zm9vYmFy']];
    for (const [plain, coded] of vectors) {
      expect(encodeBase64(bytes(plain))).toBe(coded);
      expect(decodeBase64(coded)).toEqual({ bytes: bytes(plain) });
    }
    expect(decodeBase64('Zg')).toEqual({ bytes: bytes('f') });
  });
  it('rejects bad characters, lengths, padding and trailing bits', () => {
    expect(decodeBase64('Zm9v!')).toEqual({ error: 'invalid base64: unexpected "!" at position 5' });
    expect(decodeBase64('Zm9 v')).toMatchObject({ error: expect.stringMatching(/" " at position 4/) });
    expect(decodeBase64('Z')).toMatchObject({ error: expect.stringMatching(/truncated/) });
    expect(decodeBase64('Zm9=')).toMatchObject({ error: expect.stringMatching(/trailing bits/) });
    expect(decodeBase64('Zg=')).toMatchObject({ error: expect.stringMatching(/padding/) });
    expect(decodeBase64('Zm-_')).toMatchObject({ error: expect.stringMatching(/"-"/) });
  });
  it('round-trips any bytes', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 200 }), (b) => {
      const r = decodeBase64(encodeBase64(b));
      expect('bytes' in r && Array.from(r.bytes)).toEqual(Array.from(b));
    }));
  });
});
