// docs/manifests.md is checked: its notation examples parse, its JSON example is the shop manifest,
// and the schema it points to compiles under ajv's strict mode.
import Ajv from 'ajv';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseType, typeToString } from '../../src/types';

const ROOT = join(__dirname, '../..');
const doc = readFileSync(join(ROOT, 'docs/manifests.md'), 'utf8');

describe('docs/manifests.md', () => {
  it('every notation in the table parses, and canonical ones print back unchanged', () => {
    const table = doc.slice(doc.indexOf('| Notation | Meaning |'), doc.indexOf('Precedence, loosest first'));
    const cells = [...table.matchAll(/^\| (.+?) \|/gm)].map((m) => m[1]!).slice(2);
    const notations = cells.flatMap((cell) => [...cell.matchAll(/`([^`]+)`/g)].map((m) => m[1]!.replace(/\\\|/g, '|')));
    expect(notations.length).toBeGreaterThan(30);
    for (const text of notations) expect(() => parseType(text), text).not.toThrow();
    for (const text of ['fun(a: number, b?: string, ...any) -> (string, Error?)', 'fun(self, d: Duration) -> Time', '{name: string, age?: integer}', '(A | B)[]']) {
      expect(typeToString(parseType(text))).toBe(text);
    }
  });

  it('the JSON example is examples/shop/manifests/shop.json', () => {
    const block = doc.match(/## JSON manifests[\s\S]*?```json\n([\s\S]*?)```/)![1]!;
    const file = readFileSync(join(ROOT, 'examples/shop/manifests/shop.json'), 'utf8');
    expect(JSON.parse(block)).toEqual(JSON.parse(file));
  });

  it('manifests/schema.json is a strict, valid draft-07 schema', () => {
    const schema = JSON.parse(readFileSync(join(ROOT, 'manifests/schema.json'), 'utf8'));
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(() => new Ajv({ strict: true }).compile(schema)).not.toThrow();
  });
});
