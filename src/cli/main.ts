// `luamod` command line: one file per command under ./commands, registered here. Only the command
// being run is loaded (`luamod check` never loads fengari's VM or the language server).
import { Command } from 'commander';
import { isMainThread, workerData } from 'node:worker_threads';
import { version } from '../../package.json';

type Register = (program: Command) => void;

/** Each command's module, imported on demand, in the order `luamod --help` lists them. */
const COMMANDS: ReadonlyArray<readonly [string, () => Promise<Register>]> = [
  ['manifest', async () => (await import('./commands/manifest')).registerManifest],
  ['check', async () => (await import('./commands/check')).registerCheck],
  ['run', async () => (await import('./commands/run')).registerRun],
  ['test', async () => (await import('./commands/test')).registerTest],
  ['fmt', async () => (await import('./commands/fmt')).registerFmt],
  ['lsp', async () => (await import('./commands/lsp')).registerLsp],
  ['dap', async () => (await import('./commands/dap')).registerDap],
];

/**
 * The program with the commands `argv` may need: only the named command when the first argument
 * names one, none for `--version`, otherwise all of them (for `--help`, `help`, unknown commands and
 * their suggestions).
 */
export async function buildProgram(argv: readonly string[] = process.argv): Promise<Command> {
  const program = new Command('luamod')
    .description('Type-check, run and test Lua scripts against host module manifests.')
    .version(version)
    .showHelpAfterError()
    .exitOverride((err) => {
      // commander's own usage errors exit 2, like every other bad usage of luamod.
      process.exit(err.exitCode === 0 ? 0 : 2);
    });
  const first = argv.slice(2).find((a) => !a.startsWith('-'));
  const named = COMMANDS.find(([name]) => name === first);
  const versionOnly = !first && argv.some((a) => a === '-V' || a === '--version');
  const wanted = named ? [named] : versionOnly ? [] : COMMANDS;
  const registers = await Promise.all(wanted.map(([, load]) => load()));
  for (const register of registers) register(program);
  return program;
}

if (!isMainThread && (workerData as { luamodRun?: unknown } | null)?.luamodRun) {
  // `luamod run` and `luamod lsp`'s Run Lua Script run scripts in worker threads of this same bundle
  // (src/runtime/isolated-run.ts). (`luamod check`'s workers run dist/check-worker.js, not this bundle.)
  void Promise.all([import('../runtime/isolated-run'), import('../modules'), import('../modules/logger/json-line')])
    .then(([r, m, log]) => r.serveIsolatedRun(m.builtinModules, log.formatLogLine));
} else if (!isMainThread && (workerData as { luamodTest?: unknown } | null)?.luamodTest) {
  // `luamod test` runs test files in a worker thread of this same bundle (src/runtime/isolated-test.ts).
  void Promise.all([import('../runtime/isolated-test'), import('../modules')])
    .then(([t, m]) => t.serveIsolatedTests(m.builtinModules));
} else {
  buildProgram()
    .then((program) => program.parseAsync(process.argv))
    .catch((err: unknown) => {
      process.stderr.write(`luamod: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exit(2);
    });
}
