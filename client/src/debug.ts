// Debugging in VS Code: `luamod` debug sessions run the bundled adapter (dist/dap.js, the same as
// `luamod dap`) with VS Code's own Node; *Debug Lua Script* and the editor-title button debug the
// current file without a launch.json; a launch.json entry without `program` gets the current file.
import * as vscode from 'vscode';

/** Registers the adapter factory, the configuration provider and the Debug Lua Script command. */
export function registerDebugging(context: vscode.ExtensionContext): void {
  const adapter = context.asAbsolutePath('dist/dap.js');
  context.subscriptions.push(
    vscode.debug.registerDebugAdapterDescriptorFactory('luamod', {
      createDebugAdapterDescriptor: () =>
        new vscode.DebugAdapterExecutable(process.execPath, [adapter], { env: { ELECTRON_RUN_AS_NODE: '1' } }),
    }),
    vscode.debug.registerDebugConfigurationProvider('luamod', {
      resolveDebugConfiguration(_folder, config) {
        const editor = vscode.window.activeTextEditor;
        if (!config.type && !config.request && !config.name) {
          // F5 with no launch.json: debug the current Lua file.
          if (editor?.document.languageId !== 'lua') return config;
          return scriptConfiguration(editor.document.uri);
        }
        if (!config.program && editor?.document.languageId === 'lua') config.program = editor.document.uri.fsPath;
        if (!config.program) {
          void vscode.window.showErrorMessage('luamod: set "program" in the launch configuration (the Lua file to debug).');
          return undefined;
        }
        return config;
      },
    }),
    vscode.commands.registerCommand('luamod.debugScript', async (uri?: vscode.Uri) => {
      const target = uri ?? vscode.window.activeTextEditor?.document.uri;
      if (!target) {
        void vscode.window.showErrorMessage('luamod: open a Lua file to debug.');
        return;
      }
      const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === target.toString());
      if (doc?.isDirty) await doc.save();
      await vscode.debug.startDebugging(vscode.workspace.getWorkspaceFolder(target), scriptConfiguration(target));
    }),
  );
}

function scriptConfiguration(uri: vscode.Uri): vscode.DebugConfiguration {
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  return {
    type: 'luamod',
    request: 'launch',
    name: 'Debug Lua Script',
    program: uri.fsPath,
    ...(folder ? { cwd: folder.uri.fsPath } : {}),
  };
}
