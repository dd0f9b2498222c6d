// The yield `time.sleep` issues: a command for the runtime's clock dispatcher.
import type { Yield } from '../../module/host-api';

/** Command id of the runtime's clock dispatcher (kept in step with src/runtime). */
export const SLEEP_COMMAND = 'clock.sleep';

/** A yield that resumes the script after `ms` milliseconds, returning nothing. */
export function sleepYield(ms: number): Yield {
  return { cmdId: SLEEP_COMMAND, toCommand: () => ({ ms }), handleResult: () => 0 };
}
