// documentSymbol (hierarchical) and workspaceSymbol (files + manifest modules, types, members).
import { describe, expect, it } from 'vitest';
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver-types';
import { documentSymbol } from '../../src/service/documentSymbol';
import { indexEntries, matches, workspaceSymbol } from '../../src/service/workspaceSymbol';
import { snap, testProject } from './helpers';

const KIND: Record<number, string> = Object.fromEntries(Object.entries(SymbolKind).map(([k, v]) => [v, k]));

const outline = (syms: DocumentSymbol[]): unknown[] =>
  syms.map((s) => (s.children ? [s.name, KIND[s.kind], outline(s.children)] : [s.name, KIND[s.kind]]));

describe('documentSymbol', () => {
  it('nests locals and functions under their function, fields under their table', () => {
    const f = snap([
      'local M = { version = "1", util = {} }',
      'function M.greet(name)',
      '  local greeting = "hi " .. name',
      '  return greeting',
      'end',
      'function M:count()',
      '  if true then local inner = 1 end',
      'end',
      'local MAX = 10',
      'handler = function() end',
      'return M',
    ].join('\n'));
    expect(outline(documentSymbol(f.snap))).toEqual([
      ['M', 'Object', [['version', 'Field'], ['util', 'Field']]],
      ['M.greet', 'Function', [['greeting', 'Variable']]],
      ['M:count', 'Method', [['inner', 'Constant']]],
      ['MAX', 'Constant'],
      ['handler', 'Function'],
    ]);
  });

  it('survives a syntax error', () => {
    const f = snap('local function ok() end\nlocal x = (\n');
    expect(documentSymbol(f.snap).map((s) => s.name)).toContain('ok');
  });
});

describe('workspaceSymbol', () => {
  it('matches fuzzily and case-insensitively', () => {
    expect(matches('pdu', 'parse_duration')).toBe(true);
    expect(matches('PARSE', 'parse_duration')).toBe(true);
    expect(matches('xyz', 'parse_duration')).toBe(false);
  });

  it('finds symbols of indexed files and open documents', () => {
    const a = snap('local function helperOne() end\n');
    const entries = indexEntries({ ...a.snap, uri: 'file:///w/other.lua' } as typeof a.snap);
    const open = snap('function helperTwo() end\n');
    const names = workspaceSymbol('helper', entries, [open.snap], testProject()).map((s) => s.name);
    expect(names).toEqual(expect.arrayContaining(['helperOne', 'helperTwo']));
  });

  it('includes manifest modules, types and members with locations', () => {
    const syms = workspaceSymbol('parse_duration', [], [], testProject());
    const s = syms.find((x) => x.name === 'parse_duration')!;
    expect(s.containerName).toBe('time');
    expect(KIND[s.kind]).toBe('Function');
    const t = workspaceSymbol('time.Time', [], [], testProject()).find((x) => x.name === 'time.Time')!;
    expect(KIND[t.kind]).toBe('Interface');
    expect(workspaceSymbol('unix', [], [], testProject()).some((x) => x.name === 'unix' && x.containerName === 'time.Time')).toBe(true);
  });
});
