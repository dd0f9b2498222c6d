// Every failure the fuzzers found, kept as a fixed regression test (input shrunk by hand from the
// counterexample). Each names the component and the fix.
import { describe, expect, test } from 'vitest';
import { analyze } from '../../src/checker/analyze';
import { loadManifestJson } from '../../src/manifests';
import { tryParseType, typeToString } from '../../src/types';
import { testEnv } from '../checker/env';
import { frame, startRawServer } from './support/raw-lsp';
import { lspLines, rangeProblem } from './support/ranges';

const check = (text: string) => analyze(text, { env: testEnv(), fileName: 'r.lua' });

describe('checker regressions', () => {
  // Found: RangeError (stack overflow) escaped analyze() from luaparse and the binder.
  // Fix: src/checker/nesting-guard.ts (analyze() falls back to an empty tree and one syntax-error).
  test.each([
    ['10,000 nested tables', `local t = ${'{'.repeat(10_000)}${'}'.repeat(10_000)}`],
    ['10,000 nested calls', `local x = ${'f('.repeat(10_000)}1${')'.repeat(10_000)}`],
    ['10,000 unclosed tables', `local t = ${'{'.repeat(10_000)}`],
    ['10,000 field accesses', `local s = a${'.b'.repeat(10_000)}`],
    ['10,000 additions', `local s = 1${' + 1'.repeat(10_000)}`],
  ])('%s: one syntax-error inside the document, no exception', (_name, text) => {
    const a = check(text);
    const syntax = a.diagnostics.filter((d) => d.code === 'syntax-error');
    expect(syntax).toHaveLength(1);
    expect(syntax[0]!.message).toMatch(/nested too deeply/);
    for (const d of a.diagnostics) expect(rangeProblem(d.range, lspLines(text))).toBeUndefined();
    expect(() => { a.scopeAt(5); a.typeAt(5); a.nodeAt(5); a.memberOwnerAt(5); }).not.toThrow();
  });

  test('the deep-nesting error points at the deepest bracket', () => {
    const text = `local t = ${'{'.repeat(5000)}${'}'.repeat(5000)}`;
    const d = check(text).diagnostics.find((x) => x.code === 'syntax-error')!;
    expect(d.start).toBe('local t = '.length + 4999);
  });

  // Found: a syntax error at the \n of a CRLF gave character = line length + 1 (outside the line).
  // Fix: LineIndex.positionAt (src/checker/positions.ts) clamps to the line end.
  test.each([["x = '\r\nprint(1)"], ['x = "abc\r\n'], ["local s = 'a\r\n\r\n"]])('CRLF after an unfinished string %j', (text) => {
    const a = check(text);
    expect(a.diagnostics.some((d) => d.code === 'syntax-error')).toBe(true);
    for (const d of a.diagnostics) expect(rangeProblem(d.range, lspLines(text)), d.message).toBeUndefined();
  });
});

describe('type notation regressions', () => {
  // Found: 10,000 `[]` or `?` suffixes parsed (the depth limit only counted prefixes), then
  // typeToString overflowed the stack. Fix: src/types/parse.ts counts suffixes against MAX_DEPTH.
  test.each([['[]'], ['?']])('10,000 %s suffixes fail with a TypeParseError', (suffix) => {
    const r = tryParseType('string' + suffix.repeat(10_000));
    expect(r.error?.message).toMatch(/less nesting/);
  });

  test('a few suffixes still parse and print', () => {
    const r = tryParseType('string[][]?');
    expect(r.type && typeToString(r.type)).toBe('string[][]?');
  });
});

describe('manifest regressions', () => {
  // Found: a lone \r (old Mac line break) was not counted as a line break, so JSON error positions
  // pointed past the end of the line editors show. Fix: src/manifests/json-text.ts line starts.
  test('JSON syntax error after a lone CR is located on the editor\'s line', () => {
    const text = '{\r  "name": "x",\r  "export": {\r    "fields": @\r  }\r}';
    const r = loadManifestJson(text, '/m/x.json');
    expect(r.errors[0]).toMatchObject({ file: '/m/x.json', line: 4, column: 15 });
  });
});

describe('language server regressions', () => {
  // Found: a header block without Content-Length desynchronised vscode-jsonrpc's reader for good
  // (every later body was read as a header): the server never answered again.
  // Fix: server/src/framing.ts (stdin passes a framing filter that skips to the next frame).
  test('the framing filter drops a frame without Content-Length and keeps the next ones', async () => {
    const { framingFilter } = await import('../../server/src/framing');
    const skipped: string[] = [];
    const filter = framingFilter((r) => skipped.push(r));
    const out: Buffer[] = [];
    filter.on('data', (d: Buffer) => out.push(d));
    const good = (id: number) => frame({ jsonrpc: '2.0', id, method: 'm' });
    filter.write(Buffer.from('Content-Type: x\r\n\r\n{"id":0}'));
    filter.write(good(1).subarray(0, 7));
    filter.write(Buffer.concat([good(1).subarray(7), Buffer.from('Content-Length: 99999999999\r\n\r\n'), good(2)]));
    filter.end();
    await new Promise((r) => filter.on('end', r));
    expect(Buffer.concat(out).toString()).toBe(Buffer.concat([good(1), good(2)]).toString());
    expect(skipped).toEqual(['header without a usable Content-Length', 'header without a usable Content-Length']);
  });

  test('the server answers after a header without Content-Length', async () => {
    const server = await startRawServer();
    try {
      server.write('Content-Type: application/json\r\n\r\n{"jsonrpc":"2.0","id":"lost","method":"shutdown"}');
      server.send({ jsonrpc: '2.0', id: 1, method: 'textDocument/documentSymbol', params: { textDocument: { uri: 'file:///x.lua' } } });
      server.send({ jsonrpc: '2.0', id: 2, method: 'textDocument/documentSymbol', params: { textDocument: { uri: 'file:///x.lua' } } });
      expect(await server.answered(2, 10_000)).toBe(true);

      // Found: didOpen with a non-string text made every snapshot of that document throw (each
      // diagnostics run and request logged "failed"). Fix: server/src/documents.ts reads it as ''.
      server.send({ jsonrpc: '2.0', method: 'textDocument/didOpen', params: { textDocument: { uri: 'file:///n.lua', languageId: 'lua', version: 1, text: 42 } } });
      server.send({ jsonrpc: '2.0', id: 3, method: 'textDocument/documentSymbol', params: { textDocument: { uri: 'file:///n.lua' } } });
      expect(await server.answered(3, 10_000)).toBe(true);
      await new Promise((r) => setTimeout(r, 1000));
      const failures = server.received.filter((m) => /failed/.test(JSON.stringify(m)));
      expect(failures).toEqual([]);
    } finally {
      await server.stop();
    }
  }, 30_000);
});
