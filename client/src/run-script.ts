// "luamod: Run Lua Script": runs the active Lua file (or its selection) through the server's
// `luamod/runScript` and prints the output, the result and any error to the `luamod` channel.
import * as vscode from 'vscode';
import { RunScriptRequest, type RunScriptParams, type RunScriptResult } from '../../src/protocol/luamod-protocol';
import type { LuamodServer } from './server-client';
import { readSettings } from './settings';

/** What to run: the whole document, or a selection starting at `lineOffset`. */
interface RunTarget {
  readonly document: vscode.TextDocument;
  readonly text: string;
  readonly lineOffset: number;
  readonly selection: boolean;
}

/** Runs `uri` (from the editor title button) or the active editor's selection or document. */
export async function runScript(server: LuamodServer, output: vscode.OutputChannel, uri?: vscode.Uri): Promise<void> {
  const target = await pickTarget(uri);
  if (!target) {
    void vscode.window.showWarningMessage('luamod: open a Lua file to run it.');
    return;
  }
  const { document } = target;
  const name = vscode.workspace.asRelativePath(document.uri, false);
  const lines = target.selection
    ? ` (lines ${target.lineOffset + 1}-${target.lineOffset + target.text.split('\n').length})`
    : '';
  output.show(true);
  output.appendLine(`[${new Date().toLocaleTimeString()}] Running ${name}${lines}`);
  const params: RunScriptParams = {
    uri: document.uri.toString(),
    text: target.text,
    lineOffset: target.lineOffset,
    timeoutMs: readSettings(document).run.timeoutMs,
  };
  let result: RunScriptResult;
  try {
    result = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Window, title: `luamod: running ${name}` },
      () => server.request(RunScriptRequest, params),
    );
  } catch (err) {
    const msg = err instanceof Error ? err.message : String(err);
    output.appendLine(`Could not run ${name}: ${msg}`);
    void vscode.window.showErrorMessage(`luamod: could not run ${name}: ${msg}`);
    return;
  }
  printResult(output, document, result);
  if (result.error) void notifyError(document, result, output);
}

/** Writes the run's output, returned values, error location and duration to the channel. */
export function printResult(output: vscode.OutputChannel, document: vscode.TextDocument, r: RunScriptResult): void {
  if (r.output) output.append(r.output.endsWith('\n') ? r.output : r.output + '\n');
  if (r.result !== undefined && r.result !== '' && !r.error) output.appendLine(`=> ${r.result}`);
  if (r.error) {
    output.appendLine(`${errorLocation(document, r.error.line)}: ${r.error.kind} error: ${r.error.message}`);
    if (r.error.traceback) output.appendLine(r.error.traceback);
    output.appendLine(`Failed after ${formatMs(r.durationMs)}`);
  } else {
    output.appendLine(`Finished in ${formatMs(r.durationMs)}`);
  }
  output.appendLine('');
}

async function pickTarget(uri: vscode.Uri | undefined): Promise<RunTarget | undefined> {
  const editor = vscode.window.activeTextEditor;
  if (uri && (!editor || editor.document.uri.toString() !== uri.toString())) {
    const document = await vscode.workspace.openTextDocument(uri);
    return { document, text: document.getText(), lineOffset: 0, selection: false };
  }
  if (!editor || editor.document.languageId !== 'lua') return undefined;
  const { document, selection } = editor;
  if (!selection.isEmpty) {
    return { document, text: document.getText(selection), lineOffset: selection.start.line, selection: true };
  }
  return { document, text: document.getText(), lineOffset: 0, selection: false };
}

/** `/abs/path/file.lua:12` — the Output panel turns workspace paths with a line into links. */
function errorLocation(document: vscode.TextDocument, line: number | undefined): string {
  const where = document.uri.scheme === 'file' ? document.uri.fsPath : document.uri.toString();
  return line !== undefined ? `${where}:${line}` : where;
}

async function notifyError(document: vscode.TextDocument, r: RunScriptResult, output: vscode.OutputChannel): Promise<void> {
  const error = r.error!;
  const at = error.line !== undefined ? ` at line ${error.line}` : '';
  const goTo = 'Go to Error';
  const choice = await vscode.window.showErrorMessage(
    `luamod: ${error.kind} error${at}: ${error.message}`,
    ...(error.line !== undefined ? [goTo] : []),
    'Show Output',
  );
  if (choice === goTo && error.line !== undefined) {
    const pos = new vscode.Position(Math.max(0, error.line - 1), 0);
    await vscode.window.showTextDocument(document, { selection: new vscode.Range(pos, pos) });
  } else if (choice === 'Show Output') {
    output.show();
  }
}

function formatMs(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(2)} s`;
}
