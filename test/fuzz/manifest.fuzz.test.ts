// Fuzzes JSON manifests (structural and textual mutations of the real ones) and type-notation texts:
// loading never throws, every error names the file and a JSON path (with a position inside the
// file), a registry built from the result works with the checker, and type texts parse or fail cleanly.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import fc from 'fast-check';
import { globSync } from 'tinyglobby';
import { afterAll, describe, expect, test } from 'vitest';
import { analyze } from '../../src/checker/analyze';
import { environmentFromRegistry } from '../../src/checker/environment';
import { formatManifestError, loadManifestJson, type LoadedManifest } from '../../src/manifests';
import { ModuleRegistry } from '../../src/module/registry';
import { parseType, tryParseType, typeToString, TypeParseError } from '../../src/types';
import { fcParams, fuzzTimeout, reportFigures } from './support/config';
import { editTypeText, jsonMutation, jsonStrings, mutateJson, typeEdit } from './support/json-mutations';
import { applyMutations, mutations } from './support/lua-mutations';

const ROOT = join(__dirname, '../..');
const seeds = globSync(['manifests/*.json', 'examples/**/manifests/*.json', 'test/checker/fixtures/manifests/*.json'], { cwd: ROOT, ignore: ['manifests/schema.json'] })
  .sort().map((f) => ({ name: f, text: readFileSync(join(ROOT, f), 'utf8') }));
