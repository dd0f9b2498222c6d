// The package's own manifests (manifests/*.json) conform to manifests/schema.json. The registry
// skips the schema check for them at run time (start-up cost), so this test is where they are checked.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadManifestFile } from '../../src/manifests';

const DIR = join(__dirname, '../../manifests');

describe('bundled manifests', () => {
  const names = readdirSync(DIR).filter((n) => n.endsWith('.json') && n !== 'schema.json');
  it('there are some (the standard library at least)', () => {
    expect(names).toContain('lua-stdlib.json');
  });
  for (const name of names) {
    it(`${name} passes the schema and converts without problems`, () => {
      const loaded = loadManifestFile(join(DIR, name));
      expect(loaded.errors).toEqual([]);
      expect(loaded.manifest).toBeDefined();
    });
  }
});
