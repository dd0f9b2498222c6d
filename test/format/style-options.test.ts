// Where the formatting style comes from: stylua.toml / .stylua.toml upward, else .editorconfig.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatLua } from '../../src/format/format-lua';
import { parseStyluaToml, styleFor, StyleConfigError } from '../../src/format/style-options';

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'luamod-style-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

describe('styleFor', () => {
  it('finds the nearest stylua.toml above the file', () => {
    const root = tree({ 'stylua.toml': 'indent_type = "Spaces"\nindent_width = 2\n', 'src/deep/a.lua': '' });
    expect(styleFor(join(root, 'src/deep/a.lua'))).toEqual({ kind: 'stylua', file: join(root, 'stylua.toml'), options: { indent_type: 'Spaces', indent_width: 2 } });
  });
  it('a nearer .stylua.toml wins over a farther stylua.toml', () => {
    const root = tree({ 'stylua.toml': 'column_width = 80\n', 'src/.stylua.toml': 'quote_style = "ForceSingle"\n', 'src/a.lua': '' });
    expect(styleFor(join(root, 'src/a.lua')).options).toEqual({ quote_style: 'ForceSingle' });
  });
  it('falls back to .editorconfig indentation, line length and line endings', () => {
    const root = tree({ '.editorconfig': 'root = true\n[*.lua]\nindent_style = space\nindent_size = 3\nmax_line_length = 100\nend_of_line = crlf\n', 'a.lua': '' });
    const s = styleFor(join(root, 'a.lua'));
    expect(s.kind).toBe('editorconfig');
    expect(s.options).toEqual({ indent_type: 'Spaces', indent_width: 3, column_width: 100, line_endings: 'Windows' });
    expect(formatLua('if x then\nprint(1)\nend\n', s.options)).toEqual({ ok: true, changed: true, text: 'if x then\r\n   print(1)\r\nend\r\n' });
  });
  it('an .editorconfig section for other files does not apply; then StyLua defaults', () => {
    const root = tree({ '.editorconfig': 'root = true\n[*.py]\nindent_style = space\n', 'a.lua': '' });
    expect(styleFor(join(root, 'a.lua'))).toEqual({ kind: 'default', options: {} });
  });
  it('names the file and key of a wrong value; invalid TOML names the file', () => {
    const root = tree({ 'stylua.toml': 'indent_type = "Sideways"\n', 'a.lua': '', 'b/stylua.toml': 'indent_width = = 2', 'b/c.lua': '' });
    expect(() => styleFor(join(root, 'a.lua'))).toThrow(StyleConfigError);
    expect(() => styleFor(join(root, 'a.lua'))).toThrow(`${join(root, 'stylua.toml')}: indent_type: expected one of Tabs, Spaces`);
    expect(() => styleFor(join(root, 'b/c.lua'))).toThrow(/b\/stylua\.toml: invalid TOML/);
  });
  it('reads the StyLua options it knows and ignores unknown keys, as StyLua does', () => {
    expect(parseStyluaToml('column_width = 60\nno_call_parentheses = true\nfuture_option = 1\n[sort_requires]\nenabled = true\n', 'x')).toEqual({
      column_width: 60, call_parentheses: 'None', sort_requires: true,
    });
    expect(() => parseStyluaToml('column_width = -1', 'x')).toThrow('x: column_width: expected a positive integer');
  });
});

describe('formatLua', () => {
  it('formats, and reports a syntax error with its position instead of throwing', () => {
    expect(formatLua('local x  =  1', {})).toEqual({ ok: true, text: 'local x = 1\n', changed: true });
    expect(formatLua('local x = 1\n', {})).toEqual({ ok: true, text: 'local x = 1\n', changed: false });
    expect(formatLua('local = 1\n', {})).toMatchObject({ ok: false, line: 1, column: 7, message: expect.stringContaining('unexpected token') });
  });
  it('with a byte range, formats only the statements it touches', () => {
    const text = 'local  a=1\nlocal  b=2\nlocal  c=3\n';
    expect(formatLua(text, {}, { start: 11, end: 21 })).toMatchObject({ ok: true, text: 'local  a=1\nlocal b = 2\nlocal  c=3\n' });
  });
});
