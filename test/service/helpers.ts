// Test helper: a real project (built-in modules + bundled stdlib manifest) and snapshots of fixture
// text with `$0` cursors, for testing service features as pure functions.
import { ModuleRegistry } from '../../src/module/registry';
import { builtinModules } from '../../src/modules';
import { createProject, type Project } from '../../src/service/project';
import { defaultSettings, mergeSettings, type ServiceSettings } from '../../src/service/settings';
import { createSnapshot, type Snapshot } from '../../src/service/snapshot';
import { fixture, type Fixture } from './fixture';

let shared: Project | undefined;

/** The project every service test uses (built once per test file). */
export function testProject(): Project {
  return (shared ??= createProject({ root: undefined, registry: ModuleRegistry.load({ modules: builtinModules }) }));
}

export const URI = 'file:///work/test/script.lua';

/** A snapshot of `source` (with `$0` markers removed) and the marker positions. */
export function snap(source: string, project: Project = testProject()): Fixture & { snap: Snapshot } {
  const f = fixture(source);
  return { ...f, snap: createSnapshot(URI, 1, f.text, project) };
}

/** Settings with overrides (same merge the server uses). */
export function settings(overrides: unknown = {}): ServiceSettings {
  return mergeSettings(defaultSettings, overrides);
}
