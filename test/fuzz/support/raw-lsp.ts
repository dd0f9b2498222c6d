// A raw byte-level client for the real server (`node dist/server.js --stdio`): writes arbitrary
// bytes to its stdin and parses its framed answers, so tests can send malformed JSON-RPC.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';

export interface RawServer {
  readonly proc: ChildProcessWithoutNullStreams;
  /** Messages received so far (parsed JSON). */
  readonly received: unknown[];
  readonly stderr: string[];
  write(bytes: string | Uint8Array): void;
  /** Frames `body` (a string or a value to JSON-encode) with a correct Content-Length. */
  send(body: unknown): void;
  /** Waits until a response with `id` arrives (true) or `ms` pass (false). */
  answered(id: number | string, ms: number): Promise<boolean>;
  stop(): Promise<void>;
}

export const SERVER_JS = join(__dirname, '../../../dist/server.js');

/** Frames a body for the wire. */
export function frame(body: unknown): Buffer {
  const bytes = Buffer.from(typeof body === 'string' ? body : JSON.stringify(body), 'utf8');
  return Buffer.concat([Buffer.from(`Content-Length: ${bytes.length}\r\n\r\n`, 'ascii'), bytes]);
}

/** Starts the server and completes `initialize`/`initialized`. */
export async function startRawServer(): Promise<RawServer> {
  const proc = spawn(process.execPath, [SERVER_JS, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  const received: unknown[] = [];
  const stderr: string[] = [];
  const waiters: Array<() => void> = [];
  let buf = Buffer.alloc(0);
  proc.stdout.on('data', (d: Buffer) => {
    buf = Buffer.concat([buf, d]);
    for (;;) {
      const end = buf.indexOf('\r\n\r\n');
      if (end < 0) break;
      const m = /Content-Length: (\d+)/i.exec(buf.subarray(0, end).toString('ascii'));
      const len = m ? Number(m[1]) : 0;
      if (buf.length < end + 4 + len) break;
      received.push(JSON.parse(buf.subarray(end + 4, end + 4 + len).toString('utf8')));
      buf = buf.subarray(end + 4 + len);
    }
    for (const w of waiters.splice(0)) w();
  });
  proc.stderr.on('data', (d) => stderr.push(String(d)));
  const server: RawServer = {
    proc, received, stderr,
    write: (bytes) => { proc.stdin.write(bytes); },
    send: (body) => { proc.stdin.write(frame(body)); },
    answered(id, ms) {
      const has = () => received.some((r) => (r as { id?: unknown }).id === id && ('result' in (r as object) || 'error' in (r as object)));
      return new Promise((resolve) => {
        if (has()) return resolve(true);
        const timer = setTimeout(() => resolve(false), ms);
        const check = () => {
          if (has()) { clearTimeout(timer); resolve(true); } else waiters.push(check);
        };
        waiters.push(check);
      });
    },
    async stop() {
      if (proc.exitCode !== null) return;
      const exited = new Promise<void>((r) => proc.on('exit', () => r()));
      proc.kill();
      await exited;
    },
  };
  server.send({ jsonrpc: '2.0', id: 'init', method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } });
  if (!(await server.answered('init', 20_000))) throw new Error(`server did not initialize: ${stderr.join('')}`);
  server.send({ jsonrpc: '2.0', method: 'initialized', params: {} });
  return server;
}
