// `npm run fuzz [-- RUNS]`: the long fuzz run. Builds, then runs the same property tests as
// `npm test` (test/fuzz) with FUZZ_RUNS runs per property (default 1000) over the whole Debian
// corpus, and prints the figures each component reported (FUZZ_REPORT, one JSON object a line).
// FUZZ_SEED=N replays a run; a failure prints its seed and shrunk counterexample.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const runs = process.argv[2] ?? process.env.FUZZ_RUNS ?? '1000';
const report = process.env.FUZZ_REPORT ?? join(mkdtempSync(join(tmpdir(), 'luamod-fuzz-')), 'figures.jsonl');
const env = { ...process.env, FUZZ_RUNS: runs, FUZZ_REPORT: report };

const build = spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
const started = Date.now();
const vitest = spawnSync(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', 'test/fuzz', '--testTimeout=0', '--hookTimeout=0'], { stdio: 'inherit', env });

console.log(`\nfuzz: ${runs} runs per property, ${((Date.now() - started) / 1000).toFixed(0)} s; figures in ${report}`);
if (existsSync(report)) {
  for (const line of readFileSync(report, 'utf8').split('\n').filter(Boolean)) {
    const { component, ...figures } = JSON.parse(line);
    console.log(`  ${component.padEnd(10)} ${Object.entries(figures).map(([k, v]) => `${k}=${v}`).join('  ')}`);
  }
}
process.exit(vitest.status ?? 1);
