// The Analysis API the language server builds on: symbols, references, typeAt, scopeAt,
// memberOwnerAt (also on text that does not parse), moduleBindings, positions.
import { describe, expect, test } from 'vitest';
import { showType } from '../../src/checker/display';
import { check } from './env';
import { withCursor } from './cursor';

describe('Analysis API', () => {
  test('symbols with kinds, ranges and references', () => {
    const a = check('local clock = require("clock")\nlocal function f(x) return x end\nprint(f(clock))\n');
    const byName = new Map(a.symbols.map((s) => [s.name, s]));
    expect(byName.get('clock')!.kind).toBe('local');
    expect(byName.get('f')!.kind).toBe('function');
    expect(byName.get('x')!.kind).toBe('param');
    expect(byName.get('clock')!.selectionRange).toEqual({ start: { line: 0, character: 6 }, end: { line: 0, character: 11 } });
    expect(byName.get('clock')!.references).toEqual([{ start: { line: 2, character: 8 }, end: { line: 2, character: 13 } }]);
    expect(showType(byName.get('clock')!.type)).toBe('clock');
  });

  test('symbolAt finds the declaration from a reference', () => {
    const { text, offset } = withCursor('local count = 1\nprint($0count)\n');
    expect(check(text).symbolAt(offset)?.name).toBe('count');
  });

  test('moduleBindings name the local and the module', () => {
    const a = check('local c = require("clock")\nprint(c, text.VERSION)\n');
    expect(a.moduleBindings.map((b) => [b.name, b.module])).toEqual([['c', 'clock'], ['text', 'text']]);
    expect(a.moduleBindings[0]!.range.start).toEqual({ line: 0, character: 10 });
  });

  test('scopeAt lists locals (innermost first), then globals and modules', () => {
    const { text, offset } = withCursor('local a = 1\nlocal function f(b)\n  $0\nend\nprint(a, f)\n');
    const names = check(text).scopeAt(offset).map((v) => `${v.name}:${v.kind}`);
    expect(names.slice(0, 3)).toEqual(['b:param', 'f:function', 'a:local']);
    expect(names).toContain('print:global');
    expect(names).toContain('clock:module');
  });

  test('memberOwnerAt after `.` at the end of a line that does not parse yet', () => {
    const { text, offset } = withCursor('local clock = require("clock")\nlocal t = clock.now()\nt:$0\nlocal y = 1\nprint(t, y)\n');
    const a = check(text);
    expect(a.diagnostics.some((d) => d.code === 'syntax-error')).toBe(true);
    const owner = a.memberOwnerAt(offset)!;
    expect(owner.accessor).toBe(':');
    expect(showType(owner.type)).toBe('clock.Time');
    expect(owner.members.map((m) => m.name)).toEqual(expect.arrayContaining(['unix', 'add', 'format']));
  });

  test('memberOwnerAt on a module global with a typed prefix', () => {
    const { text, offset } = withCursor('print(clock.no$0)\n');
    const owner = check(text).memberOwnerAt(offset)!;
    expect(owner.prefix).toBe('no');
    expect(owner.members.map((m) => m.name)).toContain('now');
  });

  test('memberOwnerAt follows chains and calls: clock.now():', () => {
    const { text, offset } = withCursor('local x = clock.now():$0');
    expect(showType(check(text).memberOwnerAt(offset)!.type)).toBe('clock.Time');
  });

  test('memberOwnerAt follows indexing: t[1]. and t["k"].', () => {
    const list = withCursor('local t = { { name = "a", size = 1 } }\nprint(t[1].$0)');
    expect(check(list.text).memberOwnerAt(list.offset)!.members.map((m) => m.name).sort()).toEqual(['name', 'size']);
    const keyed = withCursor('local m = { inner = { deep = true } }\nprint(m["inner"].$0)');
    expect(check(keyed.text).memberOwnerAt(keyed.offset)!.members.map((m) => m.name)).toEqual(['deep']);
    const call = withCursor('local clock = require("clock")\nlocal ts = { clock.now() }\nprint(ts[ 2 ]:$0)');
    expect(showType(check(call.text).memberOwnerAt(call.offset)!.type)).toBe('clock.Time');
  });

  test('memberOwnerAt lists the members a class inherits (---@class Dog : Animal)', () => {
    const { text, offset } = withCursor('---@class Animal\n---@field name string\nlocal Animal = {}\nfunction Animal:speak() end\n---@class Dog : Animal\n---@field breed string\n---@param d Dog\nlocal function f(d) return d.$0 end\nprint(f, Animal)\n');
    expect(check(text).memberOwnerAt(offset)!.members.map((m) => m.name).sort()).toEqual(['breed', 'name', 'speak']);
  });

  test('memberOwnerAt on strings gives the string methods', () => {
    const { text, offset } = withCursor('local s = "x"\nprint(s:$0)');
    expect(check(text).memberOwnerAt(offset)!.members.map((m) => m.name)).toContain('upper');
  });

  test('typeAt gives narrowed types and nodeAt the innermost node', () => {
    const { text, offset } = withCursor('local clock = require("clock")\nlocal v = clock.parse("x")\nif v then print($0v) end\n');
    const a = check(text);
    expect(showType(a.typeAt(offset)!)).toBe('clock.Time');
    expect(a.nodeAt(offset)?.type).toBe('Identifier');
  });

  test('diagnostics carry tags and quick-fix data', () => {
    const a = check('local unused = 1\nlocal clock = require("clock")\nprint(clock.nwo())\n');
    const unused = a.diagnostics.find((d) => d.code === 'unused-local')!;
    expect(unused.tags).toEqual(['unnecessary']);
    const field = a.diagnostics.find((d) => d.code === 'undefined-field')!;
    expect(field.data).toEqual({ suggestions: ['now'] });
    expect(field.message).toBe("module 'clock' has no field 'nwo' (did you mean 'now'?)");
  });

  test('a 5,000-line document is analyzed (all rules) without error', () => {
    const chunk = 'local clock = require("clock")\n' + Array.from({ length: 1000 }, (_, i) => [
      `local function f${i}(x)`, `  local t, err = clock.parse(x)`, `  if err then return nil end`, `  return t:unix() + ${i}`, 'end',
    ].join('\n')).join('\n') + '\nprint(f1)\n';
    const a = check(chunk);
    expect(a.lines.lineCount).toBeGreaterThan(5000);
    expect(a.diagnostics.filter((d) => d.code !== 'unused-local')).toEqual([]);
  });
});
