// textDocument/formatting and rangeFormatting over the real server: StyLua's output as minimal
// edits, the project's stylua.toml, and no edits for a document that does not parse.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyLineEdits } from '../../src/format/minimal-edits';
import { startServer, type TestServer } from './lsp-client';

interface TextEdit { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }

/** Applies LSP edits to text (for whole-line edits as the server makes them). */
function apply(text: string, edits: TextEdit[]): string {
  const lines = text.split(/(?<=\n)/);
  const asLines = edits.map((e) => ({ startLine: e.range.start.line, endLine: e.range.end.character === 0 ? e.range.end.line : lines.length, text: e.newText }));
  return applyLineEdits(text, asLines);
}

let dir: string;
let s: TestServer;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'luamod-format-'));
  writeFileSync(join(dir, 'stylua.toml'), 'indent_type = "Spaces"\nindent_width = 2\n');
  s = await startServer({ rootPath: dir });
});
afterAll(async () => { await s.stop(); });

const options = { tabSize: 8, insertSpaces: false };

describe('formatting', () => {
  it('advertises document and range formatting', () => {
    expect(s.init.capabilities.documentFormattingProvider).toBe(true);
    expect(s.init.capabilities.documentRangeFormattingProvider).toBe(true);
  });
  it('formats with the project stylua.toml (not the request options), touching only changed lines', async () => {
    const uri = pathToFileURL(join(dir, 'a.lua')).href;
    const text = '-- header stays\nlocal x  =  1\nif x then print( "a" ) end\nreturn x\n';
    s.open(uri, text);
    const edits = await s.request<TextEdit[]>('textDocument/formatting', { textDocument: { uri }, options });
    expect(apply(text, edits)).toBe('-- header stays\nlocal x = 1\nif x then\n  print("a")\nend\nreturn x\n');
    expect(edits.every((e) => e.range.start.line >= 1 && e.range.end.line <= 3)).toBe(true);
  });
  it('range formatting changes only the statements in the range', async () => {
    const uri = pathToFileURL(join(dir, 'b.lua')).href;
    const text = 'local  a=1\nlocal  b=2\nlocal  c=3\n';
    s.open(uri, text);
    const edits = await s.request<TextEdit[]>('textDocument/rangeFormatting', {
      textDocument: { uri }, options, range: { start: { line: 1, character: 0 }, end: { line: 1, character: 10 } },
    });
    expect(apply(text, edits)).toBe('local  a=1\nlocal b = 2\nlocal  c=3\n');
  });
  it('a document with a syntax error gets no edits (and the server keeps answering)', async () => {
    const uri = pathToFileURL(join(dir, 'c.lua')).href;
    s.open(uri, 'local = 1\nlocal  y=2\n');
    expect(await s.request('textDocument/formatting', { textDocument: { uri }, options })).toEqual([]);
    expect(await s.request('textDocument/formatting', { textDocument: { uri: pathToFileURL(join(dir, 'a.lua')).href }, options })).toBeInstanceOf(Array);
  });
  it('a formatted document gets no edits; a text without a final newline gets one', async () => {
    const uri = pathToFileURL(join(dir, 'd.lua')).href;
    s.open(uri, 'local x = 1\n');
    expect(await s.request('textDocument/formatting', { textDocument: { uri }, options })).toEqual([]);
    const uri2 = pathToFileURL(join(dir, 'e.lua')).href;
    s.open(uri2, 'local x = 1');
    const edits = await s.request<TextEdit[]>('textDocument/formatting', { textDocument: { uri: uri2 }, options });
    expect(apply('local x = 1', edits)).toBe('local x = 1\n');
  });
});
