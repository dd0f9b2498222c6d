// ModuleRegistry: every module the tools know — ModuleDefs passed in by the caller (the built-ins) and
// JSON manifests from folders — with one name space for types (`time.Time`, `Error`) and globals.
import { readFileSync } from 'node:fs';
import { dirname, join, resolve as resolvePath } from 'node:path';
import { loadManifestDir, loadManifestFile, manifestErrorAt, type LoadedManifest, type ManifestError, type TextPosition } from '../manifests';
import { ErrorInterface, ERROR_TYPE_NAME, fieldsOf, type Field, type Type, type TypeManifest, type TypeResolver } from '../types';
import type { ModuleDef } from './module-def';
import { locateInSource } from './member-source-location';
import { checkManifestNames } from './registry-check';
import { findPackageRoot } from './package-root';
import { loadFullManifest, stdlibProfile, type StdlibProfile } from './stdlib-profile';

export type { ManifestError } from '../manifests';

/** Where a registry entry was defined. */
export type EntrySource =
  | { readonly kind: 'module'; readonly file?: string }
  | { readonly kind: 'json'; readonly file: string };

export interface RegistryEntry {
  readonly name: string;
  /** First line is the summary. */
  readonly description: string;
  readonly classes: readonly string[];
  /** Same as `classes` (ModuleDef's spelling, so an entry can stand where a ModuleDef-like is read). */
  readonly class: readonly string[];
  readonly manifest: TypeManifest;
  /** Returns `manifest` (ModuleDef's spelling). */
  types(): TypeManifest;
  /** Set for built-in (TypeScript) modules. */
  readonly def?: ModuleDef;
  readonly source: EntrySource;
}

/** A global a manifest adds, with the module that declares it. */
export interface GlobalEntry extends Field {
  readonly module: string;
}

export interface RegistryOptions {
  /** ModuleDefs to register, e.g. `builtinModules` from src/modules (the registry does not import them itself). */
  readonly modules?: readonly ModuleDef[];
  /** Folders whose `*.json` files are manifests (e.g. from `.luamodrc.json` `manifests`). */
  readonly manifestDirs?: readonly string[];
  /** Largest manifest file read, in bytes (default 4 MiB; `maxFileSize` of `.luamodrc.json`). */
  readonly maxFileSize?: number;
  /** Single manifest files. */
  readonly manifestFiles?: readonly string[];
  /** Manifests already loaded (e.g. from an editor buffer). */
  readonly loaded?: readonly LoadedManifest[];
  /** Load the package's own `manifests/*.json` (the Lua standard library). Default true. */
  readonly bundled?: boolean;
}

/** A location for go-to-definition: a file and a 0-based position in it. */
export interface MemberLocation extends TextPosition {
  readonly path: string;
}

/**
 * The modules and manifests in play, and a TypeResolver over their types.
 * Problems (bad JSON, schema violations, unknown names, alias cycles, duplicate names) are collected
 * in `errors`; loading never throws.
 * @example
 *   const registry = ModuleRegistry.load({ modules: builtinModules, manifestDirs: ['manifests'] });
 *   registry.resolve('shop.Cart'); registry.get('time')?.manifest.lookupMember('now');
 */
export class ModuleRegistry implements TypeResolver {
  readonly errors: ManifestError[] = [];
  private readonly entries = new Map<string, RegistryEntry>();
  private readonly loadedByName = new Map<string, LoadedManifest>();
  private readonly profiles = new Map<string, StdlibProfile | undefined>();
  /** The luamod package folder (where the bundled manifests are), when found. */
  private packageRoot: string | undefined;

