// `extends` and `runtime` in .luamodrc.json: a base file or a bundled preset (luamod:openresty) under
// the file's own settings; cycles, unknown presets and bad runtime values are errors naming the file.
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { checkerSettings, loadConfig } from '../../src/config/config';
import { check, codes } from '../checker/env';

function project(files: Record<string, unknown>): string {
  const root = mkdtempSync(join(tmpdir(), 'luamod-extends-'));
  for (const [path, value] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), typeof value === 'string' ? value : JSON.stringify(value));
  }
  return root;
}

describe('extends', () => {
  test('a base file: globals, diagnostics and runtime merge, own keys win, manifests add up', () => {
    const root = project({
      'base/base.json': { globals: { app: 'any', ver: 'string' }, diagnostics: { 'unused-local': 'off' }, runtime: { version: '5.1', library: 'full' }, manifests: ['m'] },
      '.luamodrc.json': { extends: './base/base.json', globals: { ver: 'integer' }, runtime: { library: 'sandbox' }, manifests: ['n'] },
    });
    const { config, error } = loadConfig(join(root, '.luamodrc.json'));
    expect(error).toBeUndefined();
    expect(config!.globals).toEqual({ app: 'any', ver: 'integer' });
    expect(config!.diagnostics).toEqual({ 'unused-local': 'off' });
    expect(config!.runtime).toEqual({ version: '5.1', library: 'sandbox' });
    expect(config!.manifests).toEqual([join(root, 'base/m'), join(root, 'n')]);
  });

  test('the bundled OpenResty preset: LuaJIT, full library, ngx/ndk and coroutine._yield', () => {
    const root = project({ '.luamodrc.json': { extends: 'luamod:openresty' } });
    const { config, error } = loadConfig(join(root, '.luamodrc.json'));
    expect(error).toBeUndefined();
    expect(config!.runtime).toEqual({ version: 'luajit', library: 'full' });
    const a = check('ngx.say(io.open, unpack({1}), coroutine._yield(1), bit.band(1, 3), 1LL)\nprint(ngz)', { settings: checkerSettings(config!) });
    expect(codes(a)).toEqual(['2:7 undefined-global']);
  });

  test('errors name the file and the path: unknown preset, missing file, cycle', () => {
    const root = project({
      'a.json': { extends: './b.json' },
      'b.json': { extends: './a.json' },
      'p.json': { extends: 'luamod:nope' },
      'm.json': { extends: ['./missing.json'] },
      'r.json': { runtime: { version: '5.0' } },
      'g.json': { globals: { 'ngx..var': 'any' } },
    });
    expect(loadConfig(join(root, 'g.json')).error?.message).toMatch(/g\.json: \/globals\/ngx\.\.var: a global is a name, or names joined by dots/);
    expect(loadConfig(join(root, 'p.json')).error?.message).toMatch(/p\.json: \/extends: unknown preset 'luamod:nope' \(presets: luamod:openresty\)/);
    expect(loadConfig(join(root, 'm.json')).error?.message).toMatch(/m\.json: \/extends\/0: cannot read '\.\/missing\.json'/);
    expect(loadConfig(join(root, 'a.json')).error?.message).toMatch(/b\.json: \/extends: '\.\/a\.json' extends this file again/);
    expect(loadConfig(join(root, 'r.json')).error?.message).toMatch(/r\.json: \/runtime\/version: must be equal to one of the allowed values \(5\.1, 5\.2, 5\.3, 5\.4, luajit\)/);
  });
});
