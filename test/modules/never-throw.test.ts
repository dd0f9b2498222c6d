// The pure cores answer every input with a value or an error result; none of them throws.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeJson } from '../../src/modules/json/decode';
import { decodeBase64 } from '../../src/modules/base64/codec';
import { parseDuration } from '../../src/modules/time/duration';
import { parseTime } from '../../src/modules/time/layout-parse';
import { formatTime } from '../../src/modules/time/layout-format';
import { makeInstant, MAX_SECONDS } from '../../src/modules/time/instant';
import { normalizeScriptPath } from '../../src/modules/fs/paths';
import { isValidUuid, uuidVersion } from '../../src/modules/uuid/uuid';

const text = fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.constantFrom('{"a":[1,{"b":', '2006-01-02T15:04:05Z07:00', '1h2m3.5s', 'Zm9v', '../a/./b'));

describe('pure cores never throw', () => {
  it('on arbitrary text', () => {
    fc.assert(fc.property(text, text, (a, b) => {
      for (const r of [decodeJson(a), decodeBase64(a), parseDuration(a), parseTime(a, b), normalizeScriptPath(a)]) {
        expect(typeof r).toBe('object');
      }
      expect(typeof isValidUuid(a)).toBe('boolean');
      uuidVersion(a);
      expect(typeof formatTime(makeInstant(0, 0, 0), a)).toBe('string');
    }), { numRuns: 500 });
  });
  it('on instants anywhere in the supported range', () => {
    fc.assert(fc.property(fc.double({ min: -MAX_SECONDS, max: MAX_SECONDS, noNaN: true }), fc.double({ min: -1e12, max: 1e12, noNaN: true }), (sec, nsec) => {
      expect(typeof formatTime(makeInstant(sec, nsec, 0), '2006-01-02T15:04:05.999999999Z07:00 Mon Jan MST')).toBe('string');
    }), { numRuns: 300 });
  });
});
