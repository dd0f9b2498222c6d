// `luamod lsp --stdio | --node-ipc`: runs the language server in this process
// (the same code as dist/server.js), speaking LSP over the chosen transport.
import type { Command } from 'commander';
import { launchServer } from '../../../server/src/launch';

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
      if (opts.nodeIpc && !process.send) {
        process.stderr.write('luamod lsp: --node-ipc needs an IPC channel (spawn with stdio "ipc")\n');
        process.exit(2);
      }
      // Same as dist/server.js; with --node-ipc vscode-languageserver reads the transport from argv.
      launchServer(opts.nodeIpc ? 'argv' : 'stdio');
    });
}
