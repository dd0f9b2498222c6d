// Several processes on ONE engine, with different grants and module sets: an attacker process
// tampers with everything it can reach, then a victim process with more permissions runs (and the
// other way round, and interleaved by the scheduler). Each test is an attack that passes when the
// isolation promise holds: nothing a process does is seen by another process sharing the engine.
import { afterEach, describe, expect, test } from 'vitest';
import { createTestScheduler, type TestScheduler } from '../../src/runtime/test-scheduler';
import type { ProcessOptions } from '../../src/runtime/process';
import type { Policy } from '../../src/runtime/security';
import { fetchDispatcher, greetModule } from '../runtime/fixtures';
import { envModule } from '../../src/modules/env';
import type { ModuleDef } from '../../src/module';
import { ModuleClass } from '../../src/module';
import { newManifest } from '../../src/types';

const actor = { id: 'victim' };
const readGrant: ProcessOptions = { actor, scope: { policies: [{ actions: ['fs.read'], effect: 'allow' } satisfies Policy] } };
/** The attacker: no grants, and a smaller module set than the victim (so a different shared layer). */
const noGrant: ProcessOptions = { actor: { id: 'attacker' }, scope: { policies: [] }, modules: ['greet'] };

/** A second module, so that the victim's module set (all) differs from the attacker's. */
const otherModule: ModuleDef = {
  name: 'other',
  description: 'Second test module.',
  class: [ModuleClass.Deterministic],
  types: () => newManifest('other'),
  build: () => ({ table: { id: (l) => { l.push(l.checkAny(1)); return 1; } } }),
};

let ts: TestScheduler | undefined;
afterEach(() => { ts?.stop(); ts = undefined; });

function engine(): TestScheduler {
  ts = createTestScheduler({ modules: [greetModule, otherModule], dispatchers: [fetchDispatcher] });
  return ts;
}

/** Runs `script` as a process and returns its values; fails the test with the script's error. */
async function run(t: TestScheduler, script: string, options: ProcessOptions = noGrant): Promise<unknown[]> {
  const r = await t.run(script, options);
  if (r.error) throw new Error(`script failed: ${r.error.message} (line ${r.error.line ?? '?'})`);
  return r.values;
}

/** The victim: a process with an fs.read grant using the base library, standard tables and modules. */
const VICTIM = `
  local out = {}
  out[1] = tostring(42)
  out[2] = string.rep("ab", 2)
  out[3] = ("x"):upper()
  out[4] = type(print)
  out[5] = select("#", 1, 2)
  out[6] = table.concat({"a", "b"}, ",")
  out[7] = math.floor(2.5)
  out[8] = greet.greet("v")
  out[9] = tostring(errors.new("e"))
  out[10] = tostring(pcall(error, "p"))
  out[11] = tostring(loot)
  out[12] = tostring(rawget(_ENV, "loot"))
  out[13] = tostring(require("greet") == greet)
  out[14] = tostring(ipairs ~= nil and pairs ~= nil and next ~= nil)
  out[15] = tostring(_G == _ENV)
  out[16] = string.format("%d", 7)
  out[17] = utf8.char(65)
  out[18] = os.time{year=2020, month=1, day=1, hour=0} ~= nil and "t" or "f"
  out[19] = tostring(coroutine.wrap(function() return "co" end)())
  out[20] = tostring(load("return 1 + 1")())
  out[21] = other.id("o")
  return table.concat(out, "|")
`;
const VICTIM_EXPECTED = '42|abab|X|function|2|a,b|2|Hello, v!|e|false|nil|nil|true|true|true|7|A|t|co|2|o';

