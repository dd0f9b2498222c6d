// The bundled examples: `luamod check examples` passes (examples/diagnostics is excluded by
// examples/.luamodrc.json), and examples/diagnostics/all.lua shows every diagnostic code once.
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { runCheck } from '../../src/cli/commands/check';
import { DIAGNOSTIC_CODES, LIMIT_CODES } from '../../src/checker/diagnostic-codes';

const EXAMPLES = join(__dirname, '../../examples');

function run(paths: string[]): { code: number; report: { files: Array<{ path: string; diagnostics: Array<{ code: string; severity: string }> }> } } {
  let out = '';
  const code = runCheck(paths, { format: 'json' }, (s) => { out += s; }, () => undefined);
  return { code, report: JSON.parse(out) };
}

describe('examples', () => {
  test('luamod check examples exits 0 and leaves out examples/diagnostics', () => {
    const { code, report } = run([EXAMPLES]);
    expect(code).toBe(0);
    expect(report.files.some((f) => f.path.includes('diagnostics'))).toBe(false);
    // Every bundled example is clean: not even a warning or a hint.
    const noisy = report.files.filter((f) => f.diagnostics.length > 0).map((f) => `${f.path}: ${f.diagnostics.map((d) => d.code).join(', ')}`);
    expect(noisy).toEqual([]);
    expect(report.files.map((f) => f.path)).toEqual(expect.arrayContaining([expect.stringMatching(/greet\.lua$/), expect.stringMatching(/hello\.lua$/)]));
  });

  test('examples/diagnostics/all.lua has one of each diagnostic', () => {
    const { code, report } = run([join(EXAMPLES, 'diagnostics')]);
    expect(code).toBe(1);
    const codes = report.files[0]!.diagnostics.map((d) => d.code).sort();
    // The limits (a file over 4 MiB, over 1000 diagnostics) are covered by test/security.
    expect(codes).toEqual([...DIAGNOSTIC_CODES].filter((c) => !LIMIT_CODES.has(c)).sort());
  });
});
