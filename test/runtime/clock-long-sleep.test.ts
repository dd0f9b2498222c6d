// Regression: Node fires timers longer than 2^31-1 ms at once; a 30-day sleep must not end early.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CLOCK_SLEEP, clockDispatcher } from '../../src/runtime/clock-dispatcher';

type Handler = (cmd: unknown) => Promise<unknown>;

function sleepHandler(): Handler {
  const handlers = new Map<string, Handler>();
  clockDispatcher().registerAll((id, h) => handlers.set(id, h as Handler));
  return handlers.get(CLOCK_SLEEP)!;
}

describe('clock dispatcher: long sleeps', () => {
  afterEach(() => vi.useRealTimers());

  it('a 30-day sleep is still pending after 25 days and ends after 30', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const day = 24 * 3600 * 1000;
    let done = false;
    void sleepHandler()({ ms: 30 * day }).then(() => { done = true; });
    await vi.advanceTimersByTimeAsync(25 * day);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(5 * day + 1);
    expect(done).toBe(true);
  });

  it('a short sleep ends on time', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    let done = false;
    void sleepHandler()({ ms: 250 }).then(() => { done = true; });
    await vi.advanceTimersByTimeAsync(249);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(2);
    expect(done).toBe(true);
  });
});
