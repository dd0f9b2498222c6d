// The one resolver of `require("a.b")` to a project's own Lua file, shared by the checker, the
// language server and the runtime. It follows C Lua's `package.searchpath`: each `runtime.path`
// template (`?.lua`, `?/init.lua`, …) has its `?` replaced by the name with dots turned into
// slashes, relative to the project root. Unlike C Lua, it is confined to the root: a candidate
// outside the root, or a symlink that resolves outside it, is never a match.
//
// Host modules, manifests and the standard library names win over files (the callers ask their
// registry first); `runtime.external` names are modules that exist only at run time.
import { realpathSync, statSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import picomatch from 'picomatch';

/** The default `runtime.path`: `require("a.b")` tries `a/b.lua`, then `a/b/init.lua`. */
export const DEFAULT_RUNTIME_PATH: readonly string[] = ['?.lua', '?/init.lua'];

/** Where and how modules are looked up. */
export interface ModuleSearch {
  /** The project root: templates are relative to it and nothing outside it is ever found. */
  readonly root: string;
  /** `package.path`-style templates (default {@link DEFAULT_RUNTIME_PATH}). */
  readonly path?: readonly string[];
  /**
   * Whether an absolute path is an existing regular file (default: `statSync`). The language server
   * passes one that also knows unsaved buffers of files not yet on disk.
   */
  readonly isFile?: (file: string) => boolean;
  /**
   * The root with symlinks followed, when the caller computed it once (a project resolving many
   * names: src/checker/workspace-modules.ts); computed per call otherwise.
   */
  readonly realRoot?: string;
}

/** The outcome of resolving one module name. */
export type ModuleResolution =
  /** `file` is absolute; `name` is the module name as required. */
  | { readonly kind: 'file'; readonly name: string; readonly file: string }
  /** Nothing matched: `tried` lists the candidate paths, relative to the root, in order. */
  | { readonly kind: 'not-found'; readonly name: string; readonly tried: readonly string[] };

function defaultIsFile(file: string): boolean {
  try { return statSync(file).isFile(); } catch { return false; }
}

/** Whether `file` (absolute, normalised) lies inside `root` (absolute, normalised). */
export function isInside(root: string, file: string): boolean {
  const rel = relative(root, file);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/** `root` as a real path, so that symlinked roots (e.g. /tmp on some systems) compare equal. */
function realRoot(root: string): string {
  try { return realpathSync(root); } catch { return resolve(root); }
}

/**
 * Resolves `require(name)` to a file of the project, as `package.searchpath(name, path)` would,
 * confined to the root. Never throws.
 *
 * @example
 *   resolveModule('util.strings', { root: '/proj' })
 *   // → { kind: 'file', name: 'util.strings', file: '/proj/util/strings.lua' }  (if it exists)
 */
export function resolveModule(name: string, search: ModuleSearch): ModuleResolution {
  const root = resolve(search.root);
  const templates = search.path ?? DEFAULT_RUNTIME_PATH;
  const isFile = search.isFile ?? defaultIsFile;
  const tried: string[] = [];
  // A name with a NUL, or empty, names no file (C Lua would try `.lua`; nothing useful is there).
  if (name === '' || name.includes('\0')) return { kind: 'not-found', name, tried };
  const stem = name.split('.').join('/');
  let real: string | undefined = search.realRoot;
  for (const template of templates) {
    const candidate = resolve(root, template.split('?').join(stem));
    const shown = relative(root, candidate).split(sep).join('/');
    tried.push(shown);
    if (!isInside(root, candidate) || !isFile(candidate)) continue;
    real ??= realRoot(root);
    if (!staysInside(root, real, candidate)) continue;
    return { kind: 'file', name, file: candidate };
  }
  return { kind: 'not-found', name, tried };
}

/** An existing candidate must also be inside the root once symlinks are followed. */
function staysInside(root: string, real: string, candidate: string): boolean {
  let target: string;
  try { target = realpathSync(candidate); } catch { target = candidate; }
  return isInside(real, target) || isInside(root, target);
}

/**
 * The absolute path of `path` (relative to the root, as a `package.searchpath` candidate is) when
 * it is a regular file inside the root, symlinks followed; undefined otherwise.
 */
export function projectFile(root: string, path: string, isFile: (file: string) => boolean = defaultIsFile): string | undefined {
  if (path === '' || path.includes('\0')) return undefined;
  const abs = resolve(root);
  const candidate = resolve(abs, path);
  if (!isInside(abs, candidate) || !isFile(candidate)) return undefined;
  return staysInside(abs, realRoot(abs), candidate) ? candidate : undefined;
}

/** C Lua's message for a module that is not found, with the paths that were tried. */
export function moduleNotFoundMessage(name: string, tried: readonly string[]): string {
  return `module '${name}' not found:` + tried.map((t) => `\n\tno file '${t}'`).join('');
}

/**
 * The module name under which `file` can be required: the shortest over the templates that map it
 * (`a/b.lua` → `a.b`, `a/b/init.lua` → `a.b`); undefined when no template does or it is outside the root.
 */
export function moduleNameOf(file: string, search: Pick<ModuleSearch, 'root' | 'path'>): string | undefined {
  const root = resolve(search.root);
  const abs = resolve(file);
  if (!isInside(root, abs)) return undefined;
  const rel = relative(root, abs).split(sep).join('/');
  let best: string | undefined;
  for (const template of search.path ?? DEFAULT_RUNTIME_PATH) {
    const t = template.split(sep).join('/').replace(/^\.\//, '');
    const q = t.indexOf('?');
    if (q < 0 || t.indexOf('?', q + 1) >= 0) continue;
    const prefix = t.slice(0, q);
    const suffix = t.slice(q + 1);
    if (!rel.startsWith(prefix) || !rel.endsWith(suffix) || rel.length <= prefix.length + suffix.length) continue;
    const stem = rel.slice(prefix.length, rel.length - suffix.length);
    if (stem.includes('.') || stem.startsWith('/') || stem.endsWith('/')) continue;
    const name = stem.split('/').join('.');
    if (best === undefined || name.length < best.length) best = name;
  }
  return best;
}

/**
 * A matcher for `runtime.external`: names or globs of modules that exist at run time with no file
 * or manifest (`"lpeg"`, `"socket.*"`). A glob's `*` matches any run of characters, dots included,
 * so `socket.*` matches `socket.http` and `socket.http.url` but not `socket` itself.
 */
export function externalMatcher(patterns: readonly string[]): (name: string) => boolean {
  if (patterns.length === 0) return () => false;
  const exact = new Set(patterns.filter((p) => !/[*?[\]{}!]/.test(p)));
  const globs = patterns.filter((p) => !exact.has(p));
  const match = globs.length > 0 ? picomatch(globs, { dot: true }) : () => false;
  return (name) => exact.has(name) || (globs.length > 0 && !name.includes('/') && match(name));
}
