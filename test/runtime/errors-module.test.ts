import { describe, expect, it } from 'vitest';
import { errorsModule } from '../../src/modules/errors';
import { runScript } from '../../src/runtime/run-script';
import { ERROR_KINDS } from '../../src/module';

describe('errors ModuleDef', () => {
  it('declares new, wrap, is and every kind constant', () => {
    const m = errorsModule.types();
    expect(m.lookupMember('new')?.type.kind).toBe('function');
    expect(m.lookupMember('wrap')?.type.kind).toBe('function');
    expect(m.lookupMember('errors.is')?.type.kind).toBe('function');
    for (const kind of ERROR_KINDS) expect(m.lookupMember(kind)?.type).toEqual({ kind: 'literal', value: kind });
  });
  it('its build is the runtime library (listing it among modules changes nothing)', async () => {
    const r = await runScript({ source: 'return require("errors") == errors, errors.is(errors.new{message = "x", kind = "TIMEOUT"}, errors.TIMEOUT)', chunkName: 'e.lua', modules: [errorsModule] });
    expect(r.result).toEqual([true, true]);
  });
});

describe('test library manifest', () => {
  it('declares every assertion of the Lua test library', async () => {
    const { testManifest } = await import('../../src/runtime/test-manifest');
    const { TEST_DRIVER } = await import('../../src/runtime/test-lib');
    const m = testManifest();
    for (const name of ['eq', 'neq', 'ok', 'near', 'fails', 'case']) {
      expect(m.lookupMember(name)?.type.kind).toBe('function');
      expect(TEST_DRIVER).toContain(`function T.${name}(`);
    }
  });
});