/** Attacks that try to replace or poison something shared; each is run by a process with no grants. */
const TAMPER: Record<string, string> = {
  '_G = nil exposes the shared base table': `
    _G = nil
    assert(_G == nil, "_G must be nil after _G = nil, as in C Lua, got " .. tostring(_G))`,
  '_G = nil then poison tostring, string, errors, require through _G': `
    _G = nil
    pcall(function()
      _G.tostring = function(v) _G.loot = greet.read("secret.txt") return "pwned" end
      _G.string = { rep = function() return "pwned" end, format = function() return "pwned" end }
      _G.errors = { new = function() return "pwned" end }
      _G.require = function() return { greet = function() return "pwned" end } end
      _G.loot = "planted"
    end)`,
  'assign the base library globally': `
    tostring = function() return "pwned" end
    print = nil; pairs = nil; ipairs = nil; next = nil; pcall = nil; require = nil; type = nil
    select = nil; load = nil; rawget = nil
    loot = "planted"`,
  'write into the standard tables': `
    for _, t in ipairs({string, table, math, coroutine, utf8, os, errors, greet}) do
      for _, k in ipairs({"rep", "concat", "floor", "wrap", "char", "time", "new", "greet", "format", "upper"}) do
        pcall(function() t[k] = function() return "pwned" end end)
        pcall(rawset, t, k, function() return "pwned" end)
      end
      pcall(setmetatable, t, { __index = function() return "pwned" end })
    end`,
  'poison the string metatable': `
    local mt = getmetatable("")
    pcall(function() mt.__index = { upper = function() return "pwned" end } end)
    pcall(function() mt.__index.upper = function() return "pwned" end end)
    pcall(rawset, mt, "__index", {})
    pcall(setmetatable, "", {})`,
  'poison metatables of read-only views, userdata and errors': `
    for _, v in ipairs({string, greet, errors, greet.counter(1), errors.new("x"), greet.units}) do
      local mt = getmetatable(v)
      if type(mt) == "table" then
        pcall(rawset, mt, "__index", function() return "pwned" end)
        pcall(rawset, mt, "__tostring", function() return "pwned" end)
        mt.__index = function() return "pwned" end
      end
      pcall(setmetatable, v, {})
    end`,
  'poison the globals metatable': `
    local mt = getmetatable(_ENV)
    if type(mt) == "table" then pcall(function() mt.__index.tostring = function() return "pwned" end end) end
    pcall(setmetatable, _ENV, { __index = function() return "pwned" end })
    pcall(setmetatable, _G, nil)`,
  'load with and without env': `
    load("_G = nil; _G.tostring = function() return 'pwned' end")()
    load("loot = 'planted'")()
    pcall(load("tostring = nil", "x", "t", nil))
    local f = load("_ENV.tostring = nil; loot = 'planted'", "y", "t", _ENV); f()
    load(function() return nil end)
    local env = setmetatable({}, { __index = _ENV }); load("x = 1", "z", "t", env)()`,
  'coroutines and their globals': `
    local co = coroutine.create(function() _G = nil; pcall(function() _G.tostring = function() return "pwned" end end); loot = "planted" end)
    coroutine.resume(co)
    coroutine.wrap(function() _ENV.next = nil end)()`,
  'error objects and the errors library': `
    local e = errors.new({ message = "m", details = { a = 1 } })
    pcall(function() e:details().a = "pwned" end)
    pcall(function() errors.NOT_FOUND = "pwned" end)
    pcall(function() errors.new = function() return "pwned" end end)
    pcall(error, setmetatable({}, { __tostring = function() return "pwned" end }))`,
  'seed the random generator': `math.randomseed(7)`,
};

