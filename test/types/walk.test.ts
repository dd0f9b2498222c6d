import { describe, expect, it } from 'vitest';
import { forEachRef, mapType, parseType, typeToString } from '../../src/types';

describe('mapType / forEachRef', () => {
  const t = parseType('fun(a: A, ...B) -> (C?, {x: D, [E]: F}, G[], {[H]: I}, (J | K & L), (M, N), ...O)');

  it('visits every reference in source order', () => {
    const names: string[] = [];
    forEachRef(t, (n) => names.push(n));
    expect(names).toEqual('ABCDEFGHIJKLMNO'.split(''));
  });

  it('rebuilds with replacements and leaves the input alone', () => {
    const before = typeToString(t);
    const out = mapType(t, (x) => (x.kind === 'ref' ? { kind: 'ref', name: `m.${x.name}` } : x));
    expect(typeToString(out)).toBe('fun(a: m.A, ...m.B) -> (m.C?, {x: m.D, [m.E]: m.F}, m.G[], {[m.H]: m.I}, m.J | m.K & m.L, (m.M, m.N), ...m.O)');
    expect(typeToString(t)).toBe(before);
  });

  it('walks interface methods and fields', () => {
    const names: string[] = [];
    forEachRef({ kind: 'interface', name: 'I', methods: { m: { type: parseType('fun(self) -> X') } }, fields: { f: { type: parseType('Y') } } }, (n) => names.push(n));
    expect(names.sort()).toEqual(['X', 'Y']);
  });
});
