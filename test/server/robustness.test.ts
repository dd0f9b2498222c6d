// The server never dies: unknown documents, positions out of range, malformed params, unknown
// methods, broken config and manifests, a 3.5 MB file, binary garbage. Each gets an empty result or a
// JSON-RPC error, and the server keeps serving.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from './lsp-client';

let dir: string;
let s: TestServer;
const uriOf = (name: string) => pathToFileURL(join(dir, name)).href;
const pos = (line: number, character: number) => ({ line, character });

/** The server still answers a real request correctly. */
async function stillServing(): Promise<void> {
  const uri = uriOf(`alive-${Math.random().toString(36).slice(2)}.lua`);
  s.open(uri, 'local time = require("time")\nprint(time.now())\n');
  const h = await s.request('textDocument/hover', { textDocument: { uri }, position: pos(1, 12) });
  expect(h.contents.value).toContain('time.now');
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'luamod-robust-'));
  mkdirSync(join(dir, 'broken'));
  writeFileSync(join(dir, 'broken', '.luamodrc.json'), '{ "diagnostics": { "unused-local": "loud" }, ');
  mkdirSync(join(dir, 'badmanifest', 'manifests'), { recursive: true });
  writeFileSync(join(dir, 'badmanifest', '.luamodrc.json'), JSON.stringify({ manifests: ['manifests'] }));
  writeFileSync(join(dir, 'badmanifest', 'manifests', 'shop.json'), '{ "name": "shop", "types": { oops');
  s = await startServer({ rootPath: dir });
});
afterAll(async () => {
  await s?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('robustness', () => {
  it('answers requests for an unknown document with empty results', async () => {
    const doc = { textDocument: { uri: uriOf('never-opened.lua') } };
    expect(await s.request('textDocument/hover', { ...doc, position: pos(0, 0) })).toBeNull();
    expect(await s.request('textDocument/completion', { ...doc, position: pos(0, 0) })).toEqual({ isIncomplete: false, items: [] });
    expect(await s.request('textDocument/documentSymbol', doc)).toEqual([]);
    expect(await s.request('textDocument/semanticTokens/full', doc)).toEqual({ data: [] });
    expect(await s.request('textDocument/references', { ...doc, position: pos(0, 0), context: { includeDeclaration: true } })).toEqual([]);
    expect(await s.request('textDocument/diagnostic', doc)).toEqual({ kind: 'full', items: [] });
    const run = await s.request('luamod/runScript', { uri: uriOf('never-opened.lua') });
    expect(run.error.message).toContain('unknown document');
  });

  it('clamps positions out of range', async () => {
    const uri = uriOf('small.lua');
    s.open(uri, 'local x = 1\n');
    for (const p of [pos(999, 0), pos(0, 999), pos(1_000_000, 1_000_000)]) {
      await s.request('textDocument/hover', { textDocument: { uri }, position: p });
      await s.request('textDocument/completion', { textDocument: { uri }, position: p });
      await s.request('textDocument/signatureHelp', { textDocument: { uri }, position: p });
      await s.request('textDocument/definition', { textDocument: { uri }, position: p });
    }
    const r = await s.request('textDocument/inlayHint', { textDocument: { uri }, range: { start: pos(500, 0), end: pos(900, 0) } });
    expect(r).toEqual([]);
    await stillServing();
  });

  it('rejects malformed params with InvalidParams', async () => {
    for (const params of [null, {}, { textDocument: 5 }, { textDocument: { uri: 'file:///x.lua' } }, { textDocument: { uri: 'file:///x.lua' }, position: { line: -1, character: 'a' } }]) {
      await expect(s.request('textDocument/hover', params)).rejects.toMatchObject({ code: -32602 });
    }
    await expect(s.request('textDocument/inlayHint', { textDocument: { uri: 'file:///x.lua' } })).rejects.toMatchObject({ code: -32602 });
    await expect(s.request('workspace/symbol', { query: 7 })).rejects.toMatchObject({ code: -32602 });
    await expect(s.request('luamod/runScript', {})).rejects.toMatchObject({ code: -32602 });
    expect(s.logs.join('\n')).toContain('invalid params');
    await stillServing();
  });

  it('contains a crash inside one provider: fallback answer, stack in the log, others unaffected', async () => {
    const uri = uriOf('crash.lua');
    s.open(uri, 'local x = 1\nprint(x)\nlocal unused = 2\n');
    // Shapes that pass validation but make the provider throw deep inside.
    expect(await s.request('textDocument/selectionRange', { textDocument: { uri }, positions: [null] })).toEqual([]);
    expect(await s.request('textDocument/codeAction', { textDocument: { uri }, range: { start: pos(0, 0), end: pos(0, 0) }, context: { diagnostics: 'bad' } })).toEqual([]);
    const log = s.logs.join('\n');
    expect(log).toContain('textDocument/selectionRange failed; answering with its fallback');
    expect(log).toContain('textDocument/codeAction failed; answering with its fallback');
    const h = await s.request('textDocument/hover', { textDocument: { uri }, position: pos(1, 6) });
    expect(h.contents.value).toContain('local x: integer');
    await stillServing();
  });

  it('answers unknown methods with MethodNotFound', async () => {
    await expect(s.request('luamod/doesNotExist', {})).rejects.toMatchObject({ code: -32601 });
    s.notify('luamod/unknownNotification', { x: 1 });
    await stillServing();
  });

  it('survives a broken .luamodrc.json: logs it and checks with the defaults', async () => {
    const uri = uriOf('broken/script.lua');
    const d = s.diagnostics(uri, 1);
    s.open(uri, 'local spare = 1\n');
    expect((await d).diagnostics.map((x) => x.code)).toEqual(['unused-local']);
    expect(s.logs.join('\n')).toMatch(/configuration problem: .*\.luamodrc\.json/);
    await stillServing();
  });

  it('survives a broken manifest: logs it and keeps the other modules', async () => {
    const uri = uriOf('badmanifest/script.lua');
    const d = s.diagnostics(uri, 1);
    s.open(uri, 'local time = require("time")\nprint(time.now())\n');
    expect((await d).diagnostics).toEqual([]);
    expect(s.logs.join('\n')).toMatch(/configuration problem: .*shop\.json/);
  });

  // Syntax only above 2 MiB; above maxFileSize (4 MiB) a document is declined (test/security/huge-inputs).
  it('handles a 3.5 MB document', async () => {
    const uri = uriOf('huge.lua');
    const line = 'local value_%d = { name = "item", count = %d, tags = { "a", "b" } } print(value_%d.count)\n';
    let text = '';
    for (let i = 0; text.length < 3.5 * 1024 * 1024; i++) text += line.replaceAll('%d', String(i));
    const d = s.diagnostics(uri, 1, 60_000);
    s.open(uri, text);
    await d;
    const h = await s.request('textDocument/hover', { textDocument: { uri }, position: pos(10, 8) });
    expect(h.contents.value).toContain('local value_10');
    const c = await s.request('textDocument/completion', { textDocument: { uri }, position: pos(20, 0) });
    expect(c.items.length).toBeGreaterThan(0);
    s.notify('textDocument/didClose', { textDocument: { uri } });
    await stillServing();
  }, 120_000);

  it('handles binary garbage', async () => {
    const bytes = Buffer.alloc(64 * 1024);
    let seed = 42;
    for (let i = 0; i < bytes.length; i++) bytes[i] = (seed = (seed * 1103515245 + 12345) >>> 0) >>> 24;
    const uri = uriOf('garbage.lua');
    const d = s.diagnostics(uri, 1, 30_000);
    s.open(uri, bytes.toString('latin1') + '\u0000\uFFFD\uD800');
    expect((await d).diagnostics.map((x) => x.code)).toContain('syntax-error');
    for (const method of ['textDocument/documentSymbol', 'textDocument/foldingRange', 'textDocument/semanticTokens/full']) {
      await s.request(method, { textDocument: { uri } });
    }
    await s.request('textDocument/hover', { textDocument: { uri }, position: pos(3, 3) });
    await s.request('textDocument/completion', { textDocument: { uri }, position: pos(3, 3) });
    await stillServing();
  }, 60_000);

  it('ignores malformed notifications', async () => {
    s.notify('textDocument/didOpen', {});
    s.notify('textDocument/didOpen', { textDocument: { uri: 5, text: null } });
    s.notify('textDocument/didChange', { textDocument: { uri: uriOf('not-open.lua'), version: 2 }, contentChanges: [{ text: 'x' }] });
    s.notify('textDocument/didClose', { textDocument: { uri: uriOf('not-open.lua') } });
    s.notify('workspace/didChangeWatchedFiles', { changes: 'nope' });
    s.notify('workspace/didChangeConfiguration', null);
    await stillServing();
  });

  it('keeps a document across bad incremental changes', async () => {
    const uri = uriOf('edits.lua');
    s.open(uri, 'local a = 1\n');
    s.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ range: { start: pos(50, 0), end: pos(60, 0) }, text: 'print(a)\n' }] });
    s.notify('textDocument/didChange', { textDocument: { uri, version: 3 }, contentChanges: 'nonsense' });
    const syms = await s.request('textDocument/documentSymbol', { textDocument: { uri } });
    expect(syms.map((x: { name: string }) => x.name)).toContain('a');
    await stillServing();
  });
});
