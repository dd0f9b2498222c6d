// The bench harness's behaviour (structure of results, references, files), never its timings.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { defineSuite, formatNs, runSuite } from '../../bench/harness';

const tmp = mkdtempSync(join(tmpdir(), 'luamod-bench-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const quick = { samples: 3, warmup: 1, minSampleMs: 1 };

describe('bench harness', () => {
  it('measures cases against their reference, prints a table and writes results', async () => {
    let printed = '';
    const calls: string[] = [];
    const suite = defineSuite({
      name: 'demo',
      description: 'harness self-test',
      async run(b) {
        b.reference('ref A', () => calls.push('A'));
        b.bench('case 1', () => calls.push('1'));
        b.reference('ref B', async () => { calls.push('B'); });
        b.bench('case 2', () => calls.push('2'));
        b.bench('case 3', () => calls.push('3'), { reference: 'ref A' });
      },
    });
    const r = await runSuite(suite, { ...quick, resultsDir: tmp, print: (t) => { printed += t; } });
    expect(r.cases.map((c) => [c.name, c.isReference, c.reference])).toEqual([
      ['ref A', true, undefined], ['case 1', false, 'ref A'], ['ref B', true, undefined], ['case 2', false, 'ref B'], ['case 3', false, 'ref A'],
    ]);
    for (const c of r.cases) {
      expect(c.minNs).toBeLessThanOrEqual(c.medianNs);
      expect(c.medianNs).toBeLessThanOrEqual(c.maxNs);
      expect(c.callsPerSample).toBeGreaterThanOrEqual(1);
    }
    expect(r.cases[0]!.ratio).toBe(1);
    expect(r.cases[1]!.ratio).toBeCloseTo(r.cases[1]!.medianNs / r.cases[0]!.medianNs);
    expect(new Set(calls)).toEqual(new Set(['A', '1', 'B', '2', '3']));
    expect(printed).toMatch(/^demo — harness self-test\n/);
    expect(printed).toMatch(/^ref A \(ref\)\s/m);
    expect(printed).toMatch(/^ {2}case 1\s.*×$/m);
    const file = JSON.parse(readFileSync(join(tmp, 'demo.json'), 'utf8'));
    expect(file).toMatchObject({ suite: 'demo', options: { samples: 3, warmup: 1 }, machine: { node: process.version } });
    expect(file.cases).toHaveLength(5);
  });

  it('a case without a reference is an error naming the suite and case', async () => {
    const suite = defineSuite({ name: 'bad', run(b) { b.bench('orphan', () => 0); } });
    await expect(runSuite(suite, { ...quick, write: false, print: () => {} })).rejects.toThrow("bench 'bad': case 'orphan' has no reference");
    const named = defineSuite({ name: 'bad2', run(b) { b.reference('r', () => 0); b.bench('x', () => 0, { reference: 'nope' }); } });
    await expect(runSuite(named, { ...quick, write: false, print: () => {} })).rejects.toThrow("unknown reference 'nope'");
  });

  it('formats times with units', () => {
    expect(formatNs(12.3)).toBe('12.3 ns');
    expect(formatNs(45_600)).toBe('45.6 µs');
    expect(formatNs(7_890_000)).toBe('7.89 ms');
    expect(formatNs(2.5e9)).toBe('2.50 s');
  });
});
