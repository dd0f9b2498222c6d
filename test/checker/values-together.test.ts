// Values returned together and library results the checker types more precisely (issue #14):
// `tonumber(s, base)`, `assert(f())`.
import { describe, expect, it } from 'vitest';
import { typeAtCursor } from './cursor';

describe('values returned together', () => {
  it('tonumber with a base is integer?, without one number?', () => {
    expect(typeAtCursor('local n = tonumber("ff", 16)\nprint($0n)')).toBe('integer?');
    expect(typeAtCursor('local n = tonumber("1.5")\nprint($0n)')).toBe('number?');
  });
  it('assert(f()) passes all values on, the first one without nil', () => {
    const src = 'local function f(x) if x then return nil, 0 end return "a", 1 end\nlocal a, b = assert(f(1))\n';
    expect(typeAtCursor(`${src}print($0a)`)).toBe('string');
    expect(typeAtCursor(`${src}print($0b)`)).toBe('integer');
  });
});
