// logger on the real VM: the module value is a Logger; each call hands one entry to the log sink.
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { createVm } from '../vm';

const lines: { level: string; message: string; fields?: Record<string, unknown> }[] = [];
const vm = createVm({ log: (level, message, fields) => lines.push({ level, message, fields }) });
afterAll(() => vm.stop());
beforeEach(() => { lines.length = 0; });

describe('logger', () => {
  it('is a Logger userdata writing one entry per call at each level', async () => {
    expect(await vm.values(`
      logger:debug("d") logger:info("i", { n = 1 }) logger:warn("w") logger:error("e", { list = { 1, 2 } })
      return type(logger), tostring(logger)`)).toEqual(['userdata', 'Logger']);
    expect(lines).toEqual([
      { level: 'debug', message: 'd', fields: {} },
      { level: 'info', message: 'i', fields: { n: 1 } },
      { level: 'warn', message: 'w', fields: {} },
      { level: 'error', message: 'e', fields: { list: [1, 2] } },
    ]);
  });
  it('with() and named() make new loggers; call fields win; odd values become strings', async () => {
    await vm.values(`
      local log = logger:named("billing"):with({ customer = "c1", n = 1 }):named("cards")
      log:info("charged", { n = 2, f = print, t = time.unix(0) })
      logger:info("root unchanged")`);
    expect(lines).toEqual([
      { level: 'info', message: 'charged', fields: { logger: 'billing.cards', customer: 'c1', n: 2, f: '<function>', t: '<time.Time>' } },
      { level: 'info', message: 'root unchanged', fields: {} },
    ]);
  });
  it('raises bad argument errors', async () => {
    expect(await vm.failure('logger:info()')).toMatch(/bad argument #1 to 'info' \(string expected, got no value\)/);
    expect(await vm.failure('logger:info("x", 5)')).toMatch(/bad argument #2 to 'info' \(table expected, got number\)/);
    expect(await vm.failure('logger.info("x")')).toMatch(/logger\.Logger expected/);
    expect(await vm.failure('logger:with()')).toMatch(/bad argument #1 to 'with' \(table expected, got no value\)/);
    expect(await vm.failure('logger:named({})')).toMatch(/bad argument #1 to 'named' \(string expected, got table\)/);
    expect(lines).toEqual([]);
  });
});
