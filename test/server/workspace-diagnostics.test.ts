// Workspace diagnostics over the real protocol, on real files in a temp folder: closed files are
// checked after indexing and served by workspace/diagnostic (pull, with resultIds) or pushed with
// publishDiagnostics (clients that do not pull); .luamodrc.json excludes and severities apply,
// files over the index's size limit are skipped, watched changes update or clear them, the open
// buffer wins over the file on disk, and `diagnostics.workspace: false` turns it all off.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type Published, type TestServer } from './lsp-client';

const BAD = 'local time = require("time")\nprint(time.noww())\n';
const CLEAN = 'local time = require("time")\nprint(time.now())\n';

interface Report { kind: 'full' | 'unchanged'; uri: string; version: number | null; resultId?: string; items?: Array<{ code: string; severity: number }> }

/** A fresh workspace: bad.lua (an undefined-field), clean.lua, excluded vendor/bad.lua, a too-large file. */
function makeWorkspace(rc: object = { exclude: ['vendor/**'], diagnostics: { 'undefined-field': 'warning' } }): string {
  const dir = mkdtempSync(join(tmpdir(), 'luamod-wsdiag-'));
  writeFileSync(join(dir, '.luamodrc.json'), JSON.stringify(rc));
  mkdirSync(join(dir, 'vendor'));
  mkdirSync(join(dir, 'lib'));
  writeFileSync(join(dir, 'bad.lua'), BAD);
  writeFileSync(join(dir, 'clean.lua'), CLEAN);
  writeFileSync(join(dir, 'lib', 'other.lua'), BAD);
  writeFileSync(join(dir, 'vendor', 'bad.lua'), BAD);
  // Over the index's 2 MB limit: listed by the index, never checked.
  writeFileSync(join(dir, 'big.lua'), 'print(undefinedGlobalInBigFile)\n' + '-- padding line of the big file\n'.repeat(70_000));
  return dir;
}

const uriOf = (dir: string, rel: string) => pathToFileURL(join(dir, rel)).href;
const name = (dir: string, uri: string) => uri.slice(pathToFileURL(dir).href.length + 1);

async function ready(server: TestServer): Promise<void> {
  await until(() => server.status.some((x) => x.state === 'ready'));
}

async function until(cond: () => boolean): Promise<void> {
  for (let i = 0; i < 400 && !cond(); i++) await new Promise((r) => setTimeout(r, 25));
}

const PULL = { textDocument: { diagnostic: { dynamicRegistration: false } } };

async function pull(s: TestServer, previous: Report[] = []): Promise<Report[]> {
  const r = await s.request<{ items: Report[] }>('workspace/diagnostic', {
    previousResultIds: previous.filter((p) => p.resultId).map((p) => ({ uri: p.uri, value: p.resultId })),
  });
  return r.items;
}

/** name → codes of the full reports (unchanged reports as 'unchanged'). */
function summary(dir: string, items: Report[]): Record<string, string[] | 'unchanged'> {
  const out: Record<string, string[] | 'unchanged'> = {};
  for (const r of items) out[name(dir, r.uri)] = r.kind === 'unchanged' ? 'unchanged' : r.items!.map((d) => d.code);
  return out;
}

