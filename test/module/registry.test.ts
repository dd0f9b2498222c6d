import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { ModuleClass, ModuleRegistry, type ModuleDef } from '../../src/module';
import { ErrorInterface, isAssignable, newManifest, parseType, typeToString } from '../../src/types';

const SHOP_DIR = join(__dirname, '../../examples/shop/manifests');
const tmp = mkdtempSync(join(tmpdir(), 'luamod-registry-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Writes manifests into a fresh folder and returns it. */
function folder(name: string, files: Record<string, unknown>): string {
  const dir = join(tmp, name);
  mkdirSync(dir, { recursive: true });
  for (const [file, value] of Object.entries(files)) {
    writeFileSync(join(dir, file), typeof value === 'string' ? value : JSON.stringify(value, null, 2));
  }
  return dir;
}

const timeDef: ModuleDef = {
  name: 'time',
  description: 'Clocks and durations.\nMore text.',
  class: [ModuleClass.Nondeterministic, ModuleClass.Time],
  source: 'src/modules/time/index.ts',
  types: () => newManifest('time', 'Clocks and durations.')
    .defineType('Time', { kind: 'interface', name: 'time.Time', methods: { unix: { type: parseType('fun(self) -> integer') } } })
    .setExport({ kind: 'record', name: 'time', fields: { now: { type: parseType('fun() -> time.Time') } } })
    .addGlobal('sleep', parseType('fun(seconds: number)')),
};

describe('ModuleRegistry', () => {
  it('registers ModuleDefs and JSON manifests; get, list, resolve', () => {
    const r = ModuleRegistry.load({ modules: [timeDef], manifestDirs: [SHOP_DIR], bundled: false });
    expect(r.errors).toEqual([]);
    expect(r.list().map((e) => e.name)).toEqual(['time', 'shop']);
    expect(r.get('time')).toMatchObject({ classes: ['nondeterministic', 'time'], def: timeDef, source: { kind: 'module' } });
    expect(r.get('shop')).toMatchObject({ description: 'Shopping cart helpers.', source: { kind: 'json', file: join(SHOP_DIR, 'shop.json') } });
    expect(r.resolve('shop.Cart')).toMatchObject({ kind: 'interface', name: 'shop.Cart' });
    expect(typeToString(r.resolve('shop.Item')!)).toBe('{sku: string, qty: integer, note?: string}');
    expect(r.resolve('shop')).toMatchObject({ kind: 'record', name: 'shop' });
    expect(r.resolve('shop.Nope')).toBeUndefined();
    expect(r.get('nope')).toBeUndefined();
  });

  it('Error always resolves to ErrorInterface', () => {
    const r = ModuleRegistry.load({ bundled: false });
    expect(r.resolve('Error')).toBe(ErrorInterface);
  });

  it('is a TypeResolver for isAssignable across manifests', () => {
    const r = ModuleRegistry.load({ manifestDirs: [SHOP_DIR], bundled: false });
    expect(isAssignable(parseType('{sku: string, qty: integer}'), parseType('shop.Item'), r)).toBe(true);
    expect(isAssignable(parseType('{sku: string}'), parseType('shop.Item'), r)).toBe(false);
  });

  it('collects globals with the module that declares them', () => {
    const r = ModuleRegistry.load({ modules: [timeDef], bundled: false });
    expect(r.globals().get('sleep')).toMatchObject({ module: 'time' });
  });

  it('locates members in JSON (0-based) and ModuleDefs (their source file)', () => {
    const r = ModuleRegistry.load({ modules: [timeDef], manifestDirs: [SHOP_DIR], bundled: false });
    const file = join(SHOP_DIR, 'shop.json');
    expect(r.locateMember('shop', 'join')).toEqual({ path: file, line: 13, character: 4 });
    expect(r.locateMember('shop', 'Cart.add')).toEqual({ path: file, line: 7, character: 6 });
    expect(r.locateMember('shop', 'Cart')).toEqual({ path: file, line: 6, character: 4 });
    expect(r.locateMember('shop')).toEqual({ path: file, line: 1, character: 2 });
    expect(r.locateMember('shop', 'missing')).toBeUndefined();
    // A ModuleDef member: its key in the manifest.ts beside the def's source.
    expect(r.locateMember('time', 'now')!.path).toMatch(/src[\\/]modules[\\/]time[\\/]manifest\.ts$/);
    expect(r.locateMember('time', 'now')!.line).toBeGreaterThan(0);
    expect(r.locateMember('time')).toMatchObject({ line: 0, character: 0 });
  });

  it('resolves qualified names across manifests', () => {
    const dir = folder('cross', {
      'a.json': { name: 'a', types: { Thing: { methods: { b: 'fun(self) -> b.Other' } } } },
      'b.json': { name: 'b', types: { Other: 'a.Thing[]' } },
    });
    const r = ModuleRegistry.load({ manifestDirs: [dir], bundled: false });
    expect(r.errors).toEqual([]);
    expect(typeToString(r.resolve('b.Other')!)).toBe('a.Thing[]');
  });

  it('reports unknown type names with file, JSON path and position', () => {
    const dir = folder('unknown', {
      'u.json': { name: 'u', types: { T: { methods: { m: 'fun(self) -> Nope' } } }, export: { fields: { f: 'fun() -> time.Nope', g: 'zzz.Q' } } },
    });
    const r = ModuleRegistry.load({ modules: [timeDef], manifestDirs: [dir], bundled: false });
    const file = join(dir, 'u.json');
    expect(r.errors).toContainEqual(expect.objectContaining({ file, path: 'types.T.methods.m', message: expect.stringMatching(/^unknown type name 'Nope'/) }));
    expect(r.errors).toContainEqual(expect.objectContaining({ file, path: 'export.fields.f', message: "unknown type name 'time.Nope': module 'time' defines no type 'Nope'" }));
    expect(r.errors).toContainEqual(expect.objectContaining({ file, path: 'export.fields.g', message: "unknown type name 'zzz.Q': no module 'zzz'" }));
    expect(r.errors.find((e) => e.path === 'export.fields.f')).toMatchObject({ line: expect.any(Number), column: expect.any(Number) });
  });

  it('reports unknown error kinds', () => {
    const dir = folder('kinds', { 'k.json': { name: 'k', export: { fields: { f: { type: 'fun() -> Error?', errors: ['NOT_FOUND', 'OOPS'] } } } } });
    const r = ModuleRegistry.load({ manifestDirs: [dir], bundled: false });
    expect(r.errors).toEqual([expect.objectContaining({ path: 'export.fields.f.errors[1]', message: expect.stringMatching(/^unknown error kind 'OOPS' \(known: NOT_FOUND, /), line: expect.any(Number) })]);
  });

  it('reports alias cycles', () => {
    const dir = folder('cycle', { 'c.json': { name: 'c', types: { A: 'B?', B: 'A | string', Ok: '{next: Ok?}' } } });
    const r = ModuleRegistry.load({ manifestDirs: [dir], bundled: false });
    expect(r.errors.map((e) => `${e.path}: ${e.message}`)).toEqual([
      'types.A: type alias cycle: c.A -> c.B -> c.A',
      'types.B: type alias cycle: c.B -> c.A -> c.B',
    ]);
  });

  it('reports duplicate module names naming both sources', () => {
    const dir = folder('dup', { 'time.json': { name: 'time' }, 'x.json': { name: 'x' }, 'y.json': { name: 'x' } });
    const r = ModuleRegistry.load({ modules: [timeDef], manifestDirs: [dir], bundled: false });
    const messages = r.errors.map((e) => `${e.file}: ${e.message}`);
    expect(messages).toContainEqual(expect.stringMatching(/time\.json: duplicate module name 'time': already defined by .*src[\\/]modules[\\/]time[\\/]index\.ts$/));
    expect(messages).toContain(`${join(dir, 'y.json')}: duplicate module name 'x': already defined by ${join(dir, 'x.json')}`);
    expect(r.get('x')!.source).toEqual({ kind: 'json', file: join(dir, 'x.json') });
  });

  it('never throws: broken files, missing folders and failing types() become errors', () => {
    const dir = folder('broken', { 'bad.json': '{"name": ', 'ok.json': { name: 'ok' } });
    const failing: ModuleDef = { ...timeDef, name: 'boom', types: () => { throw new Error('kaput'); } };
    const r = ModuleRegistry.load({ modules: [failing], manifestDirs: [dir, join(tmp, 'missing')], bundled: false });
    expect(r.get('ok')).toBeDefined();
    expect(r.errors.map((e) => e.message)).toEqual(expect.arrayContaining([
      'types() failed: kaput', expect.stringMatching(/^invalid JSON/), 'cannot read manifest folder: ENOENT',
    ]));
  });

  it('loads the package manifests/ folder by default', () => {
    const r = ModuleRegistry.load();
    expect(r.errors).toEqual([]);
  });
});