describe('one engine, many processes: an attacker cannot change what a victim runs', () => {
  const LOOT = 'return tostring(loot), tostring(_G == _ENV), tostring(rawget(_ENV, "loot")), (function() _G = nil; return tostring(_G and _G.loot) end)()';
  for (const [name, attack] of Object.entries(TAMPER)) {
    test(`${name}: attacker first, then the victim with more grants and modules`, async () => {
      const t = engine();
      await t.run(attack, noGrant);
      expect(await run(t, VICTIM, readGrant)).toEqual([VICTIM_EXPECTED]);
      // A third process, the attacker again, must find neither loot nor its own tampering.
      expect(await run(t, LOOT, noGrant)).toEqual(['nil', 'true', 'nil', 'nil']);
      expect(await run(t, VICTIM, readGrant)).toEqual([VICTIM_EXPECTED]);
    });
    test(`${name}: the victim runs before and after the attacker`, async () => {
      const t = engine();
      expect(await run(t, VICTIM, readGrant)).toEqual([VICTIM_EXPECTED]);
      await t.run(attack, { ...noGrant, modules: undefined });
      expect(await run(t, VICTIM, readGrant)).toEqual([VICTIM_EXPECTED]);
      expect(await run(t, LOOT, noGrant)).toEqual(['nil', 'true', 'nil', 'nil']);
    });
  }

  test('_G = nil makes _G nil, as in C Lua (not the engine\'s shared table)', async () => {
    const t = engine();
    expect(await run(t, '_G = nil; return _G == nil, rawequal(_ENV, _ENV)')).toEqual([true, true]);
    expect(await run(t, '_G = 5; return _G')).toEqual([5]);
    expect(await run(t, 'local g = _G; _G = nil; _G = g; return _G == _ENV')).toEqual([true]);
  });

  test('tampering while the victim is suspended (interleaved by the scheduler)', async () => {
    const t = engine();
    const victim = t.run(`
      local a = tostring(42)
      greet.sleep(20)
      local b = tostring(42) .. string.rep("x", 2) .. tostring(loot)
      greet.sleep(20)
      return a, b, tostring(loot)`, readGrant);
    const attackers = Object.values(TAMPER).map((a) => t.run(`greet.sleep(5) ${a}`, noGrant));
    await Promise.all(attackers);
    const r = await victim;
    expect(r.error).toBeUndefined();
    expect(r.values).toEqual(['42', '42xxnil', 'nil']);
  });

  test('the victim first, then the attacker: poisoned functions never run with the victim grants', async () => {
    const t = engine();
    // If tostring could be replaced engine-wide, the victim's later calls would run the attacker's
    // function with the victim's fs.read grant and leak the secret into a global the attacker reads.
    const victim = t.run('for i = 1, 5 do greet.sleep(5); tostring(i) end return "done"', readGrant);
    await t.run(`_G = nil; pcall(function() _G.tostring = function(v) _G.loot = greet.read("secret.txt") return "x" end end)`);
    expect((await victim).values).toEqual(['done']);
    expect(await run(t, '_G = nil; return tostring(_G and _G.loot)')).toEqual(['nil']);
  });
});

describe('one engine, many processes: a process cannot read another one\'s data', () => {
  test('globals of a suspended process are invisible through _ENV, _G, pairs, next, rawget and load', async () => {
    const t = engine();
    const victim = t.run('token = "s3cret"; greet.sleep(30); return token', readGrant);
    const r = await run(t, `
      greet.sleep(5)
      local seen = {}
      local function scan(tbl) if type(tbl) == "table" then for k, v in pairs(tbl) do if v == "s3cret" then seen[#seen + 1] = k end end end end
      scan(_ENV); scan(_G)
      if rawget(_ENV, "token") or token then seen[#seen + 1] = "direct" end
      _G = nil
      scan(_G)
      if _G and _G.token then seen[#seen + 1] = "_G" end
      local k, v = next({}); scan(load("return _ENV")())
      return #seen`);
    expect(r).toEqual([0]);
    expect((await victim).values).toEqual(['s3cret']);
  });

  test('a process without a module cannot reach it through the shared layers', async () => {
    const t = engine();
    await run(t, 'return greet.greet("x")');
    const r = await run(t, `
      local found = {}
      if greet then found[#found + 1] = "greet" end
      if pcall(require, "greet") then found[#found + 1] = "require" end
      _G = nil
      if _G and _G.greet then found[#found + 1] = "_G" end
      for k in pairs(getmetatable(_ENV) and {} or {}) do found[#found + 1] = k end
      return #found, tostring(errors ~= nil)`, { ...noGrant, modules: [] });
    expect(r).toEqual([0, 'true']);
  });

  test('math.random of one process is not steered by another one\'s randomseed', async () => {
    const t = engine();
    const draws: unknown[] = [];
    for (let i = 0; i < 2; i++) {
      await run(t, 'math.randomseed(7)');
      draws.push(...await run(t, 'return math.random(1, 1000000000)'));
    }
    // With a shared seed both draws are the same number; independent draws coincide once in 1e9.
    expect(draws[0]).not.toEqual(draws[1]);
    // A process's own seed still makes its own sequence repeatable.
    expect(await run(t, 'math.randomseed(3) local a = math.random(1, 1e6) math.randomseed(3) return a == math.random(1, 1e6)')).toEqual([true]);
  });

  test('a process\'s env map changes are its own', async () => {
    const envGrant: ProcessOptions = { actor, scope: { policies: [{ actions: ['env.*'], effect: 'allow' }] } };
    ts = createTestScheduler({ modules: [envModule], env: { HOME: '/home/v' } });
    await run(ts, 'env.set("HOME", "/tmp/attacker"); env.set("PWNED", "1")', envGrant);
    expect(await run(ts, 'return env.get("HOME"), env.get("PWNED")', envGrant)).toEqual(['/home/v', null]);
  });
});