const typeSeeds = [...new Set(seeds.flatMap((s) => jsonStrings(JSON.parse(s.text))).filter((s) => /fun\(|[|?<{]/.test(s)))];
const FILE = '/fuzz/dir/mutated.json';

/** Everything wrong with loading `text` as manifest `FILE` (empty when fine). */
function loadProblems(text: string): { problems: string[]; loaded?: LoadedManifest } {
  let loaded: LoadedManifest;
  try {
    loaded = loadManifestJson(text, FILE);
  } catch (e) {
    return { problems: [`loadManifestJson threw: ${(e as Error).stack?.split('\n').slice(0, 5).join(' | ')}`] };
  }
  const problems: string[] = [];
  const lines = text.split(/\r\n|\r|\n/);
  let root: unknown;
  try { root = JSON.parse(text); } catch { root = undefined; }
  for (const e of loaded.errors) {
    const shown = formatManifestError(e);
    if (e.file !== FILE || !shown.startsWith(FILE)) problems.push(`error does not name the file: ${shown}`);
    if (typeof e.path !== 'string') problems.push(`error path is not a string: ${shown}`);
    if (typeof e.message !== 'string' || !e.message.trim()) problems.push(`empty message: ${shown}`);
    if (e.line !== undefined && (e.line < 1 || e.line > lines.length)) problems.push(`line ${e.line} outside 1..${lines.length}: ${shown}`);
    if (e.line !== undefined && e.column !== undefined && (e.column < 1 || e.column > lines[e.line - 1]!.length + 1)) problems.push(`column ${e.column} outside line ${e.line}: ${shown}`);
    const objectRoot = root !== null && typeof root === 'object' && !Array.isArray(root);
    if (objectRoot && e.path === '' && !/name|empty|object|property/i.test(e.message)) problems.push(`error without a JSON path in a valid JSON object: ${shown}`);
  }
  if (loaded.errors.length === 0 && !loaded.manifest) problems.push('no errors but no manifest');
  return { problems, loaded };
}

/** Builds a registry from `loaded` and checks a script using the module: nothing may throw. */
function useInChecker(loaded: LoadedManifest): string[] {
  try {
    const registry = ModuleRegistry.load({ loaded: [loaded], bundled: false });
    const env = environmentFromRegistry(registry);
    const name = loaded.manifest?.name ?? 'x';
    const a = analyze(`local m = require(${JSON.stringify(name)})\nlocal v = m.a\nm.f(1, "s")\nlocal t = m:g()\nprint(m, v, t)\n`, { env });
    a.scopeAt(10);
    a.memberOwnerAt(a.text.indexOf('m.f') + 2);
    for (const m of registry.list()) m.types();
    return [];
  } catch (e) {
    return [`registry/checker threw: ${(e as Error).stack?.split('\n').slice(0, 5).join(' | ')}`];
  }
}

describe('manifest fuzz', () => {
  let inputs = 0;
  afterAll(() => reportFigures('manifests', { inputs, seeds: seeds.length, typeSeeds: typeSeeds.length }));

  test('seeds load cleanly', () => {
    expect(seeds.length).toBeGreaterThan(0);
    for (const s of seeds) expect(loadProblems(s.text).problems, s.name).toEqual([]);
  });

  test('structurally mutated manifests: errors name the file and path, never a crash', () => {
    fc.assert(fc.property(fc.nat(), fc.array(jsonMutation, { minLength: 1, maxLength: 3 }), (i, ms) => {
      const seed = seeds[i % seeds.length]!;
      const value = ms.reduce((v, m) => mutateJson(v, m), JSON.parse(seed.text) as unknown);
      const text = JSON.stringify(value, null, 2) ?? 'null';
      inputs++;
      const { problems, loaded } = loadProblems(text);
      if (loaded) problems.push(...useInChecker(loaded));
      if (problems.length) throw new Error(`${seed.name}: ${problems.slice(0, 3).join('; ')}`);
    }), fcParams(80));
  }, fuzzTimeout());

  test('textually mutated manifests (cuts, bytes, nesting): never a crash', () => {
    fc.assert(fc.property(fc.nat(), mutations(3, 5000, 20_000), (i, ms) => {
      const seed = seeds[i % seeds.length]!;
      const text = applyMutations(seed.text, ms);
      inputs++;
      const { problems, loaded } = loadProblems(text);
      if (loaded) problems.push(...useInChecker(loaded));
      if (problems.length) throw new Error(`${seed.name}: ${problems.slice(0, 3).join('; ')}`);
    }), fcParams(60));
  }, fuzzTimeout());

  test('mutated type texts parse or fail with a TypeParseError inside the text', () => {
    fc.assert(fc.property(fc.nat(), fc.array(typeEdit, { minLength: 1, maxLength: 5 }), (i, edits) => {
      const text = editTypeText(typeSeeds[i % typeSeeds.length]!, edits);
      inputs++;
      const r = tryParseType(text);
      if (r.error) {
        expect(r.error).toBeInstanceOf(TypeParseError);
        expect(r.error.column).toBeGreaterThanOrEqual(0);
        expect(r.error.column).toBeLessThanOrEqual(text.length + 1);
        expect(() => parseType(text)).toThrow(TypeParseError);
      } else {
        const printed = typeToString(r.type);
        expect(tryParseType(printed).error, `printed ${JSON.stringify(printed)} of ${JSON.stringify(text)}`).toBeUndefined();
      }
    }), fcParams(300));
  }, fuzzTimeout());

  test('deeply nested type texts fail cleanly or parse', () => {
    for (const [open, close] of [['(', ')'], ['fun(x: ', ')'], ['{a: ', '}'], ['table<string, ', '>'], ['fun() -> ', ''], ['', '[]'], ['', '?'], ['string | ', '']]) {
      for (const depth of [100, 10_000]) {
        for (const closed of [true, false]) {
          const text = open!.repeat(depth) + 'string' + (closed ? close!.repeat(depth) : '');
          inputs++;
          const r = tryParseType(text);
          if (r.error) expect(r.error).toBeInstanceOf(TypeParseError);
          else expect(() => typeToString(r.type)).not.toThrow();
        }
      }
    }
  });

  test('luamod manifest validate on mutated files: exit 1 naming file and path, no stack trace', () => {
    const dir = mkdtempSync(join(tmpdir(), 'luamod-fuzz-manifest-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    const sample = fc.sample(fc.tuple(fc.nat(), fc.array(jsonMutation, { minLength: 1, maxLength: 3 })), { numRuns: 3, seed: 8 });
    const files = sample.map(([i, ms], k) => {
      const seed = seeds[i % seeds.length]!;
      const value = ms.reduce((v, m) => mutateJson(v, m), JSON.parse(seed.text) as unknown);
      const file = join(dir, `m${k}.json`);
      writeFileSync(file, JSON.stringify(value, null, 2) ?? 'null');
      return file;
    });
    writeFileSync(join(dir, 'broken.json'), '{"name": "broken", "export": {"fields": {"f": "fun(x: ) ->"}}');
    writeFileSync(join(dir, 'badtype.json'), '{"name": "badtype", "export": {"fields": {"f": "fun(x: strin g) -> (("}}}');
    for (const file of [...files, join(dir, 'broken.json'), join(dir, 'badtype.json')]) {
      inputs++;
      const r = spawnSync(process.execPath, [join(ROOT, 'bin/luamod.js'), 'manifest', 'validate', file], { encoding: 'utf8', cwd: dir });
      const out = r.stdout + r.stderr;
      expect(out, file).not.toMatch(/\n\s+at .*\.(js|ts):\d+/);
      expect([0, 1], `${file}: exit ${r.status}\n${out}`).toContain(r.status);
      if (r.status === 1) expect(out).toContain(file);
    }
    expect(spawnSync(process.execPath, [join(ROOT, 'bin/luamod.js'), 'manifest', 'validate', join(dir, 'badtype.json')], { encoding: 'utf8' }).stdout
      + spawnSync(process.execPath, [join(ROOT, 'bin/luamod.js'), 'manifest', 'validate', join(dir, 'badtype.json')], { encoding: 'utf8' }).stderr).toMatch(/badtype\.json:\d+:\d+: export\.fields\.f/);
  }, 60_000);
});
