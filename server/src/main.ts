// Entry point of the luamod language server (bundled to dist/server.js). The transport comes from
// the command line: `--stdio`, `--node-ipc` or `--socket=N`, as vscode-languageserver reads them.
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { format } from 'node:util';
import { framingFilter } from './framing';
import { serveScriptWorker } from './script-worker';
import { startServer } from './server';

// In a script worker (see script-worker.ts) this bundle only runs the script it was given.
if (!serveScriptWorker()) {
  if (!process.argv.some((a) => a === '--stdio' || a === '--node-ipc' || a.startsWith('--socket') || a.startsWith('--pipe'))) {
    process.stderr.write('usage: luamod-server --stdio | --node-ipc | --socket=PORT\n');
    process.exit(2);
  }

  // A bug must never kill the server: log and keep serving.
  process.on('uncaughtException', (err) => process.stderr.write(`luamod server: uncaught ${err.stack ?? err}\n`));
  process.on('unhandledRejection', (err) => process.stderr.write(`luamod server: unhandled rejection ${String(err)}\n`));

  // Over stdio, client bytes pass through a framing filter so that one malformed header cannot
  // desynchronise the stream for good; console output goes to stderr, never into the protocol.
  if (process.argv.includes('--stdio')) {
    for (const level of ['log', 'info', 'debug', 'warn', 'error'] as const) {
      console[level] = (...args: unknown[]) => void process.stderr.write(`${format(...args)}\n`);
    }
    startServer(createConnection(ProposedFeatures.all, process.stdin.pipe(framingFilter()), process.stdout));
  } else {
    startServer(createConnection(ProposedFeatures.all));
  }
}
