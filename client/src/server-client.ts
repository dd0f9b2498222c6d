// Owns the LanguageClient that talks to the bundled luamod server (dist/server.js over Node IPC):
// start, restart after a crash, forward settings, and feed the status bar.
import * as vscode from 'vscode';
import {
  LanguageClient,
  State,
  TransportKind,
  type LanguageClientOptions,
  type RequestType,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { StatusNotification, type LuamodInitializationOptions } from '../../src/protocol/luamod-protocol';
import { readSettings } from './settings';
import type { StatusBar } from './status-bar';

/** The language server as the rest of the extension sees it. */
export class LuamodServer implements vscode.Disposable {
  private client: LanguageClient | undefined;
  private stopping = false;
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
      if (e.newState === State.Stopped && !this.stopping && this.client === client) {
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

  /** Stops the current server (if any) and starts a new one. */
  async restart(): Promise<void> {
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
    this.status.show({ state: 'stopped' });
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
    };
    return new LanguageClient('luamod', 'luamod Language Server', serverOptions, clientOptions);
  }
}

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
