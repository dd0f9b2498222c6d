// `luamod manifest` end to end: spawns the built CLI (`npm run build` first; `npm test` does it).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '../..');
const BIN = process.env['LUAMOD_BIN'] ?? join(ROOT, 'bin/luamod.js');
const SHOP_DIR = join(ROOT, 'examples/shop/manifests');
const tmp = mkdtempSync(join(tmpdir(), 'luamod-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function luamod(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function file(name: string, text: string): string {
  const path = join(tmp, name);
  writeFileSync(path, text);
  return path;
}

describe('luamod manifest', () => {
  it('lists modules with classes and a one-line description', () => {
    const r = luamod('manifest', '--manifests', SHOP_DIR);
    expect(r.status).toBe(0);
    expect(r.stdout.split('\n')[0]).toMatch(/^NAME\s+CLASSES\s+DESCRIPTION$/);
    expect(r.stdout).toMatch(/^shop\s+deterministic\s+Shopping cart helpers\.$/m);
    expect(r.stdout).toMatch(/^time\s+\S+\s+\S/m);
  });

  it('prints one module as text signatures', () => {
    const r = luamod('manifest', 'shop', '-m', SHOP_DIR);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('shop — Shopping cart helpers.');
    expect(r.stdout).toContain('  join: fun(sep: string, ...string) -> string');
    expect(r.stdout).toContain('    add: fun(self, item: Item) -> (boolean?, Error?)');
  });

  it('prints the JSON form, which is the manifest file itself', () => {
    const r = luamod('manifest', 'shop', '-m', SHOP_DIR, '--format', 'json');
    expect(r.status).toBe(0);
    const original = JSON.parse(require('node:fs').readFileSync(join(SHOP_DIR, 'shop.json'), 'utf8'));
    expect(JSON.parse(r.stdout)).toEqual(original);
  });

  it('prints a markdown docs page', () => {
    const r = luamod('manifest', 'shop', '-m', SHOP_DIR, '--format', 'md');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^# `shop`\n/);
    expect(r.stdout).toContain('### `shop.new_cart`');
    expect(r.stdout).toContain('Creates an empty cart.');
    expect(r.stdout).toContain('#### `Cart:add`');
  });

  it('unknown module or format is bad usage (exit 2)', () => {
    expect(luamod('manifest', 'nope')).toMatchObject({ status: 2, stderr: expect.stringContaining("unknown module 'nope'") });
    expect(luamod('manifest', 'shop', '-m', SHOP_DIR, '--format', 'xml').status).toBe(2);
  });

  it('--help explains every option', () => {
    const r = luamod('manifest', '--help');
    expect(r.status).toBe(0);
    for (const opt of ['--format', '--manifests', 'validate']) expect(r.stdout).toContain(opt);
    expect(luamod('manifest', 'validate', '--help').stdout).toContain('Exit status');
  });
});

describe('luamod manifest validate', () => {
  it('exit 0 for a valid manifest', () => {
    const r = luamod('manifest', 'validate', join(SHOP_DIR, 'shop.json'));
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('shop.json: ok');
  });

  it('exit 1 with file, position and JSON path for invalid manifests', () => {
    const bad = file('bad.json', '{"name": "x", "export": {"fields": {"join": "fun(sep string)", "t": "Nope"}}}');
    const syntax = file('syntax.json', '{\n  "name": \n');
    const r = luamod('manifest', 'validate', bad, syntax);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`${bad}:1:37: export.fields.join: bad type "fun(sep string)": expected ':' at column 9`);
    expect(r.stderr).toContain(`${bad}:1:64: export.fields.t: unknown type name 'Nope'`);
    expect(r.stderr).toMatch(new RegExp(`${syntax.replace(/[.\\]/g, '\\$&')}:3:1: invalid JSON`));
  });

  it('resolves names against the other files given and --manifests folders', () => {
    const uses = file('uses.json', '{"name": "uses", "export": {"fields": {"c": "fun() -> shop.Cart"}}}');
    expect(luamod('manifest', 'validate', uses).status).toBe(1);
    expect(luamod('manifest', 'validate', uses, join(SHOP_DIR, 'shop.json')).status).toBe(0);
    expect(luamod('manifest', 'validate', '-m', SHOP_DIR, uses).status).toBe(0);
  });

  it('exit 2 when a file is unreadable', () => {
    const r = luamod('manifest', 'validate', join(tmp, 'missing.json'), join(SHOP_DIR, 'shop.json'));
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('missing.json: cannot read file: no such file');
  });
});

describe('luamod manifest and .luamodrc.json', () => {
  it('adds the manifests folders of the nearest .luamodrc.json', () => {
    const r = spawnSync(process.execPath, [BIN, 'manifest'], { cwd: join(ROOT, 'examples/shop'), encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^shop\s+deterministic/m);
  });

  it('validate reports a broken file even when a configured folder also holds it', () => {
    const dir = join(tmp, 'project');
    require('node:fs').mkdirSync(join(dir, 'm'), { recursive: true });
    writeFileSync(join(dir, '.luamodrc.json'), '{"manifests": ["m"]}');
    writeFileSync(join(dir, 'm', 'bad.json'), '{"name": "bad", "export": "Nope"}');
    const r = spawnSync(process.execPath, [BIN, 'manifest', 'validate', 'm/bad.json'], { cwd: dir, encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("m/bad.json:1:17: export: unknown type name 'Nope'");
  });
});
