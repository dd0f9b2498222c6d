// Checks language-configuration.json the way VS Code uses it: indentation rules for
// function/do/then/repeat ... end/until, comment tokens, bracket pairs and folding markers.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const config = JSON.parse(readFileSync(resolve(__dirname, '../../language-configuration.json'), 'utf8'));
const increase = new RegExp(config.indentationRules.increaseIndentPattern);
const decrease = new RegExp(config.indentationRules.decreaseIndentPattern);
const foldStart = new RegExp(config.folding.markers.start);
const foldEnd = new RegExp(config.folding.markers.end);

describe('language-configuration.json', () => {
  it('declares Lua comments and brackets', () => {
    expect(config.comments).toEqual({ lineComment: '--', blockComment: ['--[[', ']]'] });
    expect(config.brackets).toEqual([['{', '}'], ['[', ']'], ['(', ')']]);
    const opens = config.autoClosingPairs.map((p: { open: string }) => p.open);
    expect(opens).toEqual(expect.arrayContaining(['{', '[', '(', '"', "'", '[[']));
  });

  it.each([
    'function f(a, b)',
    'local function f()',
    'local cb = function(x)',
    'if x then',
    'elseif y then',
    'else',
    'for i = 1, 10 do',
    'while true do',
    'do',
    'repeat',
    'local t = {',
  ])('indents after `%s`', (line) => {
    expect(increase.test(line)).toBe(true);
  });

  it.each([
    'if x then return end',
    'local f = function() return 1 end',
    'for i = 1, 3 do print(i) end',
    'repeat x = x + 1 until x > 3',
    '-- a comment that says then',
    'print("done")',
  ])('does not indent after the complete line `%s`', (line) => {
    expect(increase.test(line)).toBe(false);
  });

  it.each(['end', '  end)', 'until x > 3', 'else', 'elseif y then', '}', ')'])('outdents `%s`', (line) => {
    expect(decrease.test(line)).toBe(true);
  });

  it.each(['ending = 1', 'local endpoint', 'print(x)'])('does not outdent `%s`', (line) => {
    expect(decrease.test(line)).toBe(false);
  });

  it('folds -- region / -- endregion markers', () => {
    expect(foldStart.test('-- region helpers')).toBe(true);
    expect(foldStart.test('  --#region')).toBe(true);
    expect(foldEnd.test('-- endregion')).toBe(true);
    expect(foldStart.test('-- regional settings')).toBe(false);
  });
});
