// The project's modules for the editor: a summary list (name, first description line, where it
// comes from) and each module's reference page in markdown. Pure.
import { manifestToMarkdown } from '../module/manifest-markdown';
import type { ModuleSummary } from '../protocol/luamod-protocol';
import type { Project } from './project';

/** Every requirable module of the project (the standard library manifest is left out). */
export function listModules(project: Project): ModuleSummary[] {
  return project.registry.list()
    .filter((e) => e.manifest.exportType !== undefined)
    .map((e) => ({
      name: e.name,
      description: e.description.split('\n')[0] ?? '',
      source: e.source.kind === 'json' ? e.source.file : 'builtin',
    }));
}

/** The markdown reference page of module `name`, or undefined when the project has no such module. */
export function moduleMarkdown(project: Project, name: string): string | undefined {
  const entry = project.registry.get(name);
  return entry ? manifestToMarkdown(entry) : undefined;
}
