// examples/modules/<name>.lua: one per module; each checks clean and runs without error on the
// real runtime (fs root = the repository root, as `luamod run` from the root would use).
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../src/checker/analyze';
import { environmentFromRegistry } from '../../src/checker/environment';
import { ModuleRegistry } from '../../src/module/registry';
import { builtinModules } from '../../src/modules';
import { runScript } from '../../src/runtime/run-script';
import { ALLOW_ALL } from './vm';

const root = join(__dirname, '../..');
const dir = join(root, 'examples/modules');
const files = readdirSync(dir).filter((f) => f.endsWith('.lua')).sort();

describe('examples/modules', () => {
  it('has one example per built-in module', () => {
    expect(files).toEqual(builtinModules.filter((d) => d.name !== 'errors').map((d) => `${d.name}.lua`).sort());
  });

  const env = environmentFromRegistry(ModuleRegistry.load({ modules: builtinModules }));
  for (const file of files) {
    const source = readFileSync(join(dir, file), 'utf8');
    it(`${file} checks without diagnostics`, () => {
      const diagnostics = analyze(source, { env, fileName: file }).diagnostics;
      expect(diagnostics.map((d) => `${d.range.start.line + 1}: ${d.code} ${d.message}`)).toEqual([]);
    });
    it(`${file} runs without error`, async () => {
      const logged: string[] = [];
      const r = await runScript({
        source, chunkName: `examples/modules/${file}`, modules: builtinModules, fsRoot: root,
        env: { HOME: '/home/example' }, ...ALLOW_ALL, log: (level, message) => logged.push(`${level} ${message}`),
      });
      expect(r.error).toBeUndefined();
      expect(r.output.length).toBeGreaterThan(0);
      if (file === 'logger.lua') expect(logged).toEqual(['info starting', 'debug computing total', 'warn card expires soon', 'error payment failed']);
    });
  }
});
