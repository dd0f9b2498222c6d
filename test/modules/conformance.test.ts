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
