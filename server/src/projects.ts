// Projects by configuration: each document belongs to the nearest `.luamodrc.json` above it (or to
// its workspace folder's defaults). Projects and module registries are cached until a config or
// manifest file changes; a broken config or manifest is logged and replaced by the defaults.
import { dirname, isAbsolute, resolve } from 'node:path';
import { checkerSettings, configFor, defaultConfig, type LuamodConfig } from '../../src/config/config';
import { formatManifestError } from '../../src/manifests';
import { ModuleRegistry } from '../../src/module/registry';
import { formatModuleFileError, loadModuleFilesSync, withHostModules } from '../../src/module/module-file';
import { builtinModules } from '../../src/modules';
import { createProject, type Project, type ProjectSources } from '../../src/service/project';
import { isInside } from '../../src/project/module-resolver';
import type { ServiceSettings } from '../../src/service/settings';
import type { SeverityLevel } from '../../src/checker/diagnostic-codes';
import type { Logger } from './logger';
import { uriToPath } from '../../src/service/uri';

export interface Projects {
  /** The project of a document URI (file or not). */
  forUri(uri: string): Project;
  /** Forgets every project and registry (configuration, settings or manifests changed). */
  invalidate(): void;
  /** The projects built so far. */
  all(): Project[];
}

/**
 * `sources` reads project files for `require` (open buffers win over the disk). Without a
 * `.luamodrc.json`, a document's project root is the workspace folder that holds it (else its folder).
 */
export function createProjects(log: Logger, settings: () => ServiceSettings, folders: () => readonly string[], sources?: ProjectSources): Projects {
  const projects = new Map<string, Project>();
  const registries = new Map<string, { reg: ModuleRegistry; hostProblems: string[] }>();
  const reported = new Set<string>();
  /** Folder → the key of its project (saves the upward config search per snapshot). */
  const keys = new Map<string, string>();

  const report = (problem: string) => {
    if (reported.has(problem)) return;
    reported.add(problem);
    log.warn(problem);
  };

  function registryFor(dirs: readonly string[], moduleFiles: readonly string[], maxFileSize: number, problems: string[]): ModuleRegistry {
    const key = [`${maxFileSize}`, ...dirs, '', ...moduleFiles].join('\0');
    let entry = registries.get(key);
    if (!entry) {
      // The host's module files: a broken one is reported (and its modules left out), never thrown.
      const host = loadModuleFilesSync(moduleFiles, process.cwd());
      const hostProblems = host.errors.map(formatModuleFileError);
      for (const p of hostProblems) report(`module file problem: ${p}`);
      const reg = ModuleRegistry.load({ modules: withHostModules(builtinModules, host.modules), manifestDirs: dirs, maxFileSize });
      for (const e of reg.errors) report(`configuration problem: ${formatManifestError(e)}`);
      entry = { reg, hostProblems };
      registries.set(key, entry);
    }
    problems.push(...entry.hostProblems);
    return entry.reg;
  }

  function build(config: LuamodConfig, problems: string[]): Project {
    const s = settings();
    const base = folders()[0] ?? config.dir;
    const extra = s.manifests.map((m) => (isAbsolute(m) ? m : resolve(base, m)));
    // The editor's settings win over the config's.
    const maxFileSize = s.maxFileSize ?? config.maxFileSize;
    const registry = registryFor([...config.manifests, ...extra], config.modules, maxFileSize, problems);
    const checker = checkerSettings(config);
    return createProject({
      root: config.dir,
      registry,
      maxFileSize,
      settings: {
        ...checker,
        diagnostics: { ...checker.diagnostics, ...editorSeverities(s) },
        maxDiagnostics: s.diagnostics.maxPerFile ?? config.maxDiagnostics,
        runtime: { ...checker.runtime, ...(s.runtime.version ? { version: s.runtime.version } : {}), ...(s.runtime.library ? { library: s.runtime.library } : {}) },
      },
      exclude: config.exclude.flatMap((g) => (g.endsWith('/**') || g.includes('*') ? [g] : [g, `${g}/**`])),
      workflows: config.workflows,
      problems,
      runtimePath: config.runtimePath,
      external: config.external,
      workspaceGlobals: config.workspaceGlobals,
      ...(sources ? { sources } : {}),
    });
  }

  return {
    forUri(uri) {
      const path = uriToPath(uri);
      const start = path ? dirname(path) : (folders()[0] ?? process.cwd());
      const known = keys.get(start);
      const cached = known !== undefined ? projects.get(known) : undefined;
      if (cached) return cached;
      let found = configFor(start);
      if (found.config && !found.config.file) {
        const folder = folders().filter((f) => isInside(f, start)).sort((a, b) => b.length - a.length)[0];
        if (folder) found = { config: defaultConfig(folder) };
      }
      const key = found.config?.file ?? found.error?.file ?? `defaults:${found.config!.dir}`;
      keys.set(start, key);
      let project = projects.get(key);
      if (project) return project;
      if (found.error) {
        report(`configuration problem: ${found.error.message} (using the defaults)`);
        project = build(defaultConfig(dirname(found.error.file)), [found.error.message]);
      } else {
        project = build(found.config, []);
      }
      projects.set(key, project);
      return project;
    },
    all: () => [...projects.values()],
    invalidate() {
      projects.clear();
      registries.clear();
      keys.clear();
      reported.clear();
    },
  };
}

/** Editor severities (`information` spelled the LSP way) over the config's. */
function editorSeverities(s: ServiceSettings): Record<string, SeverityLevel> {
  const out: Record<string, SeverityLevel> = {};
  for (const [code, level] of Object.entries(s.diagnostics.severity)) {
    const l = level === 'information' ? 'info' : level;
    if (['error', 'warning', 'info', 'hint', 'off'].includes(l)) out[code] = l as SeverityLevel;
  }
  return out;
}
