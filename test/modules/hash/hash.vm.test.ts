// hash on the real VM: vectors, binary input, bad arguments.
import { afterAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { createVm } from '../vm';

const vm = createVm();
afterAll(() => vm.stop());

describe('hash', () => {
  it('computes lowercase hex digests and HMAC', async () => {
    expect(await vm.values(`return hash.md5("abc"), hash.sha1("abc"), hash.sha256(""), #hash.sha512("abc"), hash.hmac_sha256("what do ya want for nothing?", "Jefe")`))
      .toEqual([
        '900150983cd24fb0d6963f7d28e17f72',
        'a9993e364706816aba3e25717850c26c9cd0d89d',
        'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
        128,
        '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
      ]);
  });
  it('hashes the bytes of the string (binary-safe)', async () => {
    const bytes = Buffer.from([0, 0xff, 0xc3, 0x28, 0x80]);
    expect(await vm.values(`return hash.sha256("\\0\\255\\195\\40\\128")`)).toEqual([createHash('sha256').update(bytes).digest('hex')]);
  });
  it('raises bad argument errors for non-strings', async () => {
    for (const fn of ['md5', 'sha1', 'sha256', 'sha512']) {
      expect(await vm.failure(`hash.${fn}({})`)).toMatch(new RegExp(`bad argument #1 to '${fn}' \\(string expected, got table\\)`));
    }
    expect(await vm.failure('hash.hmac_sha256("x")')).toMatch(/bad argument #2 to 'hmac_sha256' \(string expected, got no value\)/);
  });
});