  /** Builds a registry from modules and manifest folders, then checks every type name. */
  static load(options: RegistryOptions = {}): ModuleRegistry {
    const registry = new ModuleRegistry();
    const packageRoot = findPackageRoot();
    registry.packageRoot = options.bundled === false ? undefined : packageRoot;
    for (const def of options.modules ?? []) registry.addModule(def, packageRoot ?? process.cwd());
    // A file given by itself (or already loaded) wins over the same file found in a folder.
    const maxBytes = options.maxFileSize;
    const single = [...(options.manifestFiles ?? []).map((f) => loadManifestFile(f, { maxBytes })), ...(options.loaded ?? [])];
    const singlePaths = new Set(single.map((l) => resolvePath(l.file)));
    const explicit: LoadedManifest[] = [];
    // A folder's files must really be in it: a `evil.json` symlink to a file elsewhere is an error.
    for (const dir of options.manifestDirs ?? []) {
      explicit.push(...loadManifestDir(dir, { maxBytes, confineTo: dir }).filter((l) => !singlePaths.has(resolvePath(l.file))));
    }
    explicit.push(...single);
    const seen = new Set<string>();
    const fresh = (l: LoadedManifest): boolean => {
      const key = resolvePath(l.file);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    };
    // A file named explicitly (e.g. by `manifest validate`) is not loaded a second time as bundled.
    const explicitFiles = new Set(explicit.map((l) => resolvePath(l.file)));
    const root = options.bundled === false ? undefined : packageRoot;
    // The package's own manifests are validated by the tests; not schema-checked on every start.
    const bundled = root ? loadManifestDir(resolvePath(root, 'manifests'), { schema: false }).filter((l) => !l.unreadable && !explicitFiles.has(resolvePath(l.file))) : [];
    for (const l of [...bundled, ...explicit]) if (fresh(l)) registry.addLoaded(l);
    registry.check();
    return registry;
  }

  /** The module named `name`, if registered. */
  get(name: string): RegistryEntry | undefined {
    return this.entries.get(name);
  }

  /** Every module, in registration order (built-ins first). */
  list(): RegistryEntry[] {
    return [...this.entries.values()];
  }

  /**
   * Resolves `Error`, `<module>.<Type>` (a defined type) or `<module>` (the module's export type).
   * Names are matched at the last dot, so module names without dots are assumed.
   */
  resolve(name: string): Type | undefined {
    if (name === ERROR_TYPE_NAME) return ErrorInterface;
    const dot = name.lastIndexOf('.');
    if (dot > 0) {
      const entry = this.entries.get(name.slice(0, dot))?.manifest.lookupType(name.slice(dot + 1));
      if (entry) return entry.type;
    }
    return this.entries.get(name)?.manifest.exportType;
  }

  /** Globals every script sees (the Lua standard library, always-present modules like `errors`). */
  globals(): Map<string, GlobalEntry> {
    const out = new Map<string, GlobalEntry>();
    for (const entry of this.entries.values()) {
      for (const [name, field] of entry.manifest.globals) if (!out.has(name)) out.set(name, { ...field, module: entry.name });
    }
    return out;
  }

  /**
   * The standard library of a host profile (`runtime.version`, `runtime.library`): undefined for the
   * default (5.3 sandbox: the bundled `lua` manifest's globals), or when the version is unknown or
   * the bundled manifests are not loaded.
   */
  stdlib(version: string, library: 'full' | 'sandbox'): StdlibProfile | undefined {
    if (version === '5.3' && library === 'sandbox') return undefined;
    const key = `${version}/${library}`;
    if (this.profiles.has(key)) return this.profiles.get(key);
    const full = this.packageRoot ? loadFullManifest(this.packageRoot, version) : undefined;
    const profile = full && stdlibProfile(full, this.entries.get('lua')?.manifest, library);
    this.profiles.set(key, profile);
    return profile;
  }

  /**
   * Where `memberPath` of module `name` is defined: `''` (the module), `join` (an export), `Cart`
   * (a type), `Cart.add` (a method or field), or a global name. For ModuleDefs: the source file, line 0.
   */
  locateMember(name: string, memberPath = ''): MemberLocation | undefined {
    const entry = this.entries.get(name);
    if (!entry) return undefined;
    if (entry.source.kind === 'module') return entry.source.file ? locateInModuleSource(entry.source.file, memberPath) : undefined;
    const loaded = this.loadedByName.get(name)!;
    for (const jsonPath of candidatePaths(entry.manifest, memberPath)) {
      const pos = loaded.locate(jsonPath);
      if (pos) return { path: entry.source.file, ...pos };
    }
    return undefined;
  }