describe('workspace/diagnostic (pull)', () => {
  let dir: string;
  let s: TestServer;
  beforeAll(async () => {
    dir = makeWorkspace();
    s = await startServer({ rootPath: dir, capabilities: PULL });
  });
  afterAll(async () => {
    await s?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('is advertised', () => {
    expect(s.init.capabilities.diagnosticProvider).toMatchObject({ workspaceDiagnostics: true });
  });

  it('reports closed files, with the config severities, skipping excluded and too large files', async () => {
    const items = await pull(s);
    expect(summary(dir, items)).toEqual({ 'bad.lua': ['undefined-field'], 'clean.lua': [], 'lib/other.lua': ['undefined-field'] });
    const bad = items.find((r) => name(dir, r.uri) === 'bad.lua')!;
    expect(bad).toMatchObject({ kind: 'full', version: null, resultId: expect.any(String) });
    expect(bad.items![0]!.severity).toBe(2); // "undefined-field": "warning" in .luamodrc.json (default: error)
  });

  it('answers unchanged for the files the client already has', async () => {
    const first = await pull(s);
    const second = await pull(s, first);
    expect(second.map((r) => r.kind)).toEqual(first.map(() => 'unchanged'));
    expect(second.map((r) => r.resultId)).toEqual(first.map((r) => r.resultId));
  });

  it('clears a file fixed on disk (didChangeWatchedFiles), and a deleted one', async () => {
    const before = await pull(s);
    writeFileSync(join(dir, 'bad.lua'), CLEAN);
    rmSync(join(dir, 'lib', 'other.lua'));
    s.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(dir, 'bad.lua'), type: 2 }, { uri: uriOf(dir, 'lib/other.lua'), type: 3 }] });
    const after = summary(dir, await pull(s, before));
    expect(after).toEqual({ 'bad.lua': [], 'clean.lua': 'unchanged', 'lib/other.lua': [] });
  });

  it('reports a created file, but not one created in an excluded folder', async () => {
    writeFileSync(join(dir, 'created.lua'), BAD);
    writeFileSync(join(dir, 'vendor', 'created.lua'), BAD);
    s.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(dir, 'created.lua'), type: 1 }, { uri: uriOf(dir, 'vendor/created.lua'), type: 1 }] });
    const now = summary(dir, await pull(s));
    expect(now['created.lua']).toEqual(['undefined-field']);
    expect(Object.keys(now)).not.toContain('vendor/created.lua');
  });

  it('reports an open document from its buffer (with its version), and the file again once closed', async () => {
    const uri = uriOf(dir, 'clean.lua'); // clean on disk
    s.open(uri, BAD, 7);
    const open = (await pull(s)).find((r) => r.uri === uri)!;
    expect(open).toMatchObject({ kind: 'full', version: 7 });
    expect(open.items!.map((d) => d.code)).toEqual(['undefined-field']);
    // The file changing on disk does not override the buffer.
    writeFileSync(join(dir, 'clean.lua'), CLEAN + '\n');
    s.notify('workspace/didChangeWatchedFiles', { changes: [{ uri, type: 2 }] });
    expect((await pull(s)).find((r) => r.uri === uri)!.items!.map((d) => d.code)).toEqual(['undefined-field']);
    s.notify('textDocument/didClose', { textDocument: { uri } });
    const closed = (await pull(s)).find((r) => r.uri === uri)!;
    expect(closed).toMatchObject({ kind: 'full', version: null, items: [] });
  });

  it('re-checks every file when .luamodrc.json changes', async () => {
    writeFileSync(join(dir, '.luamodrc.json'), JSON.stringify({ exclude: ['vendor/**'], diagnostics: { 'undefined-field': 'hint' } }));
    s.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(dir, '.luamodrc.json'), type: 2 }] });
    const created = (await pull(s)).find((r) => name(dir, r.uri) === 'created.lua')!;
    expect(created.items!.map((d) => d.severity)).toEqual([4]);
  });

  it('streams reports as $/progress while the pass runs, when given a partialResultToken', async () => {
    const token = 'partial-1';
    // A .luamodrc.json change lists and checks every file again: the request arrives while that runs.
    writeFileSync(join(dir, '.luamodrc.json'), JSON.stringify({ exclude: ['vendor/**'], diagnostics: { 'undefined-field': 'error' } }));
    s.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(dir, '.luamodrc.json'), type: 2 }] });
    const r = await s.request<{ items: Report[] }>('workspace/diagnostic', { previousResultIds: [], partialResultToken: token });
    await new Promise((res) => setTimeout(res, 50));
    const chunks = (s.progress as Array<{ token: string; value: { items: Report[] } }>).filter((p) => p.token === token).flatMap((p) => p.value.items);
    expect(r.items).toEqual([]); // everything came as partial results
    expect(summary(dir, chunks)['created.lua']).toEqual(['undefined-field']);
    expect(new Set(chunks.map((x) => x.uri)).size).toBe(chunks.length);
  });

  it('clears everything the client has when turned off with didChangeConfiguration', async () => {
    const before = await pull(s);
    s.notify('workspace/didChangeConfiguration', { settings: { luamod: { diagnostics: { workspace: false } } } });
    const after = await pull(s, before);
    expect(after.length).toBeGreaterThan(0);
    expect(after.every((r) => r.kind === 'full' && r.items!.length === 0)).toBe(true);
  });
});

