// Entry point of the luamod language server (bundled to dist/server.js). The transport comes from
// the command line: `--stdio`, `--node-ipc` or `--socket=N`, as vscode-languageserver reads them.
import { launchServer } from './launch';
import { serveScriptWorker } from './script-worker';

// In a script worker (see script-worker.ts) this bundle only runs the script it was given.
if (!serveScriptWorker()) {
  if (!process.argv.some((a) => a === '--stdio' || a === '--node-ipc' || a.startsWith('--socket') || a.startsWith('--pipe'))) {
    process.stderr.write('usage: luamod-server --stdio | --node-ipc | --socket=PORT\n');
    process.exit(2);
  }
  launchServer(process.argv.includes('--stdio') ? 'stdio' : 'argv');
}
