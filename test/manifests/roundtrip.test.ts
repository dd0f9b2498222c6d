import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadManifestJson, manifestToJson } from '../../src/manifests';
import { typeToString, type Type } from '../../src/types';
import { arbType } from '../types/arbitrary';

// Canonical manifest JSON: notation in canonical form, keys in the order manifestToJson writes them.
const notation = arbType.map((t) => typeToString(t));
const fnNotation = arbType.map((t) => typeToString({ kind: 'function', params: [], returns: [t] } as Type));
const docs = fc.record(
  { description: fc.string(), examples: fc.array(fc.string(), { maxLength: 2 }), deprecated: fc.string() },
  { requiredKeys: [] },
);
const memberDocs = fc.record(
  { description: fc.string(), params: fc.dictionary(fc.constantFrom('a', 'b', '__proto__'), fc.string(), { maxKeys: 2 }), returns: fc.string(),
    examples: fc.array(fc.string(), { maxLength: 2 }), deprecated: fc.string() },
  { requiredKeys: [] },
);
const memberObject = fc.record({
  type: notation,
  doc: memberDocs,
  errors: fc.option(fc.constantFrom(['NOT_FOUND'], ['INVALID', 'TIMEOUT']), { nil: undefined }),
  optional: fc.boolean(),
  readonly: fc.boolean(),
}).map(({ type, doc, errors, optional, readonly }) => ({
  type, ...doc, ...(errors ? { errors } : {}), ...(optional ? { optional } : {}), ...(readonly ? { readonly } : {}),
})).filter((o) => Object.keys(o).length > 1);
const yieldingMember = fc.record({ type: fnNotation, description: fc.string() }).map((o) => ({ type: o.type, description: o.description, yields: true }));
const member = fc.oneof(notation, memberObject, yieldingMember);
const memberKey = fc.constantFrom('a', 'join', 'new_cart', 'VERSION', 'with space', '__proto__', 'é');
const members = fc.dictionary(memberKey, member, { maxKeys: 3 });
const typeDef = fc.oneof(
  notation,
  fc.record({ methods: members, doc: docs }).map(({ methods, doc }) => ({ methods, ...doc })),
  fc.record({ fields: members, open: fc.boolean(), doc: docs }).map(({ fields, open, doc }) => ({ fields, ...(open ? { open } : {}), ...doc })),
  fc.record({ type: notation, description: fc.string() }),
);
const manifestJson = fc.record({
  description: fc.option(fc.string(), { nil: undefined }),
  class: fc.option(fc.subarray(['deterministic', 'io', 'workflow'], { minLength: 1 }), { nil: undefined }),
  types: fc.option(fc.dictionary(fc.constantFrom('Item', 'Cart', 'A', 'x_1'), typeDef, { minKeys: 1, maxKeys: 3 }), { nil: undefined }),
  export: fc.option(typeDef, { nil: undefined }),
  globals: fc.option(fc.dictionary(memberKey, member, { minKeys: 1, maxKeys: 2 }), { nil: undefined }),
}).map((m) => {
  const out: Record<string, unknown> = { name: 'gen' };
  for (const key of ['description', 'class', 'types', 'export', 'globals'] as const) if (m[key] !== undefined) out[key] = m[key];
  return out;
});

describe('manifestToJson', () => {
  it('property: canonical manifest JSON loads without errors and writes back identically', () => {
    fc.assert(fc.property(manifestJson, (json) => {
      const text = JSON.stringify(json);
      const loaded = loadManifestJson(text, 'gen.json');
      expect(loaded.errors).toEqual([]);
      expect(JSON.stringify(manifestToJson(loaded.manifest!))).toBe(text);
    }), { numRuns: 300 });
  });

  it('non-canonical notation comes back in canonical form, which is then stable', () => {
    const loaded = loadManifestJson(JSON.stringify({
      name: 'm', types: { T: '{T2}', T2: { type: 'string', description: 'd' } },
      export: { fields: { f: 'fun(x: integer): string', g: { type: 'fun(b: T?)' } } },
    }), 'm.json');
    const once = manifestToJson(loaded.manifest!);
    expect(once).toEqual({
      name: 'm', types: { T: 'T2[]', T2: { type: 'string', description: 'd' } },
      export: { fields: { f: 'fun(x: integer) -> string', g: 'fun(b?: T)' } },
    });
    expect(manifestToJson(loadManifestJson(JSON.stringify(once), 'm.json').manifest!)).toEqual(once);
  });
});