describe('workspace diagnostics pushed (client without pull support)', () => {
  let dir: string;
  let s: TestServer;
  let pushed: Published[];
  beforeAll(async () => {
    dir = makeWorkspace();
    s = await startServer({ rootPath: dir });
    pushed = s.published;
    await ready(s);
    await until(() => ['bad.lua', 'lib/other.lua'].every((f) => pushed.some((p) => p.uri === uriOf(dir, f))));
  });
  afterAll(async () => {
    await s?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const last = (uri: string) => pushed.filter((p) => p.uri === uri).at(-1);

  it('publishes the closed files that have problems, not the excluded or too large ones', async () => {
    await new Promise((r) => setTimeout(r, 200));
    const uris = new Set(pushed.map((p) => name(dir, p.uri)));
    expect([...uris].sort()).toEqual(['bad.lua', 'lib/other.lua']); // clean files are not pushed empty lists
    expect(last(uriOf(dir, 'bad.lua'))!.diagnostics.map((d) => [d.code, d.severity])).toEqual([['undefined-field', 2]]);
    expect(last(uriOf(dir, 'bad.lua'))!.version).toBeUndefined();
  });

  it('clears a file fixed on disk', async () => {
    const uri = uriOf(dir, 'lib/other.lua');
    const next = s.diagnostics(uri);
    writeFileSync(join(dir, 'lib', 'other.lua'), CLEAN);
    s.notify('workspace/didChangeWatchedFiles', { changes: [{ uri, type: 2 }] });
    expect((await next).diagnostics).toEqual([]);
  });

  it('the open document wins over the file; closing it publishes the file instead of clearing', async () => {
    const uri = uriOf(dir, 'bad.lua'); // undefined-field on disk
    const opened = s.diagnostics(uri, 3);
    s.open(uri, CLEAN, 3);
    expect((await opened).diagnostics).toEqual([]);
    // A change on disk while it is open is not published over the buffer's diagnostics.
    writeFileSync(join(dir, 'bad.lua'), BAD + '\n');
    s.notify('workspace/didChangeWatchedFiles', { changes: [{ uri, type: 2 }] });
    await new Promise((r) => setTimeout(r, 300));
    expect(last(uri)).toMatchObject({ version: 3, diagnostics: [] });
    const closed = s.diagnostics(uri);
    s.notify('textDocument/didClose', { textDocument: { uri } });
    const after = await closed;
    expect(after.version).toBeUndefined();
    expect(after.diagnostics.map((d) => d.code)).toEqual(['undefined-field']);
  });
});

describe('luamod.diagnostics.workspace: false', () => {
  it('reports no closed file, pulled or pushed (open documents as before)', async () => {
    const dir = makeWorkspace();
    const settings = { settings: { diagnostics: { workspace: false } } };
    const puller = await startServer({ rootPath: dir, capabilities: PULL, initializationOptions: settings });
    const pusher = await startServer({ rootPath: dir, initializationOptions: settings });
    try {
      await ready(puller);
      await ready(pusher);
      expect(await pull(puller)).toEqual([]);
      // The open document is still checked (and is the only one pushed).
      const uri = uriOf(dir, 'clean.lua');
      const opened = pusher.diagnostics(uri, 1);
      pusher.open(uri, BAD, 1);
      expect((await opened).diagnostics.map((d) => d.code)).toEqual(['undefined-field']);
      await new Promise((r) => setTimeout(r, 500));
      expect(new Set(pusher.published.map((p) => p.uri))).toEqual(new Set([uri]));
      // Closing it clears it, as before.
      const closed = pusher.diagnostics(uri);
      pusher.notify('textDocument/didClose', { textDocument: { uri } });
      expect((await closed).diagnostics).toEqual([]);
    } finally {
      await puller.stop();
      await pusher.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
