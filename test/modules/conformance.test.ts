// No drift between manifests and runtime tables: every ModuleDef in builtinModules (the `errors`
// module included once it is there) is compared statically, then probed on the real VM.
import { describe, expect, it } from 'vitest';
import { builtinModules } from '../../src/modules';
import { staticDrift } from './conformance-static';

describe('manifest vs build (static)', () => {
  for (const def of builtinModules) {
    it(`${def.name}: exports, constants, userdata methods and yield declarations agree`, () => {
      expect(staticDrift(def)).toEqual([]);
    });
  }

  it('the check catches drift', () => {
    const time = builtinModules.find((d) => d.name === 'time')!;
    const broken = {
      ...time,
      build: () => {
        const b = time.build!();
        const { now: _now, ...table } = b.table;
        return { ...b, table: { ...table, extra: () => 0 }, yields: [], userdata: b.userdata!.map((u) => ({ ...u, methods: { ...u.methods, bogus: () => 0 } })) };
      },
    };
    const problems = staticDrift(broken).join('\n');
    expect(problems).toMatch(/'extra' is built but has no manifest entry/);
    expect(problems).toMatch(/'now' is in the manifest but not built/);
    expect(problems).toMatch(/time.Time methods: 'bogus' is built/);
    expect(problems).toMatch(/marked yields but build\(\) declares no yields/);
  });
});

// ---- dynamic: one probe call per manifest function, on the real engine and scheduler ----
import { afterAll, beforeAll } from 'vitest';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { readdirSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ModuleDef } from '../../src/module/module-def';
import { createProbeBench, manifestFunctions, yieldDrift } from './conformance-probe';
import type { FunctionType, RecordType } from '../../src/types/type';

/**
 * A Lua statement calling each function once with valid arguments. Every manifest function must
 * have one (a new export fails here until it gets a probe); setup code in a probe must not yield.
 */
const PROBES: Record<string, string> = {
  'time.now': 'time.now()', 'time.unix': 'time.unix(0)', 'time.since': 'time.since(time.unix(0))',
  'time.parse': 'time.parse(time.RFC3339, "2020-01-01T00:00:00Z")', 'time.parse_duration': 'time.parse_duration("1s")',
  'time.sleep': 'time.sleep("1ms")',
  ...Object.fromEntries(['unix', 'unix_milli', 'format_rfc3339', 'year', 'month', 'day', 'hour', 'minute', 'second', 'weekday', 'utc']
    .map((m) => [`time.Time:${m}`, `time.unix(0):${m}()`])),
  'time.Time:format': 'time.unix(0):format("2006")', 'time.Time:add': 'time.unix(0):add(1)',
  'time.Time:sub': 'time.unix(5):sub(time.unix(0))', 'time.Time:before': 'time.unix(0):before(time.unix(1))',
  'time.Time:after': 'time.unix(0):after(time.unix(1))', 'time.Time:equal': 'time.unix(0):equal(time.unix(0))',
  ...Object.fromEntries(['nanoseconds', 'milliseconds', 'seconds', 'minutes', 'hours', 'string']
    .map((m) => [`time.Duration:${m}`, `time.parse_duration("1m"):${m}()`])),
  'json.encode': 'json.encode({1})', 'json.decode': 'json.decode("[1]")',
  'base64.encode': 'base64.encode("x")', 'base64.decode': 'base64.decode("eA==")',
  'hash.md5': 'hash.md5("x")', 'hash.sha1': 'hash.sha1("x")', 'hash.sha256': 'hash.sha256("x")', 'hash.sha512': 'hash.sha512("x")',
  'hash.hmac_sha256': 'hash.hmac_sha256("x", "k")',
  'uuid.v4': 'uuid.v4()', 'uuid.v7': 'uuid.v7()', 'uuid.validate': 'uuid.validate("x")', 'uuid.version': 'uuid.version(uuid.v4())',
  'env.get': 'env.get("A")', 'env.set': 'env.set("A", "b")',
  'logger.Logger:debug': 'logger:debug("x")', 'logger.Logger:info': 'logger:info("x")', 'logger.Logger:warn': 'logger:warn("x")',
  'logger.Logger:error': 'logger:error("x")', 'logger.Logger:with': 'logger:with({a = 1})', 'logger.Logger:named': 'logger:named("n")',
  'fs.read': 'fs.read("probe.txt")', 'fs.write': 'fs.write("out.txt", "x")', 'fs.exists': 'fs.exists("probe.txt")',
  'fs.list': 'fs.list(".")', 'fs.remove': 'fs.remove("gone.txt")',
  'errors.new': 'errors.new("x")', 'errors.wrap': 'errors.wrap("x", "while probing")', 'errors.is': 'errors.is(errors.new("x"), errors.UNKNOWN)',
};

