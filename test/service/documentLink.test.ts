// documentLinks: module names in require("…") link to their definition.
import { describe, expect, it } from 'vitest';
import { documentLinks } from '../../src/service/documentLink';
import { snap } from './helpers';

describe('documentLinks', () => {
  it('links known modules (both call forms) and skips unknown ones', () => {
    const f = snap('local time = require("time")\nlocal json = require "json"\nlocal nope = require("nope")\n');
    const links = documentLinks(f.snap);
    expect(links.map((l) => l.range)).toEqual([
      { start: { line: 0, character: 22 }, end: { line: 0, character: 26 } },
      { start: { line: 1, character: 22 }, end: { line: 1, character: 26 } },
    ]);
    expect(links[0]!.target).toMatch(/^file:\/\/.*#L\d+$/);
  });
});
