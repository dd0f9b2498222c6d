// Fixtures that span files: each folder of fixtures/projects/ is a project (its optional
// `.luamodrc.json` gives runtime.path, runtime.external, workspaceGlobals). Every .lua file is
// checked with the project layer (src/checker/workspace-modules.ts) and its diagnostics must be
// exactly the marked ones, as in the one-file fixtures.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { globSync } from 'tinyglobby';
import { describe, expect, test } from 'vitest';
import { WorkspaceModules } from '../../src/checker/workspace-modules';
import { checkerSettings, defaultConfig, isWorkflowFile, loadConfig, moduleSearch, type LuamodConfig } from '../../src/config/config';
import { FIXTURES, testEnv } from './env';
import { readMarkers } from './fixture-markers';

const PROJECTS = join(FIXTURES, 'projects');
const projects = readdirSync(PROJECTS).filter((d) => statSync(join(PROJECTS, d)).isDirectory()).sort();

function read(file: string): string | undefined {
  try { return readFileSync(file, 'utf8'); } catch { return undefined; }
}

/** The project layer over one fixture folder, as `luamod check` builds it. */
export function fixtureProject(dir: string): { ws: WorkspaceModules; files: string[]; config: LuamodConfig } {
  const rc = join(dir, '.luamodrc.json');
  const loaded = read(rc) !== undefined ? loadConfig(rc) : { config: defaultConfig(dir) };
  if (!loaded.config) throw new Error(loaded.error!.message);
  const config = loaded.config;
  const files = globSync(['**/*.lua'], { cwd: dir, absolute: true }).sort();
  const ws = new WorkspaceModules({
    search: moduleSearch(config),
    external: config.external,
    workspaceGlobals: config.workspaceGlobals,
    read,
    optionsFor: (file) => ({ env: testEnv(), settings: checkerSettings(config), fileName: file, workflow: isWorkflowFile(config, file) }),
    files: () => files,
  });
  return { ws, files, config };
}

describe('project fixtures (several files)', () => {
  test.each(projects)('%s', (name) => {
    const dir = join(PROJECTS, name);
    const { ws, files } = fixtureProject(dir);
    const actual: string[] = [];
    const expected: string[] = [];
    const messages: string[] = [];
    for (const file of files) {
      const rel = relative(dir, file);
      const text = readFileSync(file, 'utf8');
      const lines = text.split(/\r?\n/);
      const a = ws.analyze(file);
      for (const d of a.diagnostics) {
        const { line, character } = d.range.start;
        const end = d.range.end.line === line ? d.range.end.character : lines[line]!.trimEnd().length;
        actual.push(`${rel}:${line + 1}:${character}-${end} ${d.code}`);
        messages.push(`${rel}:${line + 1}: ${d.message}`);
      }
      for (const m of readMarkers(text)) expected.push(`${rel}:${m.line + 1}:${m.start}-${m.end} ${m.code}`);
    }
    expect(actual.sort(), messages.join('\n')).toEqual(expected.sort());
  });

  test('the same files checked in any order give the same diagnostics', () => {
    for (const name of projects) {
      const dir = join(PROJECTS, name);
      const forward = fixtureProject(dir);
      const backward = fixtureProject(dir);
      const one = forward.files.map((f) => forward.ws.analyze(f).diagnostics.map((d) => d.message));
      const other = [...backward.files].reverse().map((f) => backward.ws.analyze(f).diagnostics.map((d) => d.message)).reverse();
      expect(other, name).toEqual(one);
    }
  });
});
