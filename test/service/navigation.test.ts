// definition, typeDefinition, references, documentHighlight: locals, fields, globals, module members.
import { describe, expect, it } from 'vitest';
import { DocumentHighlightKind } from 'vscode-languageserver-types';
import { definition } from '../../src/service/definition';
import { documentHighlight } from '../../src/service/documentHighlight';
import { globalReferencesIn, references } from '../../src/service/references';
import { typeDefinition } from '../../src/service/typeDefinition';
import { indexEntries } from '../../src/service/workspaceSymbol';
import { snap, URI } from './helpers';

describe('definition', () => {
  it('jumps from a use to the local declaration', () => {
    const f = snap('local $0count = 1\nprint(cou$0nt)\n');
    expect(definition(f.snap, f.cursors[1]!)).toEqual([{ uri: URI, range: { start: f.cursors[0]!, end: { line: 0, character: 11 } } }]);
  });

  it('jumps to a field of the user table (constructor key or assignment)', () => {
    const f = snap('local cfg = { $0port = 1 }\nprint(cfg.po$0rt)\n');
    expect(definition(f.snap, f.cursors[1]!)[0]!.range.start).toEqual(f.cursors[0]);
    const g = snap('local M = {}\nfunction M.$0greet() end\nM.gre$0et()\n');
    expect(definition(g.snap, g.cursors[1]!)[0]!.range.start).toEqual(g.cursors[0]);
  });

  it('jumps from a type name in an annotation to its ---@class or ---@alias', () => {
    const f = snap('---@class $0Point\n---@field x number\nlocal P = {}\n---@param p Poi$0nt\nlocal function f(p) return p.x end\nprint(f(P))\n');
    expect(definition(f.snap, f.cursors[1]!)).toEqual([{ uri: URI, range: { start: f.cursors[0]!, end: { line: 0, character: 15 } } }]);
    const g = snap('---@alias $0Id integer\n---@type I$0d\nlocal id = 1\nprint(id)\n');
    expect(definition(g.snap, g.cursors[1]!)[0]!.range.start).toEqual(g.cursors[0]);
  });

  it('jumps from a manifest type name in an annotation into its module', () => {
    const f = snap('---@type time.Ti$0me\nlocal t = nil\nprint(t)\n');
    const [loc] = definition(f.snap, f.cursor);
    expect(loc!.uri).toMatch(/^file:\/\/.*(src\/modules\/time|\.json)/);
  });

  it('jumps from a module member into the module source or manifest', () => {
    const f = snap('local time = require("time")\ntime.n$0ow()\n');
    const [loc] = definition(f.snap, f.cursor);
    expect(loc!.uri).toMatch(/^file:\/\/.*(src\/modules\/time|\.json)/);
  });

  it('jumps from a standard library global into the stdlib manifest', () => {
    const f = snap('pri$0nt(1)\n');
    const [loc] = definition(f.snap, f.cursor);
    expect(loc!.uri).toMatch(/lua-stdlib\.json$/);
    expect(loc!.range.start.line).toBeGreaterThan(0);
  });

  it('finds the type definition of an interface value', () => {
    const f = snap('local time = require("time")\nlocal t$0 = time.now()\n');
    const locs = typeDefinition(f.snap, f.cursor);
    expect(locs.length).toBe(1);
    expect(locs[0]!.uri).toMatch(/^file:/);
  });

  it('returns nothing on whitespace', () => {
    const f = snap('local x = 1\n$0\n');
    expect(definition(f.snap, f.cursor)).toEqual([]);
  });
});

describe('references and highlights', () => {
  it('lists declaration, reads and writes of a local', () => {
    const f = snap('local $0n = 1\n$0n = n + 1\nprint($0n)\n');
    const refs = references(f.snap, f.cursors[2]!, true).map((l) => l.range.start);
    expect(refs).toEqual(expect.arrayContaining([...f.cursors]));
    expect(references(f.snap, f.cursors[2]!, false).map((l) => l.range.start)).not.toContainEqual(f.cursors[0]);
    const hl = documentHighlight(f.snap, f.cursors[0]!);
    expect(hl.find((h) => h.range.start.line === 0)!.kind).toBe(DocumentHighlightKind.Write);
    expect(hl.find((h) => h.range.start.line === 2)!.kind).toBe(DocumentHighlightKind.Read);
  });

  it('does not mix two locals with the same name', () => {
    const f = snap('local x = 1\ndo\n  local $0x = 2\n  print(x)\nend\nprint(x)\n');
    expect(references(f.snap, f.cursor, true).map((l) => l.range.start.line)).toEqual([2, 3]);
  });

  it('follows a field through the constructor, dotted uses and self in methods', () => {
    const f = snap('local Acc = { total = 0 }\nfunction Acc:add(n)\n  self.total = self.total + n\nend\nprint(Acc.tot$0al)\n');
    expect(references(f.snap, f.cursor, true).map((l) => l.range.start.line)).toEqual([0, 2, 2, 4]);
  });

  it('finds every use of a module member', () => {
    const f = snap('local time = require("time")\nlocal a = time.now()\nlocal b = time.n$0ow()\nprint(a, b)\n');
    expect(references(f.snap, f.cursor, true).map((l) => l.range.start.line)).toEqual([1, 2]);
  });
});

describe('definition across the workspace', () => {
  it('finds a global defined at the top of another file, not another file\'s locals', () => {
    const other = snap('function shared_helper() end\nlocal function private_one() end\n');
    const entries = indexEntries({ ...other.snap, uri: 'file:///w/lib.lua' } as typeof other.snap);
    const f = snap('shared_hel$0per()\nprivate_o$0ne()\n');
    expect(definition(f.snap, f.cursors[0]!, entries)).toEqual([{ uri: 'file:///w/lib.lua', range: { start: { line: 0, character: 9 }, end: { line: 0, character: 22 } } }]);
    expect(definition(f.snap, f.cursors[1]!, entries)).toEqual([]); // a local of lib.lua is not visible here
  });
});

describe('globalReferencesIn', () => {
  it('finds unshadowed uses of a global in another text', () => {
    const locs = globalReferencesIn('file:///o.lua', 'helper()\nlocal helper = 1\nprint(helper, t.helper)\n', 'helper');
    expect(locs.map((l) => l.range.start)).toEqual([{ line: 0, character: 0 }]);
    expect(globalReferencesIn('file:///o.lua', 'print(1)\n', 'helper')).toEqual([]);
  });
});
