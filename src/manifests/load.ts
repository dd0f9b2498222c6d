// Loading JSON manifests from text, files and folders. Never throws: every problem is a
// ManifestError naming the file, the JSON path and (when known) the line and column.
import { readdirSync, realpathSync } from 'node:fs';
import { isAbsolute, join, relative, sep } from 'node:path';
import { DEFAULT_MAX_FILE_BYTES, readRegularFileSync } from '../io/read-regular-file';
import type { TypeManifest } from '../types';
import { manifestFromJson } from './from-json';
import { formatJsonPath, parseJsonText, type TextPosition } from './json-text';
import { checkManifestSchema } from './schema-check';

/** A problem in a manifest. `path` is a JSON path like `export.fields.join` ('' for the whole file). */
export interface ManifestError {
  readonly file: string;
  readonly path: string;
  readonly message: string;
  /** 1-based, when the position is known. */
  readonly line?: number;
  /** 1-based, when the position is known. */
  readonly column?: number;
}

export interface LoadedManifest {
  readonly file: string;
  /** Undefined when the file is unreadable, not JSON, or has no usable name. */
  readonly manifest?: TypeManifest;
  readonly errors: readonly ManifestError[];
  /** True when the file could not be read at all. */
  readonly unreadable?: boolean;
  /** 0-based position of the key at a JSON path (e.g. `['export', 'fields', 'join']`), for go-to-definition. */
  locate(path: readonly (string | number)[]): TextPosition | undefined;
}

/** `file:line:column: path: message` (parts omitted when unknown). */
export function formatManifestError(e: ManifestError): string {
  const where = e.line === undefined ? e.file : `${e.file}:${e.line}:${e.column ?? 1}`;
  return `${where}: ${e.path ? `${e.path}: ` : ''}${e.message}`;
}

/** A ManifestError at the JSON `path`, with the line and column `locate` finds for it (if any). */
export function manifestErrorAt(
  file: string, path: readonly (string | number)[], message: string,
  locate?: (path: readonly (string | number)[]) => TextPosition | undefined,
): ManifestError {
  const pos = locate?.(path);
  return { file, path: formatJsonPath(path), message, ...(pos ? { line: pos.line + 1, column: pos.character + 1 } : {}) };
}

/** How a manifest is loaded. */
export interface LoadOptions {
  /**
   * Validate against manifests/schema.json (default true). The package's own manifests, which the
   * tests validate, skip it.
   */
  readonly schema?: boolean;
  /** Largest manifest file read, in bytes (default DEFAULT_MAX_FILE_BYTES, 4 MiB). */
  readonly maxBytes?: number;
  /**
   * When set, a file whose real path (symlinks resolved) is outside this folder is not read: it gives
   * an error instead (a `manifests/evil.json` symlink to a file elsewhere on the host).
   */
  readonly confineTo?: string;
}

/** Parses, schema-checks and converts manifest text; `file` is used in errors. */
export function loadManifestJson(text: string, file: string, options: LoadOptions = {}): LoadedManifest {
  const parsed = parseJsonText(text);
  const locate = parsed.locate;
  if (parsed.syntaxErrors.length) {
    // Later syntax errors are mostly echoes of the first: report that one.
    const errors = parsed.syntaxErrors.slice(0, 1).map((e) => ({ file, path: '', message: `invalid JSON: ${e.message}`, line: e.line, column: e.column }));
    return { file, errors, locate };
  }
  const errors: ManifestError[] = [];
  const add = (path: readonly (string | number)[], message: string): void => {
    const p = formatJsonPath(path);
    if (errors.some((e) => e.path === p && e.message === message)) return;
    errors.push(manifestErrorAt(file, path, message, locate));
  };
  const schemaProblems = options.schema === false ? [] : checkManifestSchema(parsed.value);
  for (const problem of schemaProblems) add(problem.path, problem.message);
  const { manifest, problems } = manifestFromJson(parsed.value);
  // The schema already explains a problem at (or around) the same path: say it once.
  const said = schemaProblems.map((p) => formatJsonPath(p.path));
  const related = (p: string): boolean => said.some((q) => q === p || (q !== '' && (p.startsWith(q + '.') || q.startsWith(p + '.'))));
  for (const problem of problems) {
    const p = formatJsonPath(problem.path);
    if (related(p) || (p === 'name' && said.length)) continue;
    add(problem.path, problem.message);
  }
  return { file, manifest, errors, locate };
}

/**
 * Reads and loads one manifest file: only a regular file (not a device or FIFO), of at most
 * `options.maxBytes`. An unreadable file gives `unreadable: true` and one error.
 */
export function loadManifestFile(path: string, options: LoadOptions = {}): LoadedManifest {
  const unreadable = (message: string): LoadedManifest =>
    ({ file: path, errors: [{ file: path, path: '', message }], unreadable: true, locate: () => undefined });
  if (options.confineTo !== undefined && !realPathInside(options.confineTo, path)) {
    return unreadable(`cannot read file: it resolves outside its manifest folder ${options.confineTo} (a symlink to a file elsewhere is not followed)`);
  }
  const read = readRegularFileSync(path, options.maxBytes ?? DEFAULT_MAX_FILE_BYTES);
  if (read.error) return unreadable(`cannot read file: ${read.error.message}`);
  return loadManifestJson(read.text.replace(/^\uFEFF/, ''), path, options);
}

/** Whether `path`'s real location is inside `folder`'s (false when either cannot be resolved). */
function realPathInside(folder: string, path: string): boolean {
  try {
    const rel = relative(realpathSync(folder), realpathSync(path));
    return rel === '' || (rel !== '..' && !rel.startsWith('..' + sep) && !isAbsolute(rel));
  } catch {
    return false;
  }
}

/**
 * Loads every `*.json` file of `dir` (sorted by name; `schema.json` skipped). An unreadable folder
 * gives one LoadedManifest with `unreadable: true`.
 */
export function loadManifestDir(dir: string, options: LoadOptions = {}): LoadedManifest[] {
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => n.endsWith('.json') && n !== 'schema.json').sort();
  } catch (err) {
    const message = `cannot read manifest folder: ${(err as NodeJS.ErrnoException).code ?? String(err)}`;
    return [{ file: dir, errors: [{ file: dir, path: '', message }], unreadable: true, locate: () => undefined }];
  }
  return names.map((n) => loadManifestFile(join(dir, n), options));
}
