// `luamod` command line: one file per command under ./commands, registered here.
import { Command } from 'commander';
import { registerManifest } from './commands/manifest';
import { registerCheck } from './commands/check';
import { registerRun } from './commands/run';
import { registerTest } from './commands/test';
import { registerLsp } from './commands/lsp';
import { version } from '../../package.json';

export function buildProgram(): Command {
  const program = new Command('luamod')
    .description('Type-check, run and test Lua scripts against host module manifests.')
    .version(version)
    .showHelpAfterError()
    .exitOverride((err) => {
      // commander's own usage errors exit 2, like every other bad usage of luamod.
      process.exit(err.exitCode === 0 ? 0 : 2);
    });
  registerManifest(program);
  registerCheck(program);
  registerRun(program);
  registerTest(program);
  registerLsp(program);
  return program;
}

buildProgram().parseAsync(process.argv).catch((err: unknown) => {
  process.stderr.write(`luamod: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(2);
});
