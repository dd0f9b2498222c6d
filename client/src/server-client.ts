// Owns the LanguageClient that talks to the bundled luamod server (dist/server.js over Node IPC):
// start, restart after a crash, forward settings, and feed the status bar.
import * as vscode from 'vscode';
import {
  CloseAction,
  ErrorAction,
  LanguageClient,
  State,
  type CloseHandlerResult,
  TransportKind,
  type LanguageClientOptions,
  type RequestType,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { StatusNotification, type LuamodInitializationOptions } from '../../src/protocol/luamod-protocol';
import { readSettings } from './settings';
import type { StatusBar } from './status-bar';

/** After this many crashes within CRASH_WINDOW_MS the server stays down until the user restarts it. */
const MAX_CRASHES = 5;
const CRASH_WINDOW_MS = 3 * 60_000;
/** Pause before restarting a crashed server (the status bar shows "crashed" meanwhile). */
const RESTART_DELAY_MS = 1500;

/** The language server as the rest of the extension sees it. */
export class LuamodServer implements vscode.Disposable {
  private client: LanguageClient | undefined;
  private stopping = false;
  private disposed = false;
  private crashes: number[] = [];
  private readonly output: vscode.LogOutputChannel;
  private readonly trace: vscode.LogOutputChannel;

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly status: StatusBar,
  ) {
    this.output = vscode.window.createOutputChannel('luamod Language Server', { log: true });
    this.trace = vscode.window.createOutputChannel('luamod Language Server Trace', { log: true });
  }

  /** Starts a fresh client and server; resolves once the server answered `initialize`. */
  async start(): Promise<void> {
    const client = this.createClient();
    this.client = client;
    this.stopping = false;
    this.status.show({ state: 'starting' });
    client.onNotification(StatusNotification, (params) => this.status.show(params));
    client.onDidChangeState((e) => {
      if (e.newState === State.Stopped && !this.stopping && this.client === client && this.status.current.state !== 'crashed') {
        this.status.show({ state: 'crashed', message: 'The luamod language server stopped unexpectedly.' });
      } else if (e.newState === State.Starting) {
        this.status.show({ state: 'starting' });
      } else if (e.newState === State.Running && this.status.current.state === 'starting') {
        // A server that never sends luamod/status is ready once initialized.
        this.status.show({ state: 'ready' });
      }
    });
    try {
      await client.start();
      if (this.status.current.state === 'starting') this.status.show({ state: 'ready' });
    } catch (err) {
      this.status.show({ state: 'crashed', message: `The luamod language server failed to start: ${message(err)}` });
      this.output.appendLine(`[client] start failed: ${message(err)}`);
    }
  }

  /** Stops the current server (if any) and starts a new one (the user asked: crash count reset). */
  async restart(): Promise<void> {
    this.crashes = [];
    await this.relaunch();
  }

  private async relaunch(): Promise<void> {
    await this.stop();
    this.output.appendLine(`[client] restarting the server (${new Date().toLocaleTimeString()})`);
    await this.start();
  }

  /** Sends a request; throws when the server is not running. */
  async request<P, R>(type: RequestType<P, R, void>, params: P): Promise<R> {
    const client = this.client;
    if (!client || client.state !== State.Running) {
      throw new Error('The luamod language server is not running (use "luamod: Restart Server").');
    }
    return client.sendRequest<R>(type.method, params);
  }

  dispose(): void {
    this.disposed = true;
    void this.stop();
    this.output.dispose();
    this.trace.dispose();
  }

  private async stop(): Promise<void> {
    const client = this.client;
    if (!client) return;
    this.stopping = true;
    try {
      if (client.state !== State.Stopped) await client.stop(2000);
    } catch (err) {
      this.output.appendLine(`[client] stop: ${message(err)}`);
    }
    await client.dispose().catch(() => undefined);
    if (this.client === client) this.client = undefined;
  }

  /**
   * The server process went away unexpectedly: show "crashed", restart after a pause unless it
   * crashed MAX_CRASHES times within CRASH_WINDOW_MS (then a click on the status bar restarts it).
   */
  private onServerClosed(): CloseHandlerResult {
    const now = Date.now();
    this.crashes = [...this.crashes.filter((t) => now - t < CRASH_WINDOW_MS), now];
    if (this.crashes.length >= MAX_CRASHES) {
      const message = `The luamod language server crashed ${this.crashes.length} times in 3 minutes and will not be restarted.`;
      this.status.show({ state: 'crashed', message });
      void vscode.window.showErrorMessage(`luamod: ${message}`, 'Restart', 'Show Log').then((choice) => {
        if (choice === 'Restart') void this.restart();
        else if (choice === 'Show Log') this.output.show();
      });
      return { action: CloseAction.DoNotRestart, message, handled: true };
    }
    this.status.show({ state: 'crashed', message: 'The luamod language server stopped unexpectedly; restarting.' });
    this.output.appendLine(`[client] the server stopped unexpectedly; restarting in ${RESTART_DELAY_MS} ms`);
    setTimeout(() => {
      if (!this.disposed && this.status.current.state === 'crashed') void this.relaunch();
    }, RESTART_DELAY_MS);
    return { action: CloseAction.DoNotRestart, handled: true };
  }

  private createClient(): LanguageClient {
    const module = this.context.asAbsolutePath('dist/server.js');
    const serverOptions: ServerOptions = {
      run: { module, transport: TransportKind.ipc },
      debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
    };
    const initializationOptions: LuamodInitializationOptions = { settings: readSettings() };
    const clientOptions: LanguageClientOptions = {
      documentSelector: [
        { scheme: 'file', language: 'lua' },
        { scheme: 'untitled', language: 'lua' },
      ],
      synchronize: {
        configurationSection: 'luamod',
        fileEvents: vscode.workspace.createFileSystemWatcher('**/{.luamodrc.json,*.lua,manifests/*.json}'),
      },
      initializationOptions,
      outputChannel: this.output,
      traceOutputChannel: this.trace,
      errorHandler: {
        error: (_error, _message, count) => ({ action: (count ?? 0) <= 3 ? ErrorAction.Continue : ErrorAction.Shutdown }),
        closed: () => this.onServerClosed(),
      },
    };
    return new LanguageClient('luamod', 'luamod Language Server', serverOptions, clientOptions);
  }
}

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
