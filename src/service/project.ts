// A project: the configuration and modules that apply to a set of documents (one `.luamodrc.json`,
// or a workspace folder without one). Documents are analyzed against their project.
import picomatch from 'picomatch';
import { relative } from 'node:path';
import { analyze, type Analysis, type CheckerSettings } from '../checker/analyze';
import { environmentFromRegistry, type CheckerEnvironment } from '../checker/environment';
import type { ModuleRegistry } from '../module/registry';
import { LARGE_DOCUMENT_BYTES, syntaxOnlyAnalysis } from './syntax-analysis';

export interface Project {
  /** The folder of the config file (or the workspace folder); globs are relative to it. */
  readonly root: string | undefined;
  readonly registry: ModuleRegistry;
  readonly env: CheckerEnvironment;
  readonly settings: CheckerSettings;
  /** Problems met while loading the config or the manifests (shown in the log, never fatal). */
  readonly problems: readonly string[];
  /** Excluded globs as tinyglobby patterns relative to `folder`. */
  excludeGlobs(folder: string): string[];
  /** Analyzes one document of this project (syntax only above LARGE_DOCUMENT_BYTES). */
  analyze(text: string, uri: string, path?: string): Analysis;
  /** Computes a value derived from the project (e.g. manifest symbols) once, by key. */
  memo<T>(key: string, compute: () => T): T;
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
}

/** Builds a project; the checker environment is built once and shared by every analysis. */
export function createProject(init: ProjectInit): Project {
  const env = environmentFromRegistry(init.registry);
  const settings = init.settings ?? {};
  const isWorkflow = init.workflows?.length ? picomatch([...init.workflows], { dot: true }) : undefined;
  const memos = new Map<string, unknown>();
  return {
    root: init.root,
    registry: init.registry,
    env,
    settings,
    problems: init.problems ?? [],
    excludeGlobs(folder) {
      if (!init.exclude?.length) return [];
      const prefix = init.root ? relative(folder, init.root).split('\\').join('/') : '';
      return init.exclude.map((g) => (prefix && !prefix.startsWith('..') ? `${prefix}/${g}` : g));
    },
    analyze(text, uri, path) {
      if (text.length > LARGE_DOCUMENT_BYTES) return syntaxOnlyAnalysis(text, env, settings.runtime?.version);
      const rel = path && init.root ? relative(init.root, path).split('\\').join('/') : undefined;
      return analyze(text, {
        env,
        settings,
        fileName: path ?? uri,
        workflow: rel !== undefined && isWorkflow !== undefined && isWorkflow(rel),
      });
    },
    memo<T>(key: string, compute: () => T): T {
      if (!memos.has(key)) memos.set(key, compute());
      return memos.get(key) as T;
    },
  };
}
