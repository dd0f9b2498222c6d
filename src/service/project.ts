// A project: the configuration and modules that apply to a set of documents (one `.luamodrc.json`,
// or a workspace folder without one). Documents are analyzed against their project; the files under
// its root are modules of each other (`workspace`, src/checker/workspace-modules.ts).
import picomatch from 'picomatch';
import { statSync } from 'node:fs';
import { relative } from 'node:path';
import { analyze, type Analysis, type CheckerSettings } from '../checker/analyze';
import { environmentFromRegistry, type CheckerEnvironment } from '../checker/environment';
import { WorkspaceModules } from '../checker/workspace-modules';
import type { ModuleRegistry } from '../module/registry';
import { isInside } from '../project/module-resolver';
import { projectLuaFiles } from '../project/project-files';
import { utf8Length } from '../checker/file-too-large';
import { DEFAULT_MAX_FILE_BYTES, readRegularFileSync } from '../io/read-regular-file';
import { LARGE_DOCUMENT_BYTES, syntaxOnlyAnalysis, tooLargeAnalysis } from './syntax-analysis';

export interface Project {
  /** The folder of the config file (or the workspace folder); globs are relative to it. */
  readonly root: string | undefined;
  readonly registry: ModuleRegistry;
  readonly env: CheckerEnvironment;
  readonly settings: CheckerSettings;
  /** Problems met while loading the config or the manifests (shown in the log, never fatal). */
  readonly problems: readonly string[];
  /** The project's Lua files as modules of each other (undefined without a root). */
  readonly workspace: WorkspaceModules | undefined;
  /** Excluded globs as tinyglobby patterns relative to `folder`. */
  excludeGlobs(folder: string): string[];
  /** Largest file read or checked, in bytes (`maxFileSize`). */
  readonly maxFileSize: number;
  /** The UTF-8 size of `text` when it is over maxFileSize (then it is not parsed at all), else undefined. */
  tooLarge(text: string): number | undefined;
  /**
   * Analyzes one document of this project: syntax only above LARGE_DOCUMENT_BYTES, nothing but a
   * `file-too-large` diagnostic above maxFileSize.
   */
  analyze(text: string, uri: string, path?: string): Analysis;
  /** Computes a value derived from the project (e.g. manifest symbols) once, by key. */
  memo<T>(key: string, compute: () => T): T;
}

/** Where the project layer reads files: the server passes one that knows unsaved buffers. */
export interface ProjectSources {
  /** The text of a file (an open buffer, else the disk), undefined when unreadable. */
  read(file: string): string | undefined;
  /** Whether a file exists (on disk or as an open buffer). */
  isFile(file: string): boolean;
}

export interface ProjectInit {
  readonly root: string | undefined;
  readonly registry: ModuleRegistry;
  readonly settings?: CheckerSettings;
  /** Globs (relative to `root`) of files not indexed. */
  readonly exclude?: readonly string[];
  /** Globs (relative to `root`) of workflow scripts. */
  readonly workflows?: readonly string[];
  readonly problems?: readonly string[];
  /** `runtime.path` templates (relative to `root`). */
  readonly runtimePath?: readonly string[];
  /** `runtime.external` names or globs. */
  readonly external?: readonly string[];
  /** Whether top-level globals of one file are known in the others (default true). */
  readonly workspaceGlobals?: boolean;
  /** Where files are read (default: the disk). */
  readonly sources?: ProjectSources;
  /** Largest file read or checked, in bytes (default DEFAULT_MAX_FILE_BYTES). */
  readonly maxFileSize?: number;
}

/** Files above this size are not read as modules. */
const MAX_MODULE_BYTES = 2 * 1024 * 1024;

const diskSources: ProjectSources = {
  // A regular file only (a FIFO or /dev/zero never hangs the server), at most MAX_MODULE_BYTES.
  read: (file) => readRegularFileSync(file, MAX_MODULE_BYTES).text,
  isFile(file) {
    try { return statSync(file).isFile(); } catch { return false; }
  },
};

/** Builds a project; the checker environment is built once and shared by every analysis. */
export function createProject(init: ProjectInit): Project {
  const env = environmentFromRegistry(init.registry);
  const settings = init.settings ?? {};
  const isWorkflow = init.workflows?.length ? picomatch([...init.workflows], { dot: true }) : undefined;
  const isExcluded = init.exclude?.length ? picomatch([...init.exclude], { dot: true }) : () => false;
  const memos = new Map<string, unknown>();
  const maxFileSize = init.maxFileSize ?? DEFAULT_MAX_FILE_BYTES;
  // UTF-16 length ≤ UTF-8 length ≤ 3 × UTF-16 length: count bytes only when it can matter.
  const tooLarge = (text: string): number | undefined => {
    if (text.length > maxFileSize) return utf8Length(text);
    if (text.length * 3 <= maxFileSize) return undefined;
    const size = utf8Length(text);
    return size > maxFileSize ? size : undefined;
  };
  const rel = (path: string): string | undefined => (init.root ? relative(init.root, path).split('\\').join('/') : undefined);
  const workflow = (path: string | undefined): boolean => {
    const r = path && rel(path);
    return r !== undefined && r !== '' && isWorkflow !== undefined && isWorkflow(r);
  };
  const sources = init.sources ?? diskSources;
  const root = init.root;
  let files: string[] | undefined;
  const workspace = root === undefined ? undefined : new WorkspaceModules({
    search: { root, ...(init.runtimePath ? { path: init.runtimePath } : {}), isFile: (f) => sources.isFile(f) },
    external: init.external ?? [],
    workspaceGlobals: init.workspaceGlobals ?? true,
    read: (f) => sources.read(f),
    optionsFor: (file) => ({ env, settings, fileName: file, workflow: workflow(file) }),
    files: () => (files ??= projectLuaFiles(root, (f) => isExcluded(rel(f) ?? ''))),
  });
  return {
    maxFileSize,
    tooLarge,
    root,
    registry: init.registry,
    env,
    settings,
    problems: init.problems ?? [],
    workspace,
    excludeGlobs(folder) {
      if (!init.exclude?.length) return [];
      const prefix = init.root ? relative(folder, init.root).split('\\').join('/') : '';
      return init.exclude.map((g) => (prefix && !prefix.startsWith('..') ? `${prefix}/${g}` : g));
    },
    analyze(text, uri, path) {
      const size = tooLarge(text);
      if (size !== undefined) return tooLargeAnalysis(text, size, maxFileSize, settings);
      if (text.length > LARGE_DOCUMENT_BYTES) return syntaxOnlyAnalysis(text, env, settings.runtime?.version);
      if (workspace && path && root && isInside(root, path)) return workspace.analyze(path, text);
      return analyze(text, { env, settings, fileName: path ?? uri, workflow: workflow(path) });
    },
    memo<T>(key: string, compute: () => T): T {
      if (!memos.has(key)) memos.set(key, compute());
      return memos.get(key) as T;
    },
  };
}
