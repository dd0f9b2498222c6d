// The clock dispatcher: sleep for the `time` module. Host functions yield `sleepYield(ms)`; the
// scheduler routes it here. No fengari import, so modules can use it without loading the VM.
import type { Dispatcher, Yield } from '../module/host-api';

/** Command id: suspend the script for `{ms}` milliseconds. */
export const CLOCK_SLEEP = 'clock.sleep';

export interface SleepCommand { readonly ms: number }

/** A Yield that suspends the script for `ms` milliseconds; the script gets no values back. */
export function sleepYield(ms: number): Yield {
  const cmd: SleepCommand = { ms: Math.max(0, ms) };
  return { cmdId: CLOCK_SLEEP, toCommand: () => cmd, handleResult: () => 0 };
}

/** Handles the clock command with JS timers. */
export function clockDispatcher(): Dispatcher {
  const wait = (ms: number) => new Promise<void>((resolve) => waitUntil(Date.now() + Math.max(0, ms), resolve));
  return {
    name: 'clock',
    registerAll(register) {
      register(CLOCK_SLEEP, (cmd) => wait((cmd as SleepCommand).ms));
    },
  };
}

/** Node's timers overflow past 2^31-1 ms (~24.8 days) and fire at once: wait in chunks instead. */
const MAX_TIMER_MS = 2 ** 31 - 1;

function waitUntil(deadline: number, done: () => void): void {
  const left = deadline - Date.now();
  if (left <= MAX_TIMER_MS) setTimeout(done, Math.max(0, left));
  else setTimeout(() => waitUntil(deadline, done), MAX_TIMER_MS);
}
