// The built-in modules as the registry sees them: every name in their manifests resolves, and each
// manifest mirrors its ModuleDef.
import { describe, expect, it } from 'vitest';
import { formatManifestError } from '../../src/manifests';
import { ModuleRegistry } from '../../src/module';
import { builtinModules } from '../../src/modules';

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
