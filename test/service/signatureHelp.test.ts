// signatureHelp: label in the notation, active parameter, per-parameter docs; unclosed calls.
import { describe, expect, it } from 'vitest';
import { signatureHelp, openCall } from '../../src/service/signatureHelp';
import { snap } from './helpers';

describe('signatureHelp', () => {
  it('shows the signature and the first parameter after `(`', () => {
    const f = snap('local json = require("json")\nlocal s = json.encode($0');
    const h = signatureHelp(f.snap, f.cursor)!;
    expect(h.signatures[0]!.label).toBe('encode(value: any) -> (string?, Error?)');
    expect(h.activeParameter).toBe(0);
    expect(h.signatures[0]!.parameters![0]!.documentation).toBeDefined();
  });

  it('moves the active parameter after each comma', () => {
    const f = snap('local time = require("time")\nlocal t = time.now()\nprint(t:format("x", $0))\n');
    const h = signatureHelp(f.snap, f.cursor);
    if (h) expect(h.signatures[0]!.label.startsWith('format(')).toBe(true);
    const g = snap('string.sub("abc", 1, $0)');
    const s = signatureHelp(g.snap, g.cursor)!;
    expect(s.activeParameter).toBe(2);
    expect(s.signatures[0]!.label).toMatch(/^sub\(s: string, i: integer, j\?: integer\)/);
  });

  it('lists a function\'s ---@overload signatures; the first with room for the argument is active', () => {
    const src = '---@param name string\n---@overload fun(id: integer, scope: string): integer\nlocal function lookup(name) return name end\n';
    const one = signatureHelp(snap(src + 'print(lookup($0))').snap, snap(src + 'print(lookup($0))').cursor)!;
    expect(one.signatures.map((s) => s.label)).toEqual(['lookup(name: string) -> string', 'lookup(id: integer, scope: string) -> integer']);
    expect(one.activeSignature).toBe(0);
    const f = snap(src + 'print(lookup(1, $0))');
    const two = signatureHelp(f.snap, f.cursor)!;
    expect(two.activeSignature).toBe(1);
    expect(two.activeParameter).toBe(1);
  });

  it('drops self for method calls', () => {
    const f = snap('local time = require("time")\nlocal t = time.now()\nt:add($0)\n');
    const h = signatureHelp(f.snap, f.cursor)!;
    expect(h.signatures[0]!.label).not.toContain('self');
  });

  it('ignores commas in nested calls and tables', () => {
    expect(openCall('f(a, g(b, c), {d, e}, ', 'f(a, g(b, c), {d, e}, '.length)).toEqual({ paren: 1, commas: 3 });
  });

  it('returns null outside calls and for unknown callees', () => {
    const f = snap('local x = 1$0\n');
    expect(signatureHelp(f.snap, f.cursor)).toBeNull();
    const g = snap('local x = (1 + $0');
    expect(signatureHelp(g.snap, g.cursor)).toBeNull();
  });
});

describe('signatureHelp on the user\'s functions', () => {
  it('shows ---@param descriptions', () => {
    const f = snap('---@param name string who to greet\n---@param times integer how often\nlocal function greet(name, times)\n  return name\nend\ngreet("a", $0)\n');
    const h = signatureHelp(f.snap, f.cursor)!;
    expect(h.activeParameter).toBe(1);
    expect(h.signatures[0]!.parameters!.map((p) => (p.documentation as { value: string } | undefined)?.value)).toEqual(['who to greet', 'how often']);
  });
});