/** Every ModuleDef exported by a src/modules/<name>/index.ts (so `errors` joins once it exists). */
async function allModuleDefs(): Promise<ModuleDef[]> {
  const dir = join(__dirname, '../../src/modules');
  const defs: ModuleDef[] = [];
  for (const name of readdirSync(dir).sort()) {
    const index = join(dir, name, 'index.ts');
    if (!existsSync(index)) continue;
    const mod = (await import(index)) as Record<string, unknown>;
    for (const v of Object.values(mod)) {
      const d = v as Partial<ModuleDef>;
      if (d && typeof d === 'object' && typeof d.name === 'string' && typeof d.types === 'function' && Array.isArray(d.class)) defs.push(d as ModuleDef);
    }
  }
  return defs;
}

describe('manifest vs behaviour (probe runs on the real VM)', async () => {
  const defs = await allModuleDefs();
  let root: string;
  let bench: ReturnType<typeof createProbeBench>;
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'luamod-probe-'));
    await writeFile(join(root, 'probe.txt'), 'x');
    await writeFile(join(root, 'gone.txt'), 'x');
    bench = createProbeBench(defs.filter((d) => d.build), { fsRoot: root, env: {} });
  });
  afterAll(async () => {
    bench.stop();
    await rm(root, { recursive: true, force: true });
  });

  it('finds every built-in ModuleDef in src/modules', () => {
    expect(defs.map((d) => d.name)).toEqual(expect.arrayContaining(builtinModules.map((d) => d.name)));
  });

  for (const def of defs) {
    it(`${def.name}: static check`, () => expect(staticDrift(def)).toEqual([]));
    if (!def.build) continue;
    it(`${def.name}: each function yields exactly when its manifest says so`, async () => {
      expect(await yieldDrift(def, bench, PROBES)).toEqual([]);
    });
  }

  it('the probe catches yield drift both ways', async () => {
    const uuid = defs.find((d) => d.name === 'uuid')!;
    const time = defs.find((d) => d.name === 'time')!;
    const flip = (def: ModuleDef, member: string): ModuleDef => ({
      ...def,
      types: () => {
        const m = def.types();
        const exp = m.exportType as RecordType;
        const f = exp.fields[member]!;
        const fnType = f.type as FunctionType;
        m.setExport({ ...exp, fields: { ...exp.fields, [member]: { ...f, type: { ...fnType, yields: !fnType.yields } } } });
        return m;
      },
    });
    const drifted = [flip(uuid, 'v4'), flip(time, 'sleep')];
    const other = createProbeBench(drifted, { env: {} });
    try {
      expect(await yieldDrift(drifted[0]!, other, PROBES)).toContain('uuid.v4: marked yields but issued no command');
      expect(await yieldDrift(drifted[1]!, other, PROBES)).toContain('time.sleep: not marked yields but issued clock.sleep');
      const undeclared = { ...uuid, build: () => ({ ...uuid.build!(), table: { ...uuid.build!().table, v4: time.build!().table.sleep! } }) };
      const third = createProbeBench([flip(undeclared, 'v4')], {});
      try {
        expect(await yieldDrift(flip(undeclared, 'v4'), third, { 'uuid.v4': 'uuid.v4("1ms")' }))
          .toContain('uuid.v4: issued clock.sleep, not declared in build().yields');
      } finally {
        third.stop();
      }
    } finally {
      other.stop();
    }
  });

  it('every probe names a real manifest function', () => {
    const known = new Set(defs.flatMap((d) => manifestFunctions(d).map((f) => f.path)));
    expect(Object.keys(PROBES).filter((p) => !known.has(p))).toEqual([]);
  });
});
