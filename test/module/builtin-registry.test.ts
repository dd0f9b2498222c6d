// The built-in modules as the registry sees them: every name in their manifests resolves, and each
// manifest mirrors its ModuleDef.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatManifestError } from '../../src/manifests';
import { ModuleRegistry } from '../../src/module';
import { builtinModules } from '../../src/modules';
import { fieldsOf } from '../../src/types';

describe('built-in modules in the registry', () => {
  const registry = ModuleRegistry.load({ modules: builtinModules });

  it('load without errors (every type name resolves, no alias cycles, no duplicates)', () => {
    expect(registry.errors.map(formatManifestError)).toEqual([]);
  });

  it.each(builtinModules.map((d) => [d.name, d] as const))('%s: manifest mirrors the def and has a source', (name, def) => {
    const entry = registry.get(name)!;
    expect(entry.manifest.name).toBe(name);
    expect(entry.manifest.classes).toEqual([...def.class]);
    expect(entry.manifest.description).toBe(def.description);
    expect(entry.manifest.exportType).toBeDefined();
    expect(registry.locateMember(name, 'anything')?.path).toMatch(/\.ts$/);
  });
});

describe('go-to-definition of built-in module members', () => {
  const registry = ModuleRegistry.load({ modules: builtinModules });
  const lineOf = (name: string, member: string) => {
    const at = registry.locateMember(name, member)!;
    return readFileSync(at.path, 'utf8').split('\n')[at.line]!.slice(at.character);
  };
  it('lands on the member\'s own line in the module\'s manifest.ts, not on line 1', () => {
    expect(lineOf('json', 'encode')).toMatch(/^encode: fn\(/);
    expect(lineOf('time', 'unix')).toMatch(/^unix: fn\(\{\s*$/);
    expect(lineOf('time', 'Time.unix')).toMatch(/^unix: fn\(\{ sig: 'fun\(self\) -> integer'/);
    expect(lineOf('time', 'Time')).toMatch(/Time/);
    expect(registry.locateMember('json', '')).toMatchObject({ line: 0, character: 0 });
  });
  it('every member of every built-in module has a line of its own', () => {
    for (const def of builtinModules) {
      const entry = registry.get(def.name)!;
      for (const member of Object.keys(fieldsOf(entry.manifest.exportType!) ?? {})) {
        const at = registry.locateMember(def.name, member)!;
        expect(at.line > 0 || at.character > 0, `${def.name}.${member}`).toBe(true);
      }
    }
  });
});
