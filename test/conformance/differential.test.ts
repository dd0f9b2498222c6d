// Differential tests: seeded random programs (./differential.ts) run on native lua5.3 and on
// luamod's runtime must print the same bytes. They found the pattern-matching, `string.unpack`,
// `~` and %g-exponent bugs docs/fengari-patches.md lists. Skipped when lua5.3 is not installed.
process.env.TZ = 'UTC';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runSnippet } from './run-snippet';
import { dateCases, formatCases, numberCases, patternCases } from './differential';

const hasLua = spawnSync('lua5.3', ['-v']).status === 0;

/** Runs `source` as snippet.lua (the chunk name luamod's side uses too). */
function native(source: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'luamod-differential-'));
  try {
    writeFileSync(join(dir, 'snippet.lua'), source, 'latin1');
    const r = spawnSync('lua5.3', ['snippet.lua'], { cwd: dir, env: { PATH: process.env.PATH, TZ: 'UTC', LC_ALL: 'C' }, maxBuffer: 64 * 1024 * 1024 });
    return r.stdout.toString('latin1');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The lines that differ, both sides, at most 10 (readable failures). */
function differences(want: string, got: string): string[] {
  const a = want.split('\n'), b = got.split('\n');
  const out: string[] = [];
  for (let i = 0; i < Math.max(a.length, b.length) && out.length < 20; i++) {
    if (a[i] !== b[i]) out.push(`lua5.3: ${a[i]}`, `luamod: ${b[i]}`);
  }
  return out;
}

describe.skipIf(!hasLua)('differential (seeded random programs vs native lua5.3)', () => {
  // Number lines whose native result is an integer beyond 32 bits are the integer work's: left out.
  const beyond32 = (line: string) => /\b\d{10,}\b/.test(line) && !/e[+-]/.test(line);
  const cases: ReadonlyArray<[string, string, boolean]> = [
    ['string.format', formatCases(1, 1500), false],
    ['patterns', patternCases(2, 1500), false],
    ['numbers', numberCases(3, 1500), true],
    ['os.date', dateCases(4, 200), false],
  ];
  for (const [name, source, needs64] of cases) {
    it(name, async () => {
      const got = (await runSnippet(Buffer.from(source, 'latin1'))).toString('latin1').split('\n');
      const want = native(source).split('\n');
      expect(want.length).toBeGreaterThan(200);
      const keep = want.map((line, i) => !(needs64 && beyond32(line)) || i >= got.length);
      expect(differences(want.filter((_, i) => keep[i]).join('\n'), got.filter((_, i) => keep[i]).join('\n'))).toEqual([]);
    });
  }
});
