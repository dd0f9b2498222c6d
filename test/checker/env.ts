// The environment the checker tests run in: the bundled standard library plus the test manifests
// in fixtures/manifests (`clock`: nondeterministic, yields; `text`: deterministic, records).
import { join } from 'node:path';
import { analyze, type AnalyzeOptions, type Analysis } from '../../src/checker/analyze';
import { environmentFromRegistry, type CheckerEnvironment } from '../../src/checker/environment';
import { ModuleRegistry } from '../../src/module/registry';

export const FIXTURES = join(__dirname, 'fixtures');

let cached: CheckerEnvironment | undefined;

export function testEnv(): CheckerEnvironment {
  if (!cached) {
    const registry = ModuleRegistry.load({ manifestDirs: [join(FIXTURES, 'manifests')] });
    if (registry.errors.length) throw new Error(registry.errors.map((e) => e.message).join('\n'));
    cached = environmentFromRegistry(registry);
  }
  return cached;
}

export function check(text: string, options: Partial<AnalyzeOptions> = {}): Analysis {
  return analyze(text, { env: testEnv(), ...options });
}

/** `line:col code` for each diagnostic (1-based), for readable assertions. */
export function codes(a: Analysis): string[] {
  return a.diagnostics.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.code}`);
}
