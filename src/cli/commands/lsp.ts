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
    .option('--stdio', 'speak LSP over stdin/stdout (the default when stdin is not a terminal)')
    .option('--node-ipc', 'speak LSP over the Node IPC channel (when spawned by a Node client)')
    .addHelpText('after', '\nExample (Neovim 0.10+): vim.lsp.start({ name = "luamod", cmd = { "luamod", "lsp", "--stdio" } })\nOther editors and Neovim 0.7: docs/language-server.md')
    .action((opts: LspOptions) => {
      if (opts.nodeIpc && !process.send) {
        process.stderr.write('luamod lsp: --node-ipc needs an IPC channel (spawn with stdio "ipc")\n');
        process.exit(2);
      }
      // Typed at a terminal without a transport: nothing would ever answer, so say how to use it.
      // Started by an editor (stdin is a pipe), stdio is the default even without --stdio.
      if (!opts.stdio && !opts.nodeIpc && process.stdin.isTTY) {
        process.stderr.write('usage: luamod lsp --stdio | --node-ipc   (started by an editor; see docs/language-server.md)\n');
        process.exit(2);
      }
      // Same as dist/server.js; with --node-ipc vscode-languageserver reads the transport from argv.
      launchServer(opts.nodeIpc ? 'argv' : 'stdio');
    });
}
