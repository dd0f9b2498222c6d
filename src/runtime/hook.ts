// The count hook every process thread carries: it counts instructions, stops a process over its
// time limit or instruction budget (TIMEOUT; the scheduler then never resumes it, so a script's
// pcall cannot swallow the limit) and yields a long-running script so others get their turn.
import { lauxlib, lua, type lua_Hook } from 'fengari';
import type { LStateImpl } from './lstate';
import { KILL, SLICE, type EngineState } from './state';
import { formatBytes, usedMemoryBytes } from './resource-limits';

const HOOK_INFO = { name: 'hook', qualified: 'runtime', method: false };

export function makeHook(state: EngineState, ls: LStateImpl): lua_Hook {
  const memoryBase = usedMemoryBytes();
  const hook: lua_Hook = (L) => {
    const p = state.current;
    if (!p) return;
    p.instructions += state.limits.hookCount;
    const now = performance.now();
    if (p.killed === null) {
      let message: string | undefined;
      if (p.deadline > 0 && now > p.deadline) message = `script exceeded its time limit of ${p.timeMs} ms`;
      else if (p.budget > 0 && p.instructions > p.budget) message = `script exceeded its instruction budget of ${p.budget}`;
      let memory = false;
      if (message === undefined && state.limits.memoryBytes > 0 && usedMemoryBytes() - memoryBase > state.limits.memoryBytes) {
        message = `script exceeded its memory limit of ${formatBytes(state.limits.memoryBytes)}`;
        memory = true;
      }
      if (message !== undefined) {
        lauxlib.luaL_where(L, 0);
        const where = lua.lua_tojsstring(L, -1) ?? '';
        lua.lua_pop(L, 1);
        p.killed = memory ? { message, kind: 'UNAVAILABLE', retryable: false, where } : { message, kind: 'TIMEOUT', retryable: false, where };
      }
    }
    if (p.killed !== null) {
      if (lua.lua_isyieldable(L)) {
        p.outward = KILL;
        lua.lua_yield(L, 0);
        return;
      }
      // Not here (e.g. inside a table.sort comparator): raise, and check at every instruction from
      // now on so that the first yieldable point (after any pcall) stops the process for good.
      lua.lua_sethook(L, hook, lua.LUA_MASKCOUNT, 1);
      // Raise past any xpcall message handler: a handler runs with hooks off after a raise from
      // here (fengari's allowhook), so one that loops would never be stopped.
      (L as unknown as { errfunc: number }).errfunc = 0;
      ls.bind(L, HOOK_INFO);
      ls.raiseError(p.killed);
    }
    if (now - p.sliceStart > state.limits.sliceMs && lua.lua_isyieldable(L)) {
      lauxlib.luaL_where(L, 0);
      p.sliceWhere = lua.lua_tojsstring(L, -1) ?? '';
      lua.lua_pop(L, 1);
      p.outward = SLICE;
      lua.lua_yield(L, 0);
    }
  };
  return hook;
}
