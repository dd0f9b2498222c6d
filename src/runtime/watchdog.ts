// A last-resort stop for a whole process: a worker thread that, unless stopped first, prints a
// message to stderr and kills the process. The count hook cannot stop a script stuck inside one
// library call (e.g. a backtracking `string.find`), because no Lua instruction runs; this can.
import { Worker } from 'node:worker_threads';

/** What `luamod run` allows past `--timeout` before the watchdog fires (the hook normally stops first). */
export const WATCHDOG_GRACE_MS = 1000;

const SOURCE = `
const { workerData } = require('node:worker_threads');
const { writeSync } = require('node:fs');
setTimeout(() => {
  try { writeSync(2, workerData.message); } catch {}
  process.kill(process.pid, 'SIGKILL');
}, workerData.ms);
`;

export interface Watchdog {
  /** Disarms the watchdog (call when the run ends). */
  stop(): void;
}

/**
 * Arms a watchdog: after `ms` it writes `message` to stderr and kills this process with SIGKILL
 * (exit status 137), even while the main thread is busy. It never keeps the process alive.
 */
export function startWatchdog(ms: number, message: string): Watchdog {
  const worker = new Worker(SOURCE, { eval: true, workerData: { ms, message } });
  worker.unref();
  return { stop: () => void worker.terminate() };
}
