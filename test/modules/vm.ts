// Runs Lua against the real engine with the built-in modules: an allow-all actor by default, the
// real scheduler and clock, and helpers that turn a script failure into a thrown test error.
import { createTestScheduler, type TestSchedulerOptions } from '../../src/runtime/test-scheduler';
import type { ProcessOptions } from '../../src/runtime/process';
import type { LuaValue } from '../../src/module/host-api';
import { builtinModules } from '../../src/modules';

export const ALLOW_ALL: Pick<ProcessOptions, 'actor' | 'scope'> = {
  actor: { id: 'test' },
  scope: { policies: [{ actions: ['*'], effect: 'allow' }] },
};

export type Vm = ReturnType<typeof createTestScheduler> & {
  /** Runs `script`; resolves with its return values; rejects with the script's error message. */
  values(script: string, options?: ProcessOptions): Promise<LuaValue[]>;
  /** Runs `script` expecting it to fail; resolves with the failure message. */
  failure(script: string, options?: ProcessOptions): Promise<string>;
};

/** An engine with every built-in module (or `options.modules`), run with ALLOW_ALL unless overridden. */
export function createVm(options: TestSchedulerOptions = {}): Vm {
  const ts = createTestScheduler({ modules: builtinModules, ...options });
  return Object.assign(ts, {
    async values(script: string, opts: ProcessOptions = {}) {
      const r = await ts.run(script, { ...ALLOW_ALL, ...opts });
      if (r.error) throw new Error(`script failed: ${r.error.message}${r.error.line ? ` (line ${r.error.line})` : ''}`);
      return r.values;
    },
    async failure(script: string, opts: ProcessOptions = {}) {
      const r = await ts.run(script, { ...ALLOW_ALL, ...opts });
      if (!r.error) throw new Error(`script succeeded with ${JSON.stringify(r.values)}`);
      return r.error.message;
    },
  });
}
