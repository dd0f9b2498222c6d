// `luamod lsp --stdio | --node-ipc`: runs the language server in this process
// (the same code as dist/server.js), speaking LSP over the chosen transport.
import type { Command } from 'commander';
import {
  createConnection,
  IPCMessageReader,
  IPCMessageWriter,
  ProposedFeatures,
} from 'vscode-languageserver/node';
import { format } from 'node:util';
import { framingFilter } from '../../../server/src/framing';
import { startServer } from '../../../server/src/server';

interface LspOptions {
  stdio?: boolean;
  nodeIpc?: boolean;
}

export function registerLsp(program: Command): void {
  program
    .command('lsp')
    .description('Start the luamod language server (for editors: Neovim, Helix, VS Code, ...).')
    .option('--stdio', 'speak LSP over stdin/stdout (default)')
    .option('--node-ipc', 'speak LSP over the Node IPC channel (when spawned by a Node client)')
    .addHelpText('after', '\nExample (Neovim): vim.lsp.start({ name = "luamod", cmd = { "luamod", "lsp", "--stdio" } })')
    .action((opts: LspOptions) => {
      if (opts.nodeIpc) {
        if (!process.send) {
          process.stderr.write('luamod lsp: --node-ipc needs an IPC channel (spawn with stdio "ipc")\n');
          process.exit(2);
        }
        startServer(createConnection(ProposedFeatures.all, new IPCMessageReader(process), new IPCMessageWriter(process)));
        return;
      }
      // Same as dist/server.js --stdio: framing filter on input, console output kept off stdout.
      for (const level of ['log', 'info', 'debug', 'warn', 'error'] as const) {
        console[level] = (...args: unknown[]) => void process.stderr.write(`${format(...args)}\n`);
      }
      startServer(createConnection(ProposedFeatures.all, process.stdin.pipe(framingFilter()), process.stdout));
    });
}
