// The generated validators (src/config/luamodrc-validator.generated.ts, src/manifests/manifest-validator.generated.ts)
// match their schemas: regenerating gives the same text. If this fails, run `node scripts/gen-validators.mjs`.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs build script without type declarations
import { GENERATED, generateValidator } from '../../scripts/gen-validators.mjs';

const generated = GENERATED as { schema: string; out: string; name: string }[];
const generate = generateValidator as (schema: string, name: string) => string;

describe('generated schema validators', () => {
  for (const g of generated) {
    it(`${g.name} → ${g.out.replace(/.*\/src\//, 'src/')} is current with the schema and the installed ajv`, () => {
      expect(readFileSync(g.out, 'utf8')).toBe(generate(g.schema, g.name));
    });
  }
});
