// uuid on the real VM: generated ids validate, versions, INVALID, validate never raises.
import { afterAll, describe, expect, it } from 'vitest';
import { createVm } from '../vm';

const vm = createVm();
afterAll(() => vm.stop());

describe('uuid', () => {
  it('generates valid v4 and v7 ids (many, all distinct)', async () => {
    expect(await vm.values(`
      local seen, n = {}, 0
      for i = 1, 300 do
        for _, id in ipairs({ uuid.v4(), uuid.v7() }) do
          assert(uuid.validate(id), id)
          assert(not seen[id], "duplicate " .. id)
          seen[id] = true
          n = n + 1
        end
      end
      return n, uuid.version(uuid.v4()), uuid.version(uuid.v7())`)).toEqual([600, 4, 7]);
  });
  it('v7 ids made later sort after earlier ones', async () => {
    expect(await vm.values(`local a = uuid.v7() time.sleep("3ms") local b = uuid.v7() return a < b`)).toEqual([true]);
  });
  it('validate answers false for anything else and never raises', async () => {
    expect(await vm.values(`return uuid.validate("nope"), uuid.validate(42), uuid.validate(nil), uuid.validate({}), uuid.validate(), uuid.validate("F47AC10B-58CC-4372-A567-0E02B2C3D479")`))
      .toEqual([false, false, false, false, false, true]);
  });
  it('version returns INVALID for a non-UUID and raises for a non-string', async () => {
    expect(await vm.values(`local v, err = uuid.version("nope") return v, err:kind(), err:message()`)).toEqual([null, 'INVALID', 'not a UUID: "nope"']);
    expect(await vm.failure('uuid.version({})')).toMatch(/bad argument #1 to 'version' \(string expected, got table\)/);
  });
});
