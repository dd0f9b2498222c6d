// Writes ModuleDefs as JSON manifests (`luamod manifest export`, luamod/manifests): the manifest of
// `types()` with the module's classes and description, its docs, yields and error kinds, so a host
// can ship manifests to script authors who do not run its code.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { manifestToJson } from '../manifests/to-json';
import type { ModuleDef } from './module-def';

export interface ManifestExport {
  readonly name: string;
  /** The file written. */
  readonly file: string;
}

/** The JSON manifest of a ModuleDef (the form `luamod manifest validate` and the registry read). */
export function moduleManifestJson(def: ModuleDef): Record<string, unknown> {
  const m = def.types();
  const json = manifestToJson(m);
  const { name, description, class: classes, ...rest } = json;
  return {
    name: name ?? def.name,
    description: description ?? def.description,
    class: classes ?? [...def.class],
    ...rest,
  };
}

/** Writes `<outDir>/<name>.json` for each module (creating outDir); returns what it wrote. Throws on I/O errors. */
export function writeModuleManifests(defs: readonly ModuleDef[], outDir: string): ManifestExport[] {
  mkdirSync(outDir, { recursive: true });
  return defs.map((def) => {
    const file = join(outDir, `${def.name}.json`);
    writeFileSync(file, JSON.stringify(moduleManifestJson(def), null, 2) + '\n');
    return { name: def.name, file };
  });
}
