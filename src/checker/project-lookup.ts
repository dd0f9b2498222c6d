// What `analyze` may know about the project a file belongs to: the other Lua files it can
// `require`, the `---@class`/`---@alias`/`---@enum` names and the top-level globals they declare.
// analyze stays pure: it only calls these functions (src/checker/workspace-modules.ts implements them
// over the shared resolver, src/project/module-resolver.ts, with a cache per file version).
import type { RecordType, Type } from '../types/type';
import type { ModuleInfo } from './environment';

/** What `require(name)` of a name no host module or manifest provides gives. */
export type ProjectRequire =
  /** A project file: its module (type = what its chunk returns). */
  | { readonly kind: 'module'; readonly info: ModuleInfo; readonly file: string }
  /** A `runtime.external` name: exists only at run time, typed any. */
  | { readonly kind: 'external' }
  /** A project file whose type is being computed (a `require` cycle): typed any for now. */
  | { readonly kind: 'cycle'; readonly file: string }
  /** No file: `tried` lists the candidate paths, relative to the root. */
  | { readonly kind: 'not-found'; readonly tried: readonly string[] };

/** The project as one file's analysis sees it. Every function is cheap after the first call. */
export interface ProjectLookup {
  require(name: string): ProjectRequire;
  /** A named type declared by another project file (`---@class`, `---@alias`, `---@enum`). */
  type(name: string): Type | undefined;
  /** A global assigned at the top level of another project file (its type), or undefined. */
  global(name: string): Type | undefined;
  /** The names `global` knows (for suggestions and completion). */
  globalNames(): readonly string[];
  /** Module names of the project's files, dotted (for suggestions and completion). */
  moduleNames(): readonly string[];
  /**
   * What the file that built a table (another project file) knew of it: open, its metatable, a
   * class. Read-only: member lookups follow it (`s:push()` through `__index`), writes never do.
   */
  tableInfo(t: RecordType): SharedTableInfo | undefined;
  /** The project module whose export is `t` (the object `require` gave), if any. */
  moduleOfType(t: Type): { readonly name: string; readonly file: string } | undefined;
}

/** The read-only part of a table's TableInfo that other files see. */
export interface SharedTableInfo {
  readonly open: boolean;
  readonly metatable?: Type;
  readonly cls?: boolean;
}

/**
 * The standard library names `require` gives as their global table, as C Lua does
 * (`require("string") == string`).
 */
export const STANDARD_LIBRARY_MODULES: ReadonlySet<string> = new Set([
  'string', 'table', 'math', 'coroutine', 'utf8', 'os', 'io', 'debug', 'package', '_G',
]);
