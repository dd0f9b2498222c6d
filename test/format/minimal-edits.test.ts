// Minimal line edits: applying them to the old text always gives the new text, and untouched
// lines are never part of an edit.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyLineEdits, minimalLineEdits } from '../../src/format/minimal-edits';

const lines = fc.array(fc.constantFrom('a', 'b', 'local x = 1', '', '  end', 'é😀'), { maxLength: 12 });
const text = fc.tuple(lines, fc.boolean()).map(([ls, nl]) => ls.join('\n') + (nl && ls.length ? '\n' : ''));

describe('minimalLineEdits', () => {
  it('applying the edits gives the new text (property)', () => {
    fc.assert(fc.property(text, text, (before, after) => {
      expect(applyLineEdits(before, minimalLineEdits(before, after))).toBe(after);
    }), { numRuns: 500 });
  });
  it('no edits for equal texts; one small edit for one changed line', () => {
    expect(minimalLineEdits('a\nb\n', 'a\nb\n')).toEqual([]);
    expect(minimalLineEdits('a\nb\nc\n', 'a\nB\nc\n')).toEqual([{ startLine: 1, endLine: 2, text: 'B\n' }]);
    expect(minimalLineEdits('a\nc\n', 'a\nb\nc\n')).toEqual([{ startLine: 1, endLine: 1, text: 'b\n' }]);
  });
});
