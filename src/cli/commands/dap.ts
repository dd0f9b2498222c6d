// `luamod dap`: a Debug Adapter Protocol server over stdio (src/debug/session.ts). Editors start
// it and speak DAP on stdin/stdout; the script runs in luamod's runtime with the built-in modules.
import type { Command } from 'commander';

export function registerDap(program: Command): void {
  program
    .command('dap')
    .description('Serve the Debug Adapter Protocol over stdio (debug Lua scripts in luamod\'s runtime).')
    .action(async () => {
      const [{ LuamodDebugSession }, { builtinModules }] = await Promise.all([import('../../debug/session'), import('../../modules')]);
      const session = new LuamodDebugSession(builtinModules);
      session.setRunAsServer(false);
      session.start(process.stdin, process.stdout);
      await new Promise<void>((resolveClosed) => session.on('close', () => resolveClosed()));
    });
}
