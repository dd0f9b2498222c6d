// The language server over the real protocol (node dist/server.js --stdio): request latency on a
// 5,000-line document (completion, hover, diagnostics after an edit; p50/p95 printed and written to
// bench/results/lsp-latency.json) and a 1,000-file workspace indexed (time to `ready`, to every
// file's diagnostics through workspace/diagnostic, peak RSS).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import { findPackageRoot } from '../../src/module/package-root';
import { defineSuite } from '../harness';

interface Server { conn: MessageConnection; proc: ChildProcess; published: Map<string, number>; waiters: Array<() => void>; ready: Promise<number>; pending: number }

/**
 * Keeps the bench process alive only while `p` is pending: the harness has no teardown hook, so
 * between requests the server's pipes are unreferenced and the bench exits when it is done (the
 * server then sees stdin close and exits too).
 */
function hold<T>(s: Server, p: Promise<T>): Promise<T> {
  const handles = [s.proc, s.proc.stdout, s.proc.stdin] as unknown as Array<{ ref?: () => void; unref?: () => void }>;
  if (s.pending++ === 0) for (const h of handles) h.ref?.();
  const done = () => {
    if (--s.pending === 0) for (const h of handles) h.unref?.();
  };
  p.then(done, done);
  return p;
}

/** A request that keeps the process alive until answered. */
function request<R = unknown>(s: Server, method: string, params: unknown): Promise<R> {
  return hold(s, s.conn.sendRequest<R>(method, params));
}

const root = findPackageRoot() ?? process.cwd();

/** Starts dist/server.js and initializes it (debounce 0: the figures are the server's own work). */
async function start(rootPath?: string): Promise<Server> {
  const proc = spawn(process.execPath, [join(root, 'dist', 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'ignore'] });
  const conn = createMessageConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
  const published = new Map<string, number>();
  const waiters: Array<() => void> = [];
  let markReady: (files: number) => void = () => {};
  const ready = new Promise<number>((r) => (markReady = r));
  conn.onNotification('textDocument/publishDiagnostics', (p: { uri: string; version?: number }) => {
    published.set(p.uri, p.version ?? -1);
    for (const w of waiters.splice(0)) w();
  });
  conn.onNotification('luamod/status', (p: { state: string; files?: number }) => {
    if (p.state === 'ready') markReady(p.files ?? 0);
  });
  conn.onRequest('window/workDoneProgress/create', () => null);
  conn.onRequest('client/registerCapability', () => null);
  conn.listen();
  const rootUri = rootPath ? pathToFileURL(rootPath).href : null;
  await conn.sendRequest('initialize', {
    processId: process.pid, rootUri, workspaceFolders: rootUri ? [{ uri: rootUri, name: 'bench' }] : null,
    capabilities: { window: { workDoneProgress: true } },
    initializationOptions: { settings: { diagnostics: { debounceMs: 0 } } },
  });
  conn.sendNotification('initialized', {});
  const server: Server = { conn, proc, published, waiters, ready, pending: 0 };
  hold(server, ready); // keep the process alive until indexing is done
  return server;
}

function waitPublished(s: Server, uri: string, version: number): Promise<void> {
  return hold(s, new Promise<void>((resolve) => {
    const check = () => (s.published.get(uri) === version ? resolve() : s.waiters.push(check));
    check();
  }));
}

async function stop(s: Server): Promise<void> {
  await request(s, 'shutdown', undefined).catch(() => undefined);
  void s.conn.sendNotification('exit');
  await hold(s, new Promise((r) => { s.proc.once('exit', r); setTimeout(r, 2000); }));
  s.conn.dispose();
}

/** A realistic module-using script of `lines` lines (functions, tables, loops, module calls). */
export function bigDocument(lines: number): string {
  // Line 3 is what the benchmark edits (in place: the other lines never move).
  const out = ['local time = require("time")', 'local json = require("json")', 'local M = {}', 'local edit_marker = 0', 'print(edit_marker)', ''];
  for (let i = 0; out.length + 16 <= lines - 1; i++) {
    out.push(
      `---@param items table`,
      `function M.process_${i}(items, limit)`,
      `  local started = time.now()`,
      `  local result = { count = 0, names = {}, label = "batch ${i}" }`,
      `  for index, item in ipairs(items) do`,
      `    if index > (limit or 10) then break end`,
      `    result.count = result.count + 1`,
      `    result.names[#result.names + 1] = tostring(item)`,
      `  end`,
      `  local encoded, err = json.encode(result)`,
      `  if err then return nil, err end`,
      `  local elapsed = time.since(started)`,
      `  print(string.format("%d items in %s", result.count, tostring(elapsed)), encoded)`,
      `  return result`,
      `end`,
      ``,
    );
  }
  while (out.length < lines - 1) out.push('-- end of generated functions');
  out.push('return M');
  return out.join('\n') + '\n';
}

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
}

async function timeEach(n: number, fn: (i: number) => Promise<unknown>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await fn(i);
    out.push(performance.now() - t);
  }
  return out;
}

/** Peak resident set size of a process (VmHWM), in MB; undefined off Linux. */
function peakRssMb(pid: number | undefined): number | undefined {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Math.round(Number(m[1]) / 1024) : undefined;
  } catch {
    return undefined;
  }
}

