// The committed docs/modules/<name>.md pages match what the manifests render today
// (regenerate with `node scripts/gen-module-docs.mjs`).
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { moduleDocPages } from '../../src/modules/docs-pages';

const root = join(__dirname, '../..');

describe('docs/modules pages', () => {
  for (const page of moduleDocPages()) {
    it(`${page.file} is up to date`, () => {
      const file = join(root, page.file);
      expect(existsSync(file), `${page.file} is missing: run node scripts/gen-module-docs.mjs`).toBe(true);
      expect(readFileSync(file, 'utf8'), `${page.file} is stale: run node scripts/gen-module-docs.mjs`).toBe(page.markdown);
    });
  }
});
