// UUID generation and validation as pure functions.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isValidUuid, uuidV4, uuidV7, uuidVersion } from '../../../src/modules/uuid/uuid';

describe('uuid', () => {
  it('generated ids validate and carry their version and variant', () => {
    fc.assert(fc.property(fc.uint8Array({ minLength: 16, maxLength: 16 }), fc.integer({ min: 0, max: 2 ** 47 }), (rnd, ms) => {
      const a = uuidV4(rnd);
      const b = uuidV7(ms, rnd.subarray(0, 10));
      expect(isValidUuid(a) && isValidUuid(b)).toBe(true);
      expect([uuidVersion(a), uuidVersion(b)]).toEqual([4, 7]);
      expect('89ab').toContain(a[19]);
      expect('89ab').toContain(b[19]);
    }));
  });
  it('v7 ids sort by time', () => {
    const zero = new Uint8Array(10);
    const ones = new Uint8Array(10).fill(255);
    expect(uuidV7(1_700_000_000_000, ones) < uuidV7(1_700_000_000_001, zero)).toBe(true);
    expect(uuidV7(0x0123456789ab, zero).slice(0, 13)).toBe('01234567-89ab');
  });
  it('validate accepts only the canonical text form', () => {
    expect(isValidUuid('00000000-0000-0000-0000-000000000000')).toBe(true);
    expect(isValidUuid('F47AC10B-58CC-4372-A567-0E02B2C3D479')).toBe(true);
    for (const bad of ['', 'f47ac10b58cc4372a5670e02b2c3d479', '{f47ac10b-58cc-4372-a567-0e02b2c3d479}', 'g47ac10b-58cc-4372-a567-0e02b2c3d479', 'f47ac10b-58cc-4372-a567-0e02b2c3d47']) {
      expect(isValidUuid(bad), bad).toBe(false);
      expect(uuidVersion(bad)).toBeUndefined();
    }
  });
});