  /** Registers a ModuleDef; its `source` is absolute or relative to `base` (the luamod package). */
  private addModule(def: ModuleDef, base: string): void {
    const file = def.source ? resolvePath(base, def.source) : undefined;
    let manifest: TypeManifest;
    try {
      manifest = def.types();
    } catch (err) {
      this.errors.push({ file: file ?? `<module ${def.name}>`, path: '', message: `types() failed: ${err instanceof Error ? err.message : String(err)}` });
      return;
    }
    if (manifest.name !== def.name) {
      this.errors.push({ file: file ?? `<module ${def.name}>`, path: 'name', message: `types() returned the manifest of '${manifest.name}', not '${def.name}'` });
    }
    // The manifest mirrors its def: what the def says about classes and description wins where the manifest is silent.
    if (manifest.classes.length === 0) manifest.classes = [...def.class];
    manifest.description ??= def.description;
    this.add(entryOf(def.name, def.description, [...def.class], manifest, { kind: 'module', ...(file ? { file } : {}) }, def));
  }

  private addLoaded(l: LoadedManifest): void {
    this.errors.push(...l.errors);
    if (!l.manifest) return;
    const m = l.manifest;
    if (this.add(entryOf(m.name, m.description ?? '', m.classes, m, { kind: 'json', file: l.file }), l.locate)) {
      this.loadedByName.set(m.name, l);
    }
  }

  /** Adds `entry` unless its name is taken; `locate` positions the error on the manifest's `name`. */
  private add(entry: RegistryEntry, locate?: LoadedManifest['locate']): boolean {
    const existing = this.entries.get(entry.name);
    if (existing) {
      const message = `duplicate module name '${entry.name}': already defined by ${sourceName(existing)}`;
      this.errors.push(manifestErrorAt(sourceName(entry), ['name'], message, locate));
      return false;
    }
    this.entries.set(entry.name, entry);
    return true;
  }

  /** Checks every type name in every manifest (unknown names, alias cycles). */
  private check(): void {
    for (const entry of this.entries.values()) {
      const locate = this.loadedByName.get(entry.name)?.locate;
      const file = sourceName(entry);
      for (const problem of checkManifestNames(entry.manifest, this)) {
        this.errors.push(manifestErrorAt(file, problem.path, problem.message, locate));
      }
    }
  }
}

function entryOf(name: string, description: string, classes: readonly string[], manifest: TypeManifest, source: EntrySource, def?: ModuleDef): RegistryEntry {
  return { name, description, classes, class: classes, manifest, types: () => manifest, source, ...(def ? { def } : {}) };
}

function sourceName(entry: RegistryEntry): string {
  return entry.source.kind === 'json' ? entry.source.file : entry.source.file ?? `<module ${entry.name}>`;
}

/** JSON paths where `memberPath` may be written in a manifest, most specific first. */
function candidatePaths(m: TypeManifest, memberPath: string): (string | number)[][] {
  if (memberPath === '') return [['name']];
  const dot = memberPath.indexOf('.');
  if (dot < 0) {
    return [['export', 'fields', memberPath], ['types', memberPath], ['globals', memberPath]];
  }
  const [type, member] = [memberPath.slice(0, dot), memberPath.slice(dot + 1)];
  const entryType = m.lookupType(type)?.type;
  const paths = [['types', type, 'methods', member], ['types', type, 'fields', member]];
  return fieldsOf(entryType) ? paths : [['types', type]];
}

/**
 * A ModuleDef member's declaration: in the `manifest.ts` beside its source when that mentions it,
 * else in the source itself, else the source's first line.
 */
function locateInModuleSource(file: string, memberPath: string): MemberLocation {
  for (const path of [join(dirname(file), 'manifest.ts'), file]) {
    let text: string;
    try { text = readFileSync(path, 'utf8'); } catch { continue; }
    const at = locateInSource(text, memberPath);
    if (at) return { path, ...at };
  }
  return { path: file, line: 0, character: 0 };
}
