// JSON manifests in the editor: completion, hover and go-to-definition into the manifest file;
// editing a manifest (watched files) re-checks open documents without a restart.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from './lsp-client';

let dir: string;
let s: TestServer;
let uri: string;
const manifestFile = () => join(dir, 'manifests', 'shop.json');

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'luamod-shop-'));
  cpSync(resolve(__dirname, '../../examples/shop'), dir, { recursive: true });
  s = await startServer({ rootPath: dir });
  uri = pathToFileURL(join(dir, 'cart.lua')).href;
  const d = s.diagnostics(uri, 1);
  s.open(uri, readFileSync(join(dir, 'cart.lua'), 'utf8') + 'shop.discount(1)\n');
  expect((await d).diagnostics.map((x) => x.code)).toEqual(['undefined-field']);
});
afterAll(async () => {
  await s?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const lineOf = (needle: string) => readFileSync(join(dir, 'cart.lua'), 'utf8').split('\n').findIndex((l) => l.includes(needle));

describe('JSON manifests', () => {
  it('completes and documents members declared in JSON', async () => {
    const line = lineOf('shop.new_cart');
    const list = await s.request('textDocument/completion', { textDocument: { uri }, position: { line, character: 18 } });
    expect(list.items.map((i: { label: string }) => i.label)).toEqual(expect.arrayContaining(['new_cart', 'join', 'format_price', 'VERSION']));
    const h = await s.request('textDocument/hover', { textDocument: { uri }, position: { line, character: 19 } });
    expect(h.contents.value).toContain('(function) shop.new_cart: fun(owner: string) -> shop.Cart');
    expect(h.contents.value).toContain('Creates an empty cart.');
  });

  it('jumps from a member to its key in the manifest JSON', async () => {
    const line = lineOf('shop.new_cart');
    const [loc] = await s.request('textDocument/definition', { textDocument: { uri }, position: { line, character: 19 } });
    expect(loc.uri).toBe(pathToFileURL(manifestFile()).href);
    const jsonLine = readFileSync(manifestFile(), 'utf8').split('\n')[loc.range.start.line];
    expect(jsonLine).toContain('"new_cart"');
    const method = lineOf('cart:add({ sku = "tea');
    const [m] = await s.request('textDocument/definition', { textDocument: { uri }, position: { line: method, character: 22 } });
    expect(readFileSync(manifestFile(), 'utf8').split('\n')[m.range.start.line]).toContain('"add"');
  });

  it('re-checks open documents when a manifest changes', async () => {
    const json = JSON.parse(readFileSync(manifestFile(), 'utf8'));
    json.export.fields.discount = 'fun(percent: integer)';
    writeFileSync(manifestFile(), JSON.stringify(json, null, 2));
    const again = s.diagnostics(uri, 1);
    s.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(manifestFile()).href, type: 2 }] });
    expect((await again).diagnostics).toEqual([]);
  });
});
