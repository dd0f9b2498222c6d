// fengari (as C Lua) steps a frame's saved pc back one instruction when a hook yields, so that the
// instruction re-runs on resume; while the thread is stopped there, its top frame would report the
// previous instruction (its line, and at a function's first line no active locals at all), and its
// `func` slot points at the stack top instead of the function. The debugger puts both back as they
// were inside the hook while it inspects the stopped thread, and undoes that before resuming it.
import type { lua_State } from 'fengari';

/** lstate.js CIST_HOOKYIELD: the frame's hook yielded. */
const CIST_HOOKYIELD = 1 << 6;

interface CallInfo { callstatus: number; l_savedpc: number; funcOff: number; func: unknown; extra: number }

/**
 * If `thread`'s top frame yielded from a hook, moves its pc forward; returns the undo. Undo with
 * `lineHookOff` when the thread resumes without a line hook: the VM clears the frame's hook-yield
 * mark only on a hook check, so the mark would otherwise linger and swallow the first line event
 * once a line hook is back (a pause or a breakpoint set later would skip a line).
 */
export function holdHookYield(thread: lua_State): (lineHookOff: boolean) => void {
  const t = thread as unknown as { ci: CallInfo; stack: unknown[] };
  const ci = t.ci;
  if (!ci || (ci.callstatus & CIST_HOOKYIELD) === 0) return () => undefined;
  const saved = { funcOff: ci.funcOff, func: ci.func };
  ci.l_savedpc++;
  ci.funcOff = ci.extra;
  ci.func = t.stack[ci.extra];
  let undone = false;
  return (lineHookOff) => {
    if (undone) return;
    undone = true;
    if (lineHookOff) ci.callstatus &= ~CIST_HOOKYIELD;
    ci.l_savedpc--;
    ci.funcOff = saved.funcOff;
    ci.func = saved.func;
  };
}
