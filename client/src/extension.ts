// Entry point of the luamod VS Code extension: starts the language server, the status bar item and
// registers the commands (Run Lua Script, Debug Lua Script, Restart Server, Show Module Manifest) and
// the `luamod` debugger (client/src/debug.ts).
import * as vscode from 'vscode';
import { LuamodServer } from './server-client';
import { createStatusBar } from './status-bar';
import { runScript } from './run-script';
import { createModuleManifestCommand } from './module-manifest';
import { registerDebugging } from './debug';
import { registerTestExplorer } from './test-explorer';

/** Called by VS Code on the first Lua file or in a workspace with a `.luamodrc.json`. */
export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('luamod');
  const status = createStatusBar();
  const server = new LuamodServer(context, status);
  context.subscriptions.push(output, status, server);

  context.subscriptions.push(
    vscode.commands.registerCommand('luamod.runScript', (uri?: vscode.Uri) => runScript(server, output, uri)),
    vscode.commands.registerCommand('luamod.restartServer', () => server.restart()),
    vscode.commands.registerCommand('luamod.showModuleManifest', createModuleManifestCommand(context, server)),
  );
  registerDebugging(context);
  registerTestExplorer(context);
  await server.start();
}

/** Stops the language server; VS Code waits for the returned promise. */
export function deactivate(): void {
  // The server is disposed through context.subscriptions.
}
