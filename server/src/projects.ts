// Projects by configuration: each document belongs to the nearest `.luamodrc.json` above it (or to
// its workspace folder's defaults). Projects and module registries are cached until a config or
// manifest file changes; a broken config or manifest is logged and replaced by the defaults.
import { dirname, isAbsolute, resolve } from 'node:path';
import { checkerSettings, configFor, defaultConfig, type LuamodConfig } from '../../src/config/config';
import { formatManifestError } from '../../src/manifests';
import { ModuleRegistry } from '../../src/module/registry';
import { formatModuleFileError, loadModuleFilesSync, withHostModules } from '../../src/module/module-file';
import { builtinModules } from '../../src/modules';
import { createProject, type Project } from '../../src/service/project';
import type { ServiceSettings } from '../../src/service/settings';
import type { SeverityLevel } from '../../src/checker/diagnostic-codes';
import type { Logger } from './logger';
import { uriToPath } from '../../src/service/uri';

export interface Projects {
  /** The project of a document URI (file or not). */
  forUri(uri: string): Project;
  /** Forgets every project and registry (configuration, settings or manifests changed). */
  invalidate(): void;
}

export function createProjects(log: Logger, settings: () => ServiceSettings, folders: () => readonly string[]): Projects {
  const projects = new Map<string, Project>();
  const registries = new Map<string, ModuleRegistry>();
  const reported = new Set<string>();
  /** Folder → the key of its project (saves the upward config search per snapshot). */
  const keys = new Map<string, string>();

  const report = (problem: string) => {
    if (reported.has(problem)) return;
    reported.add(problem);
    log.warn(problem);
  };

  function registryFor(dirs: readonly string[], moduleFiles: readonly string[], problems: string[]): ModuleRegistry {
    const key = [...dirs, '', ...moduleFiles].join('\0');
    let reg = registries.get(key);
    if (!reg) {
      // The host's module files: a broken one is reported (and its modules left out), never thrown.
      const host = loadModuleFilesSync(moduleFiles, process.cwd());
      for (const e of host.errors) {
        report(`module file problem: ${formatModuleFileError(e)}`);
        problems.push(formatModuleFileError(e));
      }
      reg = ModuleRegistry.load({ modules: withHostModules(builtinModules, host.modules), manifestDirs: dirs });
      for (const e of reg.errors) report(`manifest problem: ${formatManifestError(e)}`);
      registries.set(key, reg);
    }
    return reg;
  }

  function build(config: LuamodConfig, problems: string[]): Project {
    const s = settings();
    const base = folders()[0] ?? config.dir;
    const extra = s.manifests.map((m) => (isAbsolute(m) ? m : resolve(base, m)));
    const registry = registryFor([...config.manifests, ...extra], config.modules, problems);
    const checker = checkerSettings(config);
    return createProject({
      root: config.dir,
      registry,
      settings: { ...checker, diagnostics: { ...checker.diagnostics, ...editorSeverities(s) } },
      exclude: config.exclude.flatMap((g) => (g.endsWith('/**') || g.includes('*') ? [g] : [g, `${g}/**`])),
      workflows: config.workflows,
      problems,
    });
  }

  return {
    forUri(uri) {
      const path = uriToPath(uri);
      const start = path ? dirname(path) : (folders()[0] ?? process.cwd());
      const known = keys.get(start);
      const cached = known !== undefined ? projects.get(known) : undefined;
      if (cached) return cached;
      const found = configFor(start);
      const key = found.config?.file ?? found.error?.file ?? `defaults:${start}`;
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
