// The benchmark harness behind `npm run bench [name...]`.
//
// A suite is a file bench/suites/<name>.ts that default-exports `defineSuite({name, run})` and is listed in
// bench/suites/index.ts. `run(b)` does its setup (untimed), then registers cases:
//
//   export default defineSuite({
//     name: 'types',
//     description: 'type notation parsing',
//     run(b) {
//       const texts = corpus();                                  // setup: not timed
//       b.reference('JSON.parse', () => { for (const t of json) JSON.parse(t); });
//       b.bench('parseType', () => { for (const t of texts) parseType(t); });   // compared with the reference above
//     },
//   });
//
// Every case is compared with a reference measured in the same run: by default the last
// `b.reference(...)` registered before it, or the one named in `{reference: 'name'}`. The harness
// calibrates how many calls make one sample (at least `minSampleMs`), runs `warmup` samples, then
// `samples` samples, interleaving the cases round-robin so drift hits them all alike. It prints a
// table (case, median, min, max per call, ratio of medians to the reference) and writes
// bench/results/<suite>.json with the machine, the date and every number. A case may be async
// (return a promise); it is then awaited per call. Timings never appear in tests.
import { writeFileSync, mkdirSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';

/** What a suite's `run` receives to register its cases. */
export interface SuiteBuilder {
  /** Registers a reference case (the baseline later cases are compared with). */
  reference(name: string, fn: () => unknown): void;
  /** Registers a measured case, compared with the last reference (or `options.reference`). */
  bench(name: string, fn: () => unknown, options?: { reference?: string }): void;
}

export interface SuiteDef {
  readonly name: string;
  readonly description?: string;
  /** Setup plus case registration; may be async. */
  run(b: SuiteBuilder): void | Promise<void>;
}

export interface RunOptions {
  /** Measured samples per case (default 15). */
  readonly samples?: number;
  /** Untimed samples per case first (default 3). */
  readonly warmup?: number;
  /** Minimum duration of one sample, used to calibrate calls per sample (default 20 ms). */
  readonly minSampleMs?: number;
  /** Where `<suite>.json` goes (default bench/results); undefined with `write: false`. */
  readonly resultsDir?: string;
  readonly write?: boolean;
  /** Table output (default process.stdout.write). */
  readonly print?: (text: string) => void;
}

export interface CaseResult {
  readonly name: string;
  readonly isReference: boolean;
  /** The reference this case is compared with (undefined for references). */
  readonly reference?: string;
  readonly callsPerSample: number;
  /** Nanoseconds per call. */
  readonly medianNs: number;
  readonly minNs: number;
  readonly maxNs: number;
  /** medianNs / the reference's medianNs (1 for a reference). */
  readonly ratio: number;
}

export interface SuiteResult {
  readonly suite: string;
  readonly description?: string;
  readonly date: string;
  readonly machine: { node: string; platform: string; arch: string; cpu: string; cpus: number; memoryGb: number };
  readonly options: { samples: number; warmup: number; minSampleMs: number };
  readonly cases: readonly CaseResult[];
}

/** Declares a suite (identity; gives the object its type). */
export function defineSuite(def: SuiteDef): SuiteDef {
  return def;
}

interface Case {
  readonly name: string;
  readonly fn: () => unknown;
  readonly isReference: boolean;
  readonly reference?: string;
  calls: number;
  readonly times: number[];
}

/** Runs one suite: registers, calibrates, samples, prints the table, writes the JSON. */
export async function runSuite(def: SuiteDef, options: RunOptions = {}): Promise<SuiteResult> {
  const samples = options.samples ?? 15;
  const warmup = options.warmup ?? 3;
  const minSampleMs = options.minSampleMs ?? 20;
  const print = options.print ?? ((t: string) => void process.stdout.write(t));
  const cases: Case[] = [];
  let lastReference: string | undefined;
  await def.run({
    reference(name, fn) {
      cases.push({ name, fn, isReference: true, calls: 1, times: [] });
      lastReference = name;
    },
    bench(name, fn, opts) {
      const reference = opts?.reference ?? lastReference;
      if (reference === undefined) throw new Error(`bench '${def.name}': case '${name}' has no reference (register one with b.reference first)`);
      if (!cases.some((c) => c.isReference && c.name === reference)) throw new Error(`bench '${def.name}': unknown reference '${reference}'`);
      cases.push({ name, fn, isReference: false, reference, calls: 1, times: [] });
    },
  });

  // Calibrate twice: the first pass runs cold code, the second sizes samples for warm code.
  for (const c of cases) c.calls = await calibrate(c.fn, minSampleMs, await calibrate(c.fn, minSampleMs, 1));
  for (let round = 0; round < warmup + samples; round++) {
    for (const c of cases) {
      (globalThis as { gc?: () => void }).gc?.();
      const ns = await sample(c.fn, c.calls);
      if (round >= warmup) c.times.push(ns / c.calls);
    }
  }

  const medians = new Map(cases.map((c) => [c.name, median(c.times)]));
  const results: CaseResult[] = cases.map((c) => ({
    name: c.name,
    isReference: c.isReference,
    ...(c.reference ? { reference: c.reference } : {}),
    callsPerSample: c.calls,
    medianNs: medians.get(c.name)!,
    minNs: Math.min(...c.times),
    maxNs: Math.max(...c.times),
    ratio: c.isReference ? 1 : medians.get(c.name)! / medians.get(c.reference!)!,
  }));
  const result: SuiteResult = {
    suite: def.name,
    ...(def.description ? { description: def.description } : {}),
    date: new Date().toISOString(),
    machine: {
      node: process.version, platform: process.platform, arch: process.arch,
      cpu: cpus()[0]?.model ?? 'unknown', cpus: cpus().length, memoryGb: Math.round(totalmem() / 2 ** 30),
    },
    options: { samples, warmup, minSampleMs },
    cases: results,
  };
  print(formatTable(result));
  if (options.write !== false) {
    const dir = options.resultsDir ?? join(process.cwd(), 'bench', 'results');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `${def.name}.json`), JSON.stringify(result, null, 2) + '\n');
  }
  return result;
}

