// Test helper: starts the REAL bundled server (`node dist/server.js --stdio`) and talks to it with
// vscode-jsonrpc. Collects notifications (diagnostics, status, log) for the tests to wait on.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';

export const serverPath = resolve(__dirname, '../../dist/server.js');

export interface Published { uri: string; version?: number; diagnostics: Array<{ code?: string | number; message: string; range: unknown; severity?: number; tags?: number[]; codeDescription?: { href: string } }> }

export interface TestServer {
  /** The initialize result. */
  readonly init: { capabilities: Record<string, unknown>; serverInfo: { name: string; version?: string } };
  readonly conn: MessageConnection;
  readonly proc: ChildProcess;
  readonly logs: string[];
  readonly status: Array<{ state: string; files?: number }>;
  readonly progress: unknown[];
  /** Every publishDiagnostics received, in order. */
  readonly published: Published[];
  request<R = any>(method: string, params: unknown): Promise<R>;
  notify(method: string, params: unknown): void;
  open(uri: string, text: string, version?: number): void;
  /** Waits for the next publishDiagnostics of `uri` (optionally for a given version). */
  diagnostics(uri: string, version?: number, timeoutMs?: number): Promise<Published>;
  /** Sends shutdown + exit and waits for the process to end; resolves with its exit code. */
  stop(): Promise<number | null>;
}

export interface StartOptions {
  rootPath?: string;
  initializationOptions?: unknown;
  /** Extra client capabilities (merged at the top level). */
  capabilities?: Record<string, unknown>;
  /** Answers workspace/configuration requests. */
  configuration?: unknown;
  /** Script and arguments to run instead of `dist/server.js --stdio` (relative to the repo). */
  command?: string[];
}

/** Starts and initializes the server. */
export async function startServer(opts: StartOptions = {}): Promise<TestServer> {
  if (!existsSync(serverPath)) throw new Error(`${serverPath} missing: run npm run build first`);
  const args = opts.command ? [resolve(__dirname, '../..', opts.command[0]!), ...opts.command.slice(1)] : [serverPath, '--stdio'];
  const proc = spawn(process.execPath, args, { stdio: ['pipe', 'pipe', 'pipe'] });
  const conn = createMessageConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
  const logs: string[] = [];
  const status: Array<{ state: string; files?: number }> = [];
  const progress: unknown[] = [];
  const published: Published[] = [];
  const waiters: Array<() => void> = [];
  proc.stderr!.on('data', (d) => logs.push(String(d)));
  conn.onNotification('window/logMessage', (p: { message: string }) => {
    logs.push(p.message);
  });
  conn.onNotification('luamod/status', (p: { state: string; files?: number }) => {
    status.push(p);
  });
  conn.onNotification('$/progress', (p: unknown) => {
    progress.push(p);
  });
  conn.onNotification('textDocument/publishDiagnostics', (p: Published) => {
    published.push(p);
    for (const w of waiters.splice(0)) w();
  });
  conn.onRequest('window/workDoneProgress/create', () => null);
  conn.onRequest('client/registerCapability', () => null);
  conn.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => opts.configuration ?? null));
  conn.listen();
  const rootUri = opts.rootPath ? pathToFileURL(opts.rootPath).href : null;
  const init = await conn.sendRequest<TestServer['init']>('initialize', {
    processId: process.pid,
    rootUri,
    workspaceFolders: rootUri ? [{ uri: rootUri, name: 'root' }] : null,
    initializationOptions: opts.initializationOptions,
    capabilities: {
      window: { workDoneProgress: true },
      workspace: { configuration: opts.configuration !== undefined, workspaceFolders: true },
      textDocument: { synchronization: { dynamicRegistration: false } },
      ...opts.capabilities,
    },
  });
  conn.sendNotification('initialized', {});
  const exited: Promise<number | null> = new Promise((r) => proc.on('exit', (code) => r(code)));

  return {
    init, conn, proc, logs, status, progress, published,
    request: (method, params) => conn.sendRequest(method, params),
    notify: (method, params) => void conn.sendNotification(method, params),
    open(uri, text, version = 1) {
      void conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'lua', version, text } });
    },
    diagnostics(uri, version, timeoutMs = 10_000) {
      const start = published.length;
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} v${version}; logs:\n${logs.join('\n')}`)), timeoutMs);
        const check = () => {
          const hit = published.slice(start).find((p) => p.uri === uri && (version === undefined || p.version === version));
          if (hit) {
            clearTimeout(timer);
            resolve(hit);
          } else waiters.push(check);
        };
        check();
      });
    },
    async stop() {
      if (proc.exitCode !== null) return proc.exitCode;
      try {
        await conn.sendRequest('shutdown');
        void conn.sendNotification('exit');
      } catch {
        proc.kill();
      }
      const timer = setTimeout(() => proc.kill(), 5000);
      const code = await exited;
      clearTimeout(timer);
      conn.dispose();
      return code;
    },
  };
}
