// The status bar item that shows the language server's state: starting, indexing N files, ready,
// or crashed (restarting by itself, or click to restart).
import * as vscode from 'vscode';
import type { StatusParams } from '../../src/protocol/luamod-protocol';

/** Every state the item can show: the server's own states plus the client-side `crashed`. */
export type DisplayState = StatusParams | { readonly state: 'crashed'; readonly message?: string };

export interface StatusBar extends vscode.Disposable {
  show(state: DisplayState): void;
  /** The last state shown. */
  readonly current: DisplayState;
}

/** Creates the item, initially "starting". */
export function createStatusBar(): StatusBar {
  const item = vscode.window.createStatusBarItem('luamod.status', vscode.StatusBarAlignment.Left, 10);
  item.name = 'luamod';
  let current: DisplayState = { state: 'starting' };
  const bar: StatusBar = {
    get current() {
      return current;
    },
    show(state: DisplayState) {
      current = state;
      render(item, state);
    },
    dispose: () => item.dispose(),
  };
  render(item, current);
  item.show();
  return bar;
}

function render(item: vscode.StatusBarItem, s: DisplayState): void {
  item.backgroundColor = undefined;
  item.command = undefined;
  switch (s.state) {
    case 'starting':
      item.text = '$(sync~spin) luamod: starting';
      item.tooltip = 'The luamod language server is starting';
      break;
    case 'indexing': {
      const n = s.files ?? 0;
      const of = s.total !== undefined ? `/${s.total}` : '';
      item.text = `$(sync~spin) luamod: indexing ${n}${of} files`;
      item.tooltip = s.message ?? 'Indexing the workspace';
      break;
    }
    case 'ready':
      item.text = '$(check) luamod: ready';
      item.tooltip = [s.message, s.files !== undefined ? `${s.files} files indexed` : undefined, 'Click to show the luamod commands']
        .filter(Boolean)
        .join('\n');
      item.command = { title: 'luamod commands', command: 'workbench.action.quickOpen', arguments: ['>luamod: '] };
      break;
    case 'crashed':
      item.text = '$(error) luamod: crashed';
      item.tooltip = `${s.message ?? 'The language server stopped.'}\nClick to restart it.`;
      item.backgroundColor = new vscode.ThemeColor('statusBarItem.errorBackground');
      item.command = 'luamod.restartServer';
      break;
  }
}
