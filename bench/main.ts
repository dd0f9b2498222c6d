// `npm run bench [name...] [--samples N] [--warmup N] [--min-sample-ms N] [--list]`: runs every suite
// of bench/suites/index.ts, or the named ones, and writes bench/results/<name>.json for each.
import { Command } from 'commander';
import { join } from 'node:path';
import { findPackageRoot } from '../src/module/package-root';
import { runSuite, type SuiteDef } from './harness';
import { suites } from './suites';

async function main(argv: string[]): Promise<number> {
  const all = suites as Readonly<Record<string, SuiteDef>>;
  const program = new Command('bench')
    .description('Run benchmark suites; prints a table and writes bench/results/<suite>.json.')
    .argument('[names...]', `suites to run (default: all): ${Object.keys(all).join(', ') || '(none registered)'}`)
    .option('--samples <n>', 'measured samples per case', (v) => parseInt(v, 10), 15)
    .option('--warmup <n>', 'untimed samples per case first', (v) => parseInt(v, 10), 3)
    .option('--min-sample-ms <ms>', 'minimum duration of one sample', (v) => parseFloat(v), 20)
    .option('--list', 'list the suites and exit')
    .exitOverride();
  try {
    program.parse(argv);
  } catch (err) {
    return (err as { exitCode?: number }).exitCode === 0 ? 0 : 2;
  }
  const opts = program.opts<{ samples: number; warmup: number; minSampleMs: number; list?: boolean }>();
  if (opts.list) {
    for (const [name, def] of Object.entries(all)) process.stdout.write(`${name}${def.description ? `  ${def.description}` : ''}\n`);
    return 0;
  }
  const names = program.args.length ? program.args : Object.keys(all);
  const unknown = names.filter((n) => !(n in all));
  if (unknown.length) {
    process.stderr.write(`bench: unknown suite ${unknown.map((n) => `'${n}'`).join(', ')}; known: ${Object.keys(all).join(', ')}\n`);
    return 2;
  }
  const resultsDir = join(findPackageRoot() ?? process.cwd(), 'bench', 'results');
  for (const name of names) {
    await runSuite(all[name]!, { samples: opts.samples, warmup: opts.warmup, minSampleMs: opts.minSampleMs, resultsDir });
    process.stdout.write(`wrote ${join(resultsDir, `${name}.json`)}\n\n`);
  }
  return 0;
}

main(process.argv).then(
  (code) => { process.exitCode = code; },
  (err: unknown) => {
    process.stderr.write(`bench: ${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
