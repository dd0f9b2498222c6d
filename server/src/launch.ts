// Starting the server in this process: the one place both entry points (dist/server.js and
// `luamod lsp`) go through, so they behave the same over every transport.
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { format } from 'node:util';
import { framingFilter } from './framing';
import { startServer } from './server';

/**
 * `stdio`: client bytes pass through a framing filter so that one malformed header cannot
 * desynchronise the stream for good, and console output goes to stderr, never into the protocol.
 * `argv`: the transport vscode-languageserver reads from the command line (`--node-ipc`, `--socket=N`, ...).
 */
export function launchServer(transport: 'stdio' | 'argv'): void {
  // A bug must never kill the server: log and keep serving.
  process.on('uncaughtException', (err) => process.stderr.write(`luamod server: uncaught ${err.stack ?? err}\n`));
  process.on('unhandledRejection', (err) => process.stderr.write(`luamod server: unhandled rejection ${String(err)}\n`));
  if (transport === 'stdio') {
    for (const level of ['log', 'info', 'debug', 'warn', 'error'] as const) {
      console[level] = (...args: unknown[]) => void process.stderr.write(`${format(...args)}\n`);
    }
    startServer(createConnection(ProposedFeatures.all, process.stdin.pipe(framingFilter()), process.stdout));
  } else {
    startServer(createConnection(ProposedFeatures.all));
  }
}
