// The yield `time.sleep` issues: the runtime's clock dispatcher command (`clock.sleep`).
export { CLOCK_SLEEP as SLEEP_COMMAND, sleepYield } from '../../runtime/clock-dispatcher';
