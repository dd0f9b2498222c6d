// Every example script of the repository through every request: no provider fails (nothing
// "failed" in the server log) and every answer has the expected shape.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from './lsp-client';

const root = resolve(__dirname, '../../examples');

function luaFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    if (name === 'node_modules' || name === 'dist') return [];
    const p = join(dir, name);
    return statSync(p).isDirectory() ? luaFiles(p) : name.endsWith('.lua') ? [p] : [];
  });
}

let s: TestServer;
beforeAll(async () => {
  s = await startServer({ rootPath: root });
});
afterAll(async () => {
  await s?.stop();
});

describe('examples through every request', () => {
  it('answers every request on every example without a provider failing', async () => {
    const files = luaFiles(root);
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const uri = pathToFileURL(file).href;
      const doc = { textDocument: { uri } };
      s.open(uri, text);
      const lines = text.split('\n');
      const positions = lines.flatMap((l, line) => [0, Math.floor(l.length / 2), l.length].map((character) => ({ line, character }))).filter((_, i) => i % 7 === 0);
      const all = { start: { line: 0, character: 0 }, end: { line: lines.length, character: 0 } };
      for (const position of positions) {
        await s.request('textDocument/hover', { ...doc, position });
        await s.request('textDocument/completion', { ...doc, position });
        await s.request('textDocument/signatureHelp', { ...doc, position });
        await s.request('textDocument/definition', { ...doc, position });
        await s.request('textDocument/references', { ...doc, position, context: { includeDeclaration: true } });
        await s.request('textDocument/documentHighlight', { ...doc, position });
        await s.request('textDocument/prepareRename', { ...doc, position }).catch(() => null);
      }
      expect(Array.isArray(await s.request('textDocument/documentSymbol', doc))).toBe(true);
      expect((await s.request('textDocument/semanticTokens/full', doc)).data.length % 5).toBe(0);
      await s.request('textDocument/inlayHint', { ...doc, range: all });
      await s.request('textDocument/codeAction', { ...doc, range: all, context: { diagnostics: [] } });
      await s.request('textDocument/foldingRange', doc);
      await s.request('textDocument/documentLink', doc);
      expect((await s.request('textDocument/diagnostic', doc)).kind).toBe('full');
      s.notify('textDocument/didClose', doc);
    }
    expect(s.logs.filter((l) => /failed/.test(l))).toEqual([]);
  }, 120_000);
});
