// The generated config validator (src/config/luamodrc-validator.generated.ts) matches the schema:
// regenerating it gives the same text. If this fails, run `node scripts/gen-config-validator.mjs`.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs build script without type declarations
import { GENERATED_PATH, generateConfigValidator } from '../../scripts/gen-config-validator.mjs';

describe('generated config validator', () => {
  it('is current with schemas/luamodrc.schema.json and the installed ajv', () => {
    expect(readFileSync(GENERATED_PATH as string, 'utf8')).toBe((generateConfigValidator as () => string)());
  });
});
