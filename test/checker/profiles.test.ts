// Host profiles: the generated standard-library manifests are current and valid, and each profile's
// library is what the version and library kind say (the sandbox stays the runtime's: see
// test/runtime/stdlib-manifest.test.ts).
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { loadManifestFile } from '../../src/manifests';
import { parseLua } from '../../src/checker/parse';
import { check } from './env';
// @ts-expect-error: a plain .mjs build script without type declarations
import { generated as generatedManifests } from '../../scripts/gen-stdlib-profiles.mjs';

describe('standard library manifests of the profiles', () => {
  test('manifests/stdlib is what scripts/gen-stdlib-profiles.mjs generates, and each passes the manifest schema', () => {
    for (const g of (generatedManifests as () => Array<{ file: string; text: string }>)()) {
      expect(readFileSync(g.file, 'utf8'), `${g.file} is stale: run node scripts/gen-stdlib-profiles.mjs`).toBe(g.text);
      expect(loadManifestFile(g.file).errors).toEqual([]);
    }
  });

  test.each([
    ['5.1', 'full', 'unpack setfenv module loadstring math.mod table.getn io.open debug.traceback package.loaders arg', 'utf8 table.unpack rawlen goto'],
    ['5.2', 'full', 'bit32.band table.unpack rawlen unpack loadstring package.searchers', 'utf8 setfenv math.type'],
    ['5.3', 'full', 'utf8.char io.lines os.exit string.dump bit32.bor math.pow', 'setfenv unpack warn'],
    ['5.4', 'full', 'warn coroutine.close utf8.len', 'bit32 setfenv'],
    ['luajit', 'full', 'bit.band jit.version unpack setfenv table.move', 'utf8 bit32 math.type'],
    ['5.1', 'sandbox', 'string.format table.concat os.time coroutine.wrap', 'io setfenv unpack utf8 os.getenv table.unpack'],
    ['5.4', 'sandbox', 'utf8.char math.type table.move', 'io warn dofile os.exit'],
  ])('%s %s', (version, library, present, absent) => {
    const settings = { runtime: { version: version as '5.1', library: library as 'full' } };
    // Library members are called: taking a missing one (`local f = math.type`) is a feature capture.
    const use = (names: string) => names.split(' ').map((n) => (n.includes('.') ? `print(${n}())` : `print(${n})`)).join('\n');
    expect(check(use(present), { settings }).diagnostics.map((d) => d.code).filter((c) => c === 'undefined-global' || c === 'undefined-field')).toEqual([]);
    const missing = absent.split(' ').filter((n) => n !== 'goto');
    expect(check(use(missing.join(' ')), { settings }).diagnostics.map((d) => d.code)).toEqual(missing.map((n) => (n.includes('.') ? 'undefined-field' : 'undefined-global')));
  });

  test('full library: the debug functions have the manual\'s forms (thread argument, any value), not the sandbox subset\'s', () => {
    // Found by the precision bench (issue #14): compat53, penlight, busted, luassert, lua-http, ljsyscall.
    const code = [
      'local co = coroutine.create(function() end)',
      'local info = debug.getinfo(co, 1, "Sl")',
      'print(info.source, debug.getinfo(1).currentline, debug.getinfo(print).what)',
      'print(debug.traceback(co, "msg", 2))',
      'debug.setmetatable("", nil)',
      'debug.setmetatable(function() end, {})',
    ].join('\n');
    for (const version of ['5.1', '5.3', 'luajit'] as const) {
      expect(check(code, { settings: { runtime: { version, library: 'full' } } }).diagnostics.filter((d) => d.severity === 'error' || d.severity === 'warning')).toEqual([]);
    }
  });

  test('grammar per version: 5.4 attributes are blanked and recorded; LuaJIT literals; goto only from 5.2', () => {
    const p = parseLua('local a <const>, b <close> = 1, nil\nreturn a', { version: '5.4' });
    expect(p.syntaxErrors).toEqual([]);
    expect(p.attributes.map((x) => `${x.name}:${x.attribute}@${x.start}`)).toEqual(['a:const@6', 'b:close@17']);
    expect(parseLua('local a <const> = 1', { version: '5.3' }).syntaxErrors).toHaveLength(1);
    expect(parseLua('local x = 1ULL + 0x7fLL + 3i', { version: 'luajit' }).syntaxErrors).toEqual([]);
    expect(parseLua('local x = 1ULL', { version: '5.1' }).syntaxErrors).toHaveLength(1);
    expect(parseLua('goto done ::done::', { version: '5.2' }).syntaxErrors).toEqual([]);
    expect(parseLua('goto done ::done::', { version: '5.1' }).syntaxErrors).toHaveLength(1);
    expect(parseLua('local s = "\\?" .. "\\d"', { version: 'luajit' }).syntaxErrors).toEqual([]);
    expect(parseLua('local s = "\\?"', { version: '5.4' }).syntaxErrors).toHaveLength(1);
    // luaparse's 5.1 mode rejects `break;`, Lua 5.1 does not.
    expect(parseLua('while true do break; end', { version: '5.1' }).syntaxErrors).toEqual([]);
    expect(parseLua('while true do break; print(1) end', { version: '5.1' }).syntaxErrors).toHaveLength(1);
  });
});
