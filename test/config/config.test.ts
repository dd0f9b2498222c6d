// .luamodrc.json: found upward from a file, validated by the JSON Schema, errors naming file and path.
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import schema from '../../schemas/luamodrc.schema.json';
import { DIAGNOSTIC_CODES } from '../../src/checker/diagnostic-codes';
import { configFor, findConfigFile, isExcluded, isWorkflowFile, loadConfig, parseConfig } from '../../src/config/config';

function project(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'luamod-config-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

describe('.luamodrc.json', () => {
  test('found upward from a file; paths are relative to the config file', () => {
    const root = project({
      '.luamodrc.json': JSON.stringify({ manifests: ['manifests'], globals: { app: 'any' }, workflows: ['flows/**/*.lua'], exclude: ['vendor/**'], diagnostics: { 'unused-local': 'off' } }),
      'flows/deep/a.lua': '', 'vendor/x.lua': '', 'src/b.lua': '',
    });
    expect(findConfigFile(join(root, 'flows/deep/a.lua'))).toBe(join(root, '.luamodrc.json'));
    const { config } = configFor(join(root, 'flows/deep/a.lua'));
    expect(config!.manifests).toEqual([join(root, 'manifests')]);
    expect(config!.globals).toEqual({ app: 'any' });
    expect(config!.globalModules).toBe(true);
    expect(isWorkflowFile(config!, join(root, 'flows/deep/a.lua'))).toBe(true);
    expect(isWorkflowFile(config!, join(root, 'src/b.lua'))).toBe(false);
    expect(isExcluded(config!, join(root, 'vendor/x.lua'))).toBe(true);
    expect(isExcluded(config!, join(root, 'src/b.lua'))).toBe(false);
  });

  test('no config gives the defaults', () => {
    const root = project({ 'a.lua': '' });
    const r = configFor(join(root, 'a.lua'));
    expect(r.config?.file === undefined || !r.config.file.startsWith(root)).toBe(true);
  });

  test('errors name the file and the JSON path', () => {
    expect(parseConfig('{"diagnostics": {"unused-local": "loud"}}', '/p/.luamodrc.json').error?.message)
      .toBe('/p/.luamodrc.json: /diagnostics/unused-local: must be equal to one of the allowed values (error, warning, info, hint, off)');
    expect(parseConfig('{"diagnostics": {"unused-locl": "off"}}', '/p/.luamodrc.json').error?.message)
      .toBe("/p/.luamodrc.json: /diagnostics/unused-locl: unknown property 'unused-locl'");
    expect(parseConfig('{"globals": {"app": "fun("}}', '/p/.luamodrc.json').error?.message).toMatch(/^\/p\/\.luamodrc\.json: \/globals\/app: bad type "fun\("/);
    expect(parseConfig('{"exclude": "vendor"}', '/p/.luamodrc.json').error?.message).toBe('/p/.luamodrc.json: /exclude: must be array');
    expect(parseConfig('{oops', '/p/.luamodrc.json').error?.message).toMatch(/^\/p\/\.luamodrc\.json: invalid JSON/);
    expect(loadConfig('/nonexistent/.luamodrc.json').error?.message).toMatch(/cannot read/);
  });

  test('the schema lists exactly the diagnostic codes', () => {
    expect(Object.keys(schema.properties.diagnostics.properties).sort()).toEqual([...DIAGNOSTIC_CODES].sort());
  });
});
