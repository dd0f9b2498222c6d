// Tolerant parsing and positions: repaired trees, one syntax error in Lua's words, UTF-16
// positions whatever the text holds, string literals decoded from their raw text.
import { describe, expect, test } from 'vitest';
import { parseLua } from '../../src/checker/parse';
import { LineIndex, decodeLuaString } from '../../src/checker/positions';
import { check, codes } from './env';

describe('parseLua', () => {
  test('a valid file parses with no errors and no repair', () => {
    const r = parseLua('local x = 1\nreturn x\n');
    expect(r.syntaxErrors).toEqual([]);
    expect(r.repaired).toBe(false);
  });

  test('missing end: one error, the tree still has the function', () => {
    const r = parseLua('local function f()\n  return 1\n');
    expect(r.syntaxErrors.map((e) => e.message)).toEqual(["'end' expected near <eof>"]);
    expect(r.chunk.body.map((s) => s.type)).toEqual(['FunctionDeclaration']);
  });

  test('an incomplete member at the end of a line keeps the next lines', () => {
    const r = parseLua('local t = {}\nt.\nlocal y = 1\n');
    expect(r.syntaxErrors).toHaveLength(1);
    expect(r.chunk.body.at(-1)!.type).toBe('LocalStatement');
    const y = r.chunk.body.at(-1)!;
    expect(r.chunk.body.length).toBeGreaterThanOrEqual(3);
    expect(y.range[0]).toBe('local t = {}\nt.\n'.length);
  });

  test('ranges after a repair point into the original text', () => {
    const text = 'if x then\n  print(1\nend\nprint(2)\n';
    const r = parseLua(text);
    const last = r.chunk.body.at(-1)!;
    expect(text.slice(last.range[0], last.range[1])).toBe('print(2)');
  });

  test('f(, x) and return , 1 are syntax errors', () => {
    expect(parseLua('f(, x)').syntaxErrors.map((e) => e.start)).toEqual([2]);
    expect(parseLua('return , 1').syntaxErrors.map((e) => e.message)).toEqual(["unexpected symbol near ','"]);
  });

  test('unfinished strings and long strings never throw', () => {
    for (const src of ['x = "abc', 'x = [[abc', '--[[ open comment', 'x = 0x', '::', 'goto', 'local <const>', ')))', 'end end end']) {
      expect(() => parseLua(src)).not.toThrow();
      expect(parseLua(src).syntaxErrors).toHaveLength(1);
    }
  });

  test('a byte-order mark is ignored and columns stay UTF-16', () => {
    const r = parseLua('\uFEFFprint(1)\n');
    expect(r.syntaxErrors).toEqual([]);
    expect(r.chunk.body[0]!.range[0]).toBe(1);
  });

  test('a #! first line is skipped', () => {
    expect(parseLua('#!/usr/bin/env lua\nprint(1)\n').syntaxErrors).toEqual([]);
  });
});

describe('positions', () => {
  test('UTF-16 characters, CRLF and CR line breaks', () => {
    const text = 'local s = "héllo 😀"\r\nprint(s)\rx';
    const lines = new LineIndex(text);
    expect(lines.positionAt(text.indexOf('print'))).toEqual({ line: 1, character: 0 });
    expect(lines.positionAt(text.indexOf('"', 11))).toEqual({ line: 0, character: 19 });
    expect(lines.positionAt(text.length - 1)).toEqual({ line: 2, character: 0 });
    expect(lines.offsetAt({ line: 1, character: 3 })).toBe(text.indexOf('print') + 3);
  });

  test('diagnostics after non-ASCII text are at UTF-16 columns', () => {
    const a = check('local s = "😀😀"; print(nope)\n');
    expect(a.diagnostics.find((d) => d.code === 'undefined-global')!.range.start).toEqual({ line: 0, character: 24 });
  });
});

describe('decodeLuaString', () => {
  test.each([
    ['"abc"', 'abc'], ["'a\\nb'", 'a\nb'], ['"\\65\\066"', 'AB'], ['"\\x41"', 'A'], ['"\\u{E9}"', 'é'],
    ['"\\195\\169"', 'é'], ['"h\\z   \n  i"', 'hi'], ['[[long]]', 'long'], ['[==[\nx]]y]==]', 'x]]y'], ['"héllo"', 'héllo'],
  ])('%s', (raw, value) => {
    expect(decodeLuaString(raw)).toBe(value);
  });

  test('require names are decoded', () => {
    expect(check('local m = require("\\099lock")\nprint(m)').moduleBindings.map((b) => b.module)).toEqual(['clock']);
    expect(codes(check('local m = require("\\099lockx")\nprint(m)'))).toEqual(['1:19 unknown-module']);
  });
});
