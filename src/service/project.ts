// A project: the configuration and modules that apply to a set of documents (one `.luamodrc.json`,
// or a workspace folder without one). Documents are analyzed against their project; the files under
// its root are modules of each other (`workspace`, src/checker/workspace-modules.ts).
import picomatch from 'picomatch';
import { readFileSync, statSync } from 'node:fs';
import { relative } from 'node:path';
import { analyze, type Analysis, type CheckerSettings } from '../checker/analyze';
import { environmentFromRegistry, type CheckerEnvironment } from '../checker/environment';
import { WorkspaceModules } from '../checker/workspace-modules';
import type { ModuleRegistry } from '../module/registry';
import { isInside } from '../project/module-resolver';
import { projectLuaFiles } from '../project/project-files';
import { LARGE_DOCUMENT_BYTES, syntaxOnlyAnalysis } from './syntax-analysis';

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
  /** Analyzes one document of this project (syntax only above LARGE_DOCUMENT_BYTES). */
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
}

/** Files above this size are not read as modules. */
const MAX_MODULE_BYTES = 2 * 1024 * 1024;

const diskSources: ProjectSources = {
  read(file) {
    try {
      if (statSync(file).size > MAX_MODULE_BYTES) return undefined;
      return readFileSync(file, 'utf8');
    } catch {
      return undefined;
    }
  },
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
      if (text.length > LARGE_DOCUMENT_BYTES) return syntaxOnlyAnalysis(text, env);
      if (workspace && path && root && isInside(root, path)) return workspace.analyze(path, text);
      return analyze(text, { env, settings, fileName: path ?? uri, workflow: workflow(path) });
    },
    memo<T>(key: string, compute: () => T): T {
      if (!memos.has(key)) memos.set(key, compute());
      return memos.get(key) as T;
    },
  };
}
