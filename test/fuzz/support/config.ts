// Fuzz run sizes: small, fixed defaults for `npm test`; `npm run fuzz` (scripts/fuzz.mjs) sets
// FUZZ_RUNS (runs per property), FUZZ_SEED and FUZZ_REPORT (a JSON-lines file of counts).
import { appendFileSync } from 'node:fs';

/** Whether this is the long run (`npm run fuzz`). */
export function isLongRun(): boolean {
  return Number(process.env.FUZZ_RUNS ?? 0) > 0;
}

/** Runs for one property: `bounded` in `npm test`, FUZZ_RUNS in the long run. */
export function fuzzRuns(bounded: number): number {
  const n = Number(process.env.FUZZ_RUNS ?? 0);
  return Number.isFinite(n) && n > 0 ? Math.floor(n) : bounded;
}

/** fast-check parameters: run count, the seed when FUZZ_SEED is set, no end-of-run verbosity. */
export function fcParams(bounded: number): { numRuns: number; seed?: number; endOnFailure: boolean } {
  const seed = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);
  return { numRuns: fuzzRuns(bounded), ...(seed !== undefined && Number.isFinite(seed) ? { seed } : {}), endOnFailure: true };
}

/** A generous per-test timeout (a hang detector, never a speed check): 180 s bounded, one hour in the long run. */
export function fuzzTimeout(): number {
  return isLongRun() ? 3_600_000 : 180_000;
}

/** Inputs above this wall time count as a hang (a hang detector, not a performance assertion). */
export const HANG_BOUND_MS = 10_000;

/** Appends one line of figures to FUZZ_REPORT (when set), for docs/robustness.md. */
export function reportFigures(component: string, figures: Record<string, number | string>): void {
  const file = process.env.FUZZ_REPORT;
  if (!file) return;
  appendFileSync(file, JSON.stringify({ component, ...figures }) + '\n');
}