/** Calls per sample so that a sample lasts at least `minMs` (doubling from 1). */
async function calibrate(fn: () => unknown, minMs: number, start: number): Promise<number> {
  let calls = start;
  for (;;) {
    const ns = await sample(fn, calls);
    if (ns >= minMs * 1e6 || calls >= 2 ** 24) return calls;
    calls = ns <= 0 ? calls * 8 : Math.min(calls * 8, Math.max(calls * 2, Math.ceil((calls * minMs * 1e6) / ns)));
  }
}

async function sample(fn: () => unknown, calls: number): Promise<number> {
  const start = process.hrtime.bigint();
  for (let i = 0; i < calls; i++) {
    const r = fn();
    if (r instanceof Promise) await r;
  }
  return globalThis.Number(process.hrtime.bigint() - start);
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Human time: ns, µs, ms or s with three significant digits. */
export function formatNs(ns: number): string {
  const [v, unit] = ns < 1e3 ? [ns, 'ns'] : ns < 1e6 ? [ns / 1e3, 'µs'] : ns < 1e9 ? [ns / 1e6, 'ms'] : [ns / 1e9, 's'];
  return `${v.toPrecision(3)} ${unit}`;
}

/** The printed table: one row per case, references marked `(ref)`. */
export function formatTable(r: SuiteResult): string {
  const rows = r.cases.map((c) => [
    c.isReference ? `${c.name} (ref)` : `  ${c.name}`,
    formatNs(c.medianNs), formatNs(c.minNs), formatNs(c.maxNs),
    c.isReference ? '1.00' : `${c.ratio.toFixed(2)}×`,
  ]);
  const head = ['case', 'median', 'min', 'max', 'ratio'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cols: string[]): string => cols.map((c, i) => (i === 0 || i === 4 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ').trimEnd();
  const title = `${r.suite}${r.description ? ` — ${r.description}` : ''}\n(time per call over ${r.options.samples} samples; ratio = median / median of the (ref) row above it)`;
  return [title, line(head), ...rows.map(line), ''].join('\n') + '\n';
}
