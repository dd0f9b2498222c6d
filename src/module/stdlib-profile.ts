// The standard library of a host profile (`runtime.version` × `runtime.library` of .luamodrc.json):
// the version's whole library from manifests/stdlib/lua-<version>.json ("full"), or the sandbox
// (manifests/lua-stdlib.json, what `luamod run` provides) cut down to the names the version has.
import { join } from 'node:path';
import { loadManifestFile } from '../manifests';
import type { Field, RecordType, Type, TypeManifest } from '../types';

/** Globals and `lua.*` named types of one profile's standard library. */
export interface StdlibProfile {
  readonly globals: ReadonlyMap<string, Field>;
  /** Qualified names (`lua.string`, `lua.io`, `lua.file`). */
  readonly types: ReadonlyMap<string, Type>;
}

/** The versions with a manifest in manifests/stdlib. */
export const STDLIB_VERSIONS = ['5.1', '5.2', '5.3', '5.4', 'luajit'] as const;

/** Loads the version's full manifest from `<root>/manifests/stdlib`; undefined when it cannot be read. */
export function loadFullManifest(root: string, version: string): TypeManifest | undefined {
  if (!(STDLIB_VERSIONS as readonly string[]).includes(version)) return undefined;
  return loadManifestFile(join(root, 'manifests', 'stdlib', `lua-${version}.json`), { schema: false }).manifest;
}

/** The profile's library: all of `full`, or the names of `sandbox` that `full` also has. */
export function stdlibProfile(full: TypeManifest, sandbox: TypeManifest | undefined, library: 'full' | 'sandbox'): StdlibProfile {
  const types = new Map<string, Type>();
  if (library === 'full' || !sandbox) {
    for (const [name, entry] of full.types) types.set(`lua.${name}`, entry.type);
    return { globals: full.globals, types };
  }
  const globals = new Map<string, Field>();
  for (const [name, field] of sandbox.globals) {
    const other = full.globals.get(name);
    if (!other) continue;
    globals.set(name, field);
    const lib = libraryName(field.type);
    const mine = lib ? sandbox.lookupType(lib)?.type : undefined;
    const theirs = lib ? full.lookupType(lib)?.type : undefined;
    if (lib && mine?.kind === 'record' && theirs?.kind === 'record') {
      const fields: Record<string, Field> = {};
      for (const [f, v] of Object.entries(mine.fields)) if (Object.hasOwn(theirs.fields, f)) fields[f] = v;
      const cut: RecordType = { ...mine, fields };
      types.set(`lua.${lib}`, cut);
    }
  }
  return { globals, types };
}

function libraryName(t: Type): string | undefined {
  return t.kind === 'ref' && t.name.startsWith('lua.') ? t.name.slice(4) : undefined;
}
