// A timeout of any length. Node's timers overflow past 2^31-1 ms (~24.8 days): the delay becomes
// 1 ms, which turned `--timeout 2147483648` into an immediate false TIMEOUT. This one waits in
// chunks and re-arms until the whole delay has passed.

/** The longest delay one Node timer holds. */
export const MAX_TIMER_MS = 2 ** 31 - 1;

/** Calls `fn` after `ms` milliseconds (any finite length); returns a function that cancels it. */
export function setLongTimeout(fn: () => void, ms: number): () => void {
  let timer: NodeJS.Timeout;
  const arm = (left: number) => {
    timer = left > MAX_TIMER_MS ? setTimeout(() => arm(left - MAX_TIMER_MS), MAX_TIMER_MS) : setTimeout(fn, Math.max(0, left));
  };
  arm(ms);
  return () => clearTimeout(timer);
}
