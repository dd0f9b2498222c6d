import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatManifestError, loadManifestFile, loadManifestJson, manifestToJson } from '../../src/manifests';
import { typeToString } from '../../src/types';

const SHOP = join(__dirname, '../../examples/shop/manifests/shop.json');
const load = (value: unknown) => loadManifestJson(JSON.stringify(value, null, 2), 'm.json');
const errorsOf = (value: unknown) => load(value).errors.map((e) => `${e.path}: ${e.message}`);

describe('loadManifestFile: the shop example of issue 2', () => {
  const loaded = loadManifestFile(SHOP);
  const m = loaded.manifest!;

  it('loads without errors', () => {
    expect(loaded.errors).toEqual([]);
    expect(m.name).toBe('shop');
    expect(m.description).toBe('Shopping cart helpers.');
    expect(m.classes).toEqual(['deterministic']);
  });

  it('qualifies local names and builds the interface and record', () => {
    expect(typeToString(m.lookupType('Item')!.type)).toBe('{sku: string, qty: integer, note?: string}');
    const cart = m.lookupType('Cart')!.type;
    expect(cart).toMatchObject({ kind: 'interface', name: 'shop.Cart' });
    expect(typeToString(m.lookupMember('Cart.add')!.type)).toBe('fun(self, item: shop.Item) -> (boolean?, Error?)');
    expect(m.lookupMember('Cart.add')!.description).toBe('Adds an item.');
    expect(typeToString(m.lookupMember('new_cart')!.type)).toBe('fun(owner: string) -> shop.Cart');
    expect(m.exportType).toMatchObject({ kind: 'record', name: 'shop' });
  });

  it('round-trips to the same JSON, key for key', () => {
    const original = JSON.parse(readFileSync(SHOP, 'utf8'));
    expect(JSON.stringify(manifestToJson(m))).toBe(JSON.stringify(original));
  });

  it('locates members for go-to-definition (0-based)', () => {
    expect(loaded.locate(['export', 'fields', 'join'])).toEqual({ line: 13, character: 4 });
    expect(loaded.locate(['nope'])).toBeUndefined();
  });
});

describe('loadManifestJson: member and type forms', () => {
  it('documented members, yields, errors, optional, readonly, globals, open records', () => {
    const { manifest, errors } = load({
      name: 'kv', class: ['storage', 'io'],
      types: {
        Entry: { fields: { key: 'string', ttl: { type: 'integer', optional: true, readonly: true } }, open: true, description: 'An entry.' },
        Key: { type: 'string', description: 'A key.', examples: ['"a"'], deprecated: 'use Entry' },
      },
      export: { fields: {
        get: { type: 'fun(key: Key) -> (Entry?, Error?)', yields: true, errors: ['NOT_FOUND'], examples: ['local e, err = kv.get("a")'] },
      } },
      globals: { KV_VERSION: { type: 'string', description: 'Version.' } },
    });
    expect(errors).toEqual([]);
    const get = manifest!.lookupMember('get')!;
    expect(get.type).toMatchObject({ kind: 'function', yields: true });
    expect(get.errors).toEqual(['NOT_FOUND']);
    expect(manifest!.lookupType('Entry')).toMatchObject({ description: 'An entry.', type: { kind: 'record', open: true, name: 'kv.Entry' } });
    expect(manifest!.lookupMember('Entry.ttl')).toMatchObject({ optional: true, readonly: true });
    expect(manifest!.lookupType('Key')).toMatchObject({ deprecated: 'use Entry', examples: ['"a"'] });
    expect(manifest!.globals.get('KV_VERSION')?.description).toBe('Version.');
  });
});

