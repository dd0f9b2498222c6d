// Long library calls obey the time limit: luamod's fengari patch gives the pattern matcher,
// string.rep, table.concat, table.move and table.sort a step budget (docs/fengari-patches.md).
import { describe, expect, it } from 'vitest';
import { runScript } from '../../src/runtime/run-script';

const run = (source: string) => runScript({ source, chunkName: 'budget.lua', timeoutMs: 200, memoryBytes: 0, stringBytes: 0 });

describe('step budget inside library calls', () => {
  const cases: Record<string, string> = {
    'string.find with a backtracking pattern': 'return string.find(string.rep("a", 600), ".-.-.-b")',
    'string.match': 'return string.match(string.rep("a", 600), ".-.-.-b")',
    'string.gsub': 'return string.gsub(string.rep("a", 600), ".-.-.-b", "x")',
    'string.gmatch': 'for m in string.gmatch(string.rep("a", 600), ".-.-.-b") do end',
    'string.rep of an empty string': 'return #string.rep("", 2000000000)',
    'table.move over a huge range': 'local t = table.move({}, 1, 2000000000, 1, {}) return #t',
    'table.concat through __index': 'local t = setmetatable({}, {__index = function() return "" end, __len = function() return 2000000000 end}) return table.concat(t)',
  };
  for (const [what, source] of Object.entries(cases)) {
    it(`${what} stops with TIMEOUT`, async () => {
      const r = await run(source);
      expect(r.error?.kind).toBe('TIMEOUT');
      expect(r.error?.message).toMatch(/time limit of 200 ms/);
    }, 20_000);
  }

  it('a pcall around the call does not keep the script alive', async () => {
    const r = await run('local ok = pcall(string.find, string.rep("a", 600), ".-.-.-b") return "survived", ok');
    expect(r.error?.kind).toBe('TIMEOUT');
  }, 20_000);

  it('a script under its limit is unaffected', async () => {
    const r = await run('local i, j = string.find(string.rep("a", 50) .. "b", ".-.-.-b") return i, j, #table.concat({"a", "b"})');
    expect(r.error).toBeUndefined();
    expect(r.result).toEqual([1, 51, 2]);
  });
});
