// Every built-in module documents every member: description, an example, each parameter, what it
// returns, and the error kinds of any `Error?` return slot (and only known kinds).
import { describe, expect, it } from 'vitest';
import { builtinModules } from '../../src/modules';
import { ERROR_KINDS } from '../../src/module/host-api';
import { fieldsOf } from '../../src/types/manifest';
import type { Field, Type } from '../../src/types/type';
import { loadManifestJson, manifestToJson } from '../../src/manifests';

const OURS = ['time', 'json', 'base64', 'hash', 'uuid', 'env', 'logger', 'fs'];

/** Every documented member of a manifest: export fields and the methods of its defined types. */
function members(name: string): [string, Field][] {
  const def = builtinModules.find((d) => d.name === name)!;
  const m = def.types();
  const out: [string, Field][] = [];
  const exp = m.exportType?.kind === 'ref' ? undefined : fieldsOf(m.exportType);
  for (const [k, f] of Object.entries(exp ?? {})) out.push([`${name}.${k}`, f]);
  for (const entry of m.types.values()) {
    for (const [k, f] of Object.entries(fieldsOf(entry.type) ?? {})) out.push([`${name}.${entry.name}:${k}`, f]);
  }
  return out;
}

const mentionsError = (t: Type): boolean =>
  (t.kind === 'ref' && t.name === 'Error') || (t.kind === 'optional' && mentionsError(t.type))
  || (t.kind === 'union' && t.types.some(mentionsError));

describe('built-in module manifests', () => {
  it('lists the eight modules in builtinModules', () => {
    expect(builtinModules.map((d) => d.name)).toEqual(expect.arrayContaining(OURS));
  });

  for (const name of OURS) {
    it(`${name}: every member is documented`, () => {
      const def = builtinModules.find((d) => d.name === name)!;
      expect(def.description.length).toBeGreaterThan(10);
      expect(def.types().description).toBeTruthy();
      const list = members(name);
      expect(list.length).toBeGreaterThan(0);
      for (const [path, f] of list) {
        expect(f.description, path).toBeTruthy();
        expect(f.examples?.length, path).toBeGreaterThan(0);
        if (f.type.kind !== 'function') continue;
        for (const p of f.type.params) {
          if (p.name !== 'self') expect(f.params?.[p.name], `${path} param ${p.name}`).toBeTruthy();
        }
        expect(Object.keys(f.params ?? {}).every((p) => f.type.kind === 'function' && f.type.params.some((q) => q.name === p)), `${path}: params docs name real params`).toBe(true);
        if (f.type.returns.length > 0) expect(f.returns, `${path} returns`).toBeTruthy();
        const errorSlot = f.type.returns.some(mentionsError);
        expect((f.errors?.length ?? 0) > 0, `${path}: errors documented iff an Error slot`).toBe(errorSlot);
        for (const k of f.errors ?? []) expect(ERROR_KINDS, path).toContain(k);
      }
    });
  }

  for (const name of OURS) {
    it(`${name}: the JSON manifest form loads back without errors`, () => {
      const def = builtinModules.find((d) => d.name === name)!;
      const loaded = loadManifestJson(JSON.stringify(manifestToJson(def.types())), `${name}.json`);
      expect(loaded.errors).toEqual([]);
    });
  }
});