describe('loadManifestJson: broken manifests never throw', () => {
  it('bad JSON gives line and column', () => {
    const r = loadManifestJson('{\n  "name": "x",\n  "export": }\n', 'bad.json');
    expect(r.manifest).toBeUndefined();
    expect(r.errors[0]).toMatchObject({ file: 'bad.json', line: 3, column: 13 });
    expect(r.errors[0]!.message).toMatch(/^invalid JSON: expected a value/);
    expect(formatManifestError(r.errors[0]!)).toMatch(/^bad\.json:3:13: invalid JSON/);
  });

  it.each([
    ['trailing comma', '{"name": "x",}'],
    ['comment', '{"name": "x" // hi\n}'],
    ['empty file', ''],
    ['not an object', '[1, 2]'],
  ])('%s', (_label, text) => {
    const r = loadManifestJson(text, 'f.json');
    expect(r.errors.length).toBeGreaterThan(0);
    expect(r.errors[0]!.file).toBe('f.json');
  });

  it.each([
    [{ description: 'no name' }, ': missing property \'name\''],
    [{ name: 'x', colour: 1 }, ": unknown property 'colour'"],
    [{ name: 'x', class: ['fast'] }, 'class[0]: must be one of'],
    [{ name: 'x', export: { fields: { join: 42 } } }, 'export.fields.join: must be a string or an object'],
    [{ name: 'x', export: { fields: { join: { description: 'no type' } } } }, 'export.fields.join'],
    [{ name: 'x', export: { fields: { join: { type: 'string', yield: true } } } }, "unknown property 'yield'"],
    [{ name: 'x', export: { fields: { f: { type: 'fun()', errors: ['not-a-kind'] } } } }, 'export.fields.f.errors[0]'],
    [{ name: 'x', types: { 'bad-name': 'string' } }, 'types'],
    [{ name: 'x', export: { fields: { join: 'fun(sep string) -> string' } } },
      `export.fields.join: bad type "fun(sep string) -> string": expected ':' at column 9`],
    [{ name: 'x', export: { fields: { n: { type: 'string', yields: true } } } }, 'export.fields.n.yields: "yields" applies to functions only'],
  ])('%j → %s', (value, expected) => {
    const errors = errorsOf(value);
    expect(errors.some((e) => e.startsWith(expected) || e.includes(expected)), errors.join('\n')).toBe(true);
  });

  it('schema errors carry the position of the offending key', () => {
    const r = load({ name: 'x', export: { fields: { join: 42 } } });
    expect(r.errors[0]).toMatchObject({ path: 'export.fields.join', line: 5, column: 7 });
  });

  it('a bad member is skipped, the rest still loads', () => {
    const r = load({ name: 'x', export: { fields: { bad: 'fun(', good: 'string' } } });
    expect(r.manifest!.lookupMember('good')).toBeDefined();
    expect(r.manifest!.lookupMember('bad')).toBeUndefined();
  });

  it('an unreadable file is flagged', () => {
    const r = loadManifestFile(join(__dirname, 'does-not-exist.json'));
    expect(r.unreadable).toBe(true);
    expect(r.errors[0]!.message).toBe('cannot read file: no such file');
  });
});

describe('loadManifestJson: robustness', () => {
  it('property: any JSON value or text gives a result, never an exception', async () => {
    const fc = (await import('fast-check')).default;
    const member = fc.oneof(fc.string(), fc.jsonValue({ maxDepth: 2 }));
    const manifestish = fc.record({
      name: fc.oneof(fc.constant('m'), fc.jsonValue({ maxDepth: 1 })),
      types: fc.dictionary(fc.string(), member, { maxKeys: 3 }),
      export: fc.oneof(member, fc.record({ fields: fc.dictionary(fc.string(), member, { maxKeys: 3 }) })),
      globals: fc.jsonValue({ maxDepth: 2 }),
    }, { requiredKeys: [] });
    fc.assert(fc.property(fc.oneof(fc.jsonValue().map((v) => JSON.stringify(v)), manifestish.map((v) => JSON.stringify(v)), fc.string()), (text) => {
      const r = loadManifestJson(text, 'x.json');
      for (const e of r.errors) {
        expect(e.file).toBe('x.json');
        expect(typeof e.message).toBe('string');
      }
    }), { numRuns: 500 });
  });
});

describe('loadManifestJson: deep input', () => {
  it('deeply nested JSON is an error, not a crash', () => {
    const deep = '{"name": "x", "globals": ' + '['.repeat(200_000) + ']'.repeat(200_000) + '}';
    const r = loadManifestJson(deep, 'deep.json');
    expect(r.errors.length).toBeGreaterThan(0);
    const broken = '['.repeat(200_000);
    expect(loadManifestJson(broken, 'b.json').errors[0]!.message).toMatch(/^invalid JSON/);
  });
});
