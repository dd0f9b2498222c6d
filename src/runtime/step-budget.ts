// The step budget of long library calls: luamod's fengari patch (patches/fengari+0.1.5+001+step-budget.patch) calls
// `luamod_stepcheck` every 1024 steps of the pattern matcher (find, match, gmatch, gsub),
// string.rep, table.concat, table.move and table.sort, where no count hook runs. Over the time
// limit, the call raises the process's TIMEOUT error; the count hook then stops the process for good.
import { lauxlib, lua, type lua_Hook, type lua_State } from 'fengari';
import type { LStateImpl } from './lstate';
import type { EngineState } from './state';

const STEP_INFO = { name: 'step', qualified: 'runtime', method: false };

interface PatchedGlobal { luamod_stepcheck?: (L: lua_State) => void }

/** Installs the step check on the engine's state (shared by all its threads). */
export function installStepBudget(state: EngineState, ls: LStateImpl, hook: lua_Hook): void {
  const g = (state.L as unknown as { l_G: PatchedGlobal }).l_G;
  g.luamod_stepcheck = (L) => {
    const p = state.current;
    if (!p) return;
    if (p.killed === null) {
      if (!(p.deadline > 0 && performance.now() > p.deadline)) return;
      lauxlib.luaL_where(L, 1);
      const where = lua.lua_tojsstring(L, -1) ?? '';
      lua.lua_pop(L, 1);
      p.killed = { message: `script exceeded its time limit of ${p.timeMs} ms`, kind: 'TIMEOUT', retryable: false, where };
    }
    // Check at every instruction from now on, so that the first point after any pcall stops it.
    lua.lua_sethook(L, hook, lua.LUA_MASKCOUNT, 1);
    (L as unknown as { errfunc: number }).errfunc = 0;
    ls.bind(L, STEP_INFO);
    ls.raiseError(p.killed);
  };
}