/** Builds a workspace of `n` Lua files (~60 lines each) and measures indexing. */
async function indexWorkspace(n: number): Promise<{ files: number; ms: number; peakRssMb?: number; lines: number; diagnosticsMs: number; diagnosedFiles: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'luamod-bench-ws-'));
  let lines = 0;
  try {
    for (let i = 0; i < n; i++) {
      const sub = join(dir, `pkg${i % 20}`);
      mkdirSync(sub, { recursive: true });
      const text = bigDocument(60);
      lines += 60;
      writeFileSync(join(sub, `file${i}.lua`), text);
    }
    const t = performance.now();
    const s = await start(dir);
    const files = await s.ready;
    const ms = performance.now() - t;
    // Workspace diagnostics: the first workspace/diagnostic answers once every file is checked.
    const report = await request<{ items: unknown[] }>(s, 'workspace/diagnostic', { previousResultIds: [] });
    const diagnosticsMs = performance.now() - t;
    const rss = peakRssMb(s.proc.pid);
    await stop(s);
    return { files, ms, lines, diagnosticsMs: Math.round(diagnosticsMs), diagnosedFiles: report.items.length, ...(rss !== undefined ? { peakRssMb: rss } : {}) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export default defineSuite({
  name: 'lsp',
  description: 'language server over stdio: 5,000-line document latency, 1,000-file workspace index',
  async run(b) {
    const text = bigDocument(5000);
    const lines = text.split('\n');
    const s = await start();
    const uri = 'file:///bench/big.lua';
    s.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'lua', version: 1, text } });
    await waitPublished(s, uri, 1);
    const doc = { textDocument: { uri } };
    // Cursor sites: after `time.` in `time.now()` lines (member completion / hover on `now`).
    const nowLines = lines.flatMap((l, i) => (l.includes('time.now()') ? [i] : []));
    const at = (i: number) => {
      const line = nowLines[i % nowLines.length]!;
      return { line, character: lines[line]!.indexOf('time.now') + 5 };
    };
    let version = 1;
    let marker = lines[3]!;
    /** One keystroke-sized edit (line 3 rewritten in place), then wait for its diagnostics. */
    const edit = async () => {
      version++;
      const next = `local edit_marker = ${version}`;
      s.conn.sendNotification('textDocument/didChange', {
        textDocument: { uri, version },
        contentChanges: [{ range: { start: { line: 3, character: 0 }, end: { line: 3, character: marker.length } }, text: next }],
      });
      marker = next;
      await waitPublished(s, uri, version);
    };

    // Per-request latencies for percentiles (untimed by the harness; printed and saved). The first
    // edit is reported on its own (cold JIT); then a warm-up, then the steady state is measured.
    const firstEdit = (await timeEach(1, () => edit()))[0]!;
    await timeEach(20, () => edit());
    await timeEach(50, (i) => request(s, 'textDocument/completion', { ...doc, position: at(i) }));
    await timeEach(50, (i) => request(s, 'textDocument/hover', { ...doc, position: at(i) }));
    const completion = await timeEach(200, (i) => request(s, 'textDocument/completion', { ...doc, position: at(i) }));
    const scope = await timeEach(100, (i) => request(s, 'textDocument/completion', { ...doc, position: { line: at(i).line, character: 2 } }));
    const hover = await timeEach(200, (i) => request(s, 'textDocument/hover', { ...doc, position: at(i) }));
    const diagnostics = await timeEach(50, () => edit());
    const afterEdit = await timeEach(30, async (i) => {
      await edit();
      return request(s, 'textDocument/completion', { ...doc, position: at(i) });
    });
    const ws = await indexWorkspace(1000);
    const summary = {
      document: { lines: lines.length, bytes: text.length },
      completionMemberMs: stats(completion),
      completionScopeMs: stats(scope),
      hoverMs: stats(hover),
      firstEditDiagnosticsMs: Math.round(firstEdit),
      diagnosticsAfterEditMs: stats(diagnostics),
      editThenCompletionMs: stats(afterEdit),
      workspaceIndex: ws,
      serverPeakRssMb: peakRssMb(s.proc.pid),
    };
    process.stdout.write(`lsp latency (ms): ${JSON.stringify(summary, null, 2)}\n`);
    mkdirSync(join(root, 'bench', 'results'), { recursive: true });
    writeFileSync(join(root, 'bench', 'results', 'lsp-latency.json'), JSON.stringify({ date: new Date().toISOString(), ...summary }, null, 2) + '\n');

    b.reference('round trip (hover on an unknown document)', () => request(s, 'textDocument/hover', { textDocument: { uri: 'file:///none.lua' }, position: { line: 0, character: 0 } }));
    let i = 0;
    b.bench('completion after `time.` (5,000 lines)', () => request(s, 'textDocument/completion', { ...doc, position: at(i++) }));
    b.bench('hover on a module function (5,000 lines)', () => request(s, 'textDocument/hover', { ...doc, position: at(i++) }));
    b.bench('semantic tokens, full document', () => request(s, 'textDocument/semanticTokens/full', doc));
    b.bench('document symbols', () => request(s, 'textDocument/documentSymbol', doc));
    b.bench('edit -> diagnostics published', edit);
  },
});

function stats(xs: number[]): { p50: number; p95: number; max: number; n: number } {
  const r = (v: number) => Math.round(v * 100) / 100;
  return { p50: r(percentile(xs, 50)), p95: r(percentile(xs, 95)), max: r(Math.max(...xs)), n: xs.length };
}
