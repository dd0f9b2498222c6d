// Debugger overhead (issue 18): a script under `luamod dap`'s Debuggee vs its plain run
// (runScript), both in this thread with the built-in modules. Floor: with no breakpoints, at most
// 1.5× the plain run. With a breakpoint on a line the script never reaches, the line hook runs on
// every line (one set lookup each): shown for comparison, no floor.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Debuggee } from '../../src/debug/debuggee';
import { builtinModules } from '../../src/modules';
import { runScript } from '../../src/runtime/run-script';
import { defineSuite } from '../harness';

const SCRIPT = `local function fib(n) if n < 2 then return n end return fib(n - 1) + fib(n - 2) end
local t = {}
for i = 1, 20000 do t[i] = i * 2 end
local s = 0
for _, v in ipairs(t) do s = s + v end
if s < 0 then
  print("never")
end
return fib(23) + s
`;

export default defineSuite({
  name: 'debug',
  description: 'a script under the debugger (no breakpoints: floor 1.5×) vs its plain run',
  run(b) {
    const dir = mkdtempSync(join(tmpdir(), 'luamod-bench-debug-'));
    const program = join(dir, 'work.lua');
    writeFileSync(program, SCRIPT);
    const debugged = (breakpointLine?: number) => () => new Promise<void>((done, fail) => {
      const d = new Debuggee({
        program, args: [], cwd: dir, fsRoot: dir, scope: { policies: [] }, workflow: false, stopOnEntry: false, modules: builtinModules,
      }, {
        output: () => undefined,
        stopped: () => fail(new Error('the bench script stopped')),
        exited: (code) => (code === 0 ? done() : fail(new Error(`exit code ${code}`))),
      });
      if (breakpointLine !== undefined) d.breakpoints.set(program, [{ line: breakpointLine }]);
      d.start();
    });
    b.reference('plain run (runScript)', async () => {
      const r = await runScript({ source: SCRIPT, chunkName: program, modules: builtinModules });
      if (r.error) throw new Error(r.error.message);
    });
    b.bench('under the debugger, no breakpoints (floor ≤ 1.5×)', debugged());
    b.bench('under the debugger, one breakpoint never hit', debugged(7));
  },
});
