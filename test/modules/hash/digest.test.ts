// Digest helpers against published test vectors.
import { describe, expect, it } from 'vitest';
import { digestHex, hmacSha256Hex } from '../../../src/modules/hash/digest';

const b = (s: string) => new TextEncoder().encode(s);

describe('digests', () => {
  it('match known vectors for "abc"', () => {
    expect(digestHex('md5', b('abc'))).toBe('900150983cd24fb0d6963f7d28e17f72');
    expect(digestHex('sha1', b('abc'))).toBe('a9993e364706816aba3e25717850c26c9cd0d89d');
    expect(digestHex('sha256', b('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(digestHex('sha512', b('abc'))).toMatch(/^ddaf35a193617aba/);
  });
  it('HMAC-SHA256 matches RFC 4231 case 2', () => {
    expect(hmacSha256Hex(b('what do ya want for nothing?'), b('Jefe')))
      .toBe('5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843');
  });
});
