// Every failure the fuzzers found, kept as a fixed regression test (input shrunk by hand from the
// counterexample). Each names the component and the fix.
import { describe, expect, test } from 'vitest';
import { analyze } from '../../src/checker/analyze';
import { loadManifestJson } from '../../src/manifests';
import { tryParseType, typeToString } from '../../src/types';
import { testEnv } from '../checker/env';
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
