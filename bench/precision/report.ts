// Prints the findings per code on the corpus (each package under its config) and the precision of
// the judged sample; writes bench/precision/run.json (counts, and the sample with its judgements or
// "unjudged"). Shared by the `check` and `precision` bench suites.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CheckerEnvironment } from '../../src/checker/environment';
import type { CorpusFile } from '../corpus';
import { corpusFindings, countByCode, findingKey, precision, sampleFindings, type Judgement } from './findings';

/** The sample's size and seed, and the codes left out of it (unknown-module waits for `require` resolution, #12). */
export const SAMPLE = { size: 120, seed: 14, excluded: ['unknown-module'] } as const;

export function reportPrecision(files: readonly CorpusFile[], env: CheckerEnvironment, root: string): void {
  const dir = join(root, 'bench', 'precision');
  const findings = corpusFindings(files, env, join(dir, 'configs'));
  const counts = countByCode(findings);
  // LUAMOD_PRECISION_DUMP=file writes every finding (for judging; not kept in the repository).
  if (process.env.LUAMOD_PRECISION_DUMP) writeFileSync(process.env.LUAMOD_PRECISION_DUMP, JSON.stringify(findings, null, 1));
  process.stdout.write(`precision: ${findings.length} findings on ${files.length} files with the configs of bench/precision/configs:\n`);
  for (const c of counts) process.stdout.write(`  ${String(c.count).padStart(6)}  ${c.code} (${c.severity})\n`);
  const judgementsFile = join(dir, 'judgements.json');
  const judged: Judgement[] = existsSync(judgementsFile) ? (JSON.parse(readFileSync(judgementsFile, 'utf8')) as Judgement[]) : [];
  const byKey = new Map(judged.map((j) => [j.key, j]));
  const sample = sampleFindings(findings, SAMPLE.size, SAMPLE.seed, SAMPLE.excluded);
  const p = precision(sample, byKey);
  const pct = (a: number, b: number): string => (b ? `${((100 * a) / b).toFixed(1)}%` : 'n/a');
  process.stdout.write(`precision: sample of ${sample.length} error/warning findings (seed ${SAMPLE.seed}, without ${SAMPLE.excluded.join(', ')}): ` +
    `${p.judged} judged, ${p.unjudged} unjudged; true or defensible ${p.good}/${p.judged} = ${pct(p.good, p.judged)}\n`);
  for (const c of p.perCode) process.stdout.write(`  ${c.code}: ${c.good}/${c.judged} = ${pct(c.good, c.judged)}\n`);
  writeFileSync(join(dir, 'run.json'), JSON.stringify({
    files: files.length, findings: findings.length, counts,
    sample: sample.map((f) => ({ key: findingKey(f), package: f.package, source: f.source, ...(byKey.get(findingKey(f)) ?? { verdict: 'unjudged' }) })),
    precision: p,
  }, null, 2) + '\n');
}
