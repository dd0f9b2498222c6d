// env on the real VM: the host's map, permissions (resource = key), INVALID keys, bad arguments.
import { afterAll, describe, expect, it } from 'vitest';
import { createVm } from '../vm';

const hostEnv: Record<string, string> = { HOME: '/home/ada', MODE: 'prod' };
const vm = createVm({ env: hostEnv });
afterAll(() => vm.stop());

const onlyHome = { actor: { id: 'restricted' }, scope: { policies: [
  { actions: ['env.get'], resources: ['HOME'], effect: 'allow' as const },
  { actions: ['env.*'], resources: ['SECRET*'], effect: 'deny' as const },
] } };

describe('env.get', () => {
  it('reads the map the host gave the engine; unset is nil without error', async () => {
    expect(await vm.values(`local v, e = env.get("NOPE") return env.get("HOME"), v, e`)).toEqual(['/home/ada', null, null]);
  });
  it('returns PERMISSION_DENIED when the actor may not read the key', async () => {
    expect(await vm.values(`local a = env.get("HOME") local v, err = env.get("MODE") return a, v, err:kind()`, onlyHome))
      .toEqual(['/home/ada', null, 'PERMISSION_DENIED']);
    expect(await vm.values(`local v, err = env.get("HOME") return v, err:kind(), err:message()`, { actor: undefined, scope: undefined }))
      .toEqual([null, 'PERMISSION_DENIED', "permission denied: env.get on 'HOME'"]);
  });
  it('returns INVALID for an empty key and raises for a non-string', async () => {
    expect(await vm.values(`local v, err = env.get("") return v, err:kind()`)).toEqual([null, 'INVALID']);
    expect(await vm.failure('env.get({})')).toMatch(/bad argument #1 to 'get' \(string expected, got table\)/);
  });
});

describe('env.set', () => {
  it('sets a variable in the process\'s own copy of the map: later reads see it, other scripts and the host do not', async () => {
    expect(await vm.values(`return env.set("NEW_VAR", "1"), env.get("NEW_VAR")`)).toEqual([true, '1']);
    expect(await vm.values(`return env.get("NEW_VAR")`)).toEqual([null]);
    expect(hostEnv.NEW_VAR).toBeUndefined();
  });
  it('returns PERMISSION_DENIED and INVALID', async () => {
    expect(await vm.values(`local ok, err = env.set("MODE", "x") return ok, err:kind(), env.get("HOME")`, onlyHome))
      .toEqual([null, 'PERMISSION_DENIED', '/home/ada']);
    expect(await vm.values(`local ok, err = env.set("", "x") local ok2, err2 = env.set("A=B", "x") return ok, err:kind(), ok2, err2:kind()`))
      .toEqual([null, 'INVALID', null, 'INVALID']);
  });
  it('returns PERMISSION_DENIED when the host map is frozen', async () => {
    const frozen = createVm({ env: Object.freeze({ A: '1' }) });
    try {
      expect(await frozen.values(`local ok, err = env.set("A", "2") return ok, err:kind(), env.get("A")`)).toEqual([null, 'PERMISSION_DENIED', '1']);
    } finally {
      frozen.stop();
    }
  });
  it('raises for a missing value', async () => {
    expect(await vm.failure('env.set("A")')).toMatch(/bad argument #2 to 'set' \(string expected, got no value\)/);
  });
});
