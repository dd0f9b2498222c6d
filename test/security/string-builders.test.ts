// Attacks on the string size limit (16 MiB by default) of the library functions that build strings:
// values that change between a size check and the build (a proxy's __index, a __tostring, a
// replacement function or table), and replacement strings that multiply the subject (`%0%0%0`).
// Each must stop with "resulting string too large" before building the string, even with no memory
// limit; ordinary calls keep Lua's results and Lua's messages (naming the function, not '?').
import { afterAll, describe, expect, test } from 'vitest';
import { createTestScheduler } from '../../src/runtime/test-scheduler';

const ts = createTestScheduler({ limits: { memoryBytes: 0 } });
afterAll(() => ts.stop());

/** The failure of `script` as `LINE: message` (the runtime reports the chunk's line apart). */
async function failure(script: string): Promise<string> {
  const r = await ts.run(script);
  if (!r.error) throw new Error(`script succeeded with ${JSON.stringify(r.values).slice(0, 200)}`);
  return `${r.error.line ?? '?'}: ${r.error.message}`;
}
const TOO_LARGE = /resulting string too large in '(concat|gsub|format|rep|pack)'/;

describe('a value that grows after the size check', () => {
  test('table.concat over a proxy answering "" to a first read and 1 MiB afterwards', async () => {
    // A size check that reads the elements before the join sees 64 empty strings; the join then
    // reads 64 MiB. Reading each element once, the join is what was checked.
    const r = await ts.run(`
      local big, calls = ("x"):rep(1024 * 1024), 0
      local p = setmetatable({}, { __len = function() return 64 end,
        __index = function(_, i) calls = calls + 1 if calls <= 64 then return "" end return big end })
      return #table.concat(p), calls`);
    if (r.error) expect(r.error.message).toMatch(TOO_LARGE);
    else expect(r.values).toEqual([0, 64]);
  });
  test('table.concat over a proxy with __index only (length from the raw table)', async () => {
    expect(await failure(`
      local big = ("x"):rep(1024 * 1024)
      local t = {} for i = 1, 64 do t[i] = "" end
      local p = setmetatable(t, { __len = function() return 64 end })
      local q = setmetatable({}, { __len = function() return 64 end, __index = function() return big end })
      return #table.concat(q, "")`)).toMatch(TOO_LARGE);
  });
  test('string.format %s of a value whose __tostring returns 1 MiB', async () => {
    expect(await failure(`
      local v = setmetatable({}, { __tostring = function() return ("y"):rep(1024 * 1024) end })
      return #string.format(("%s"):rep(40), ${Array(40).fill('v').join(', ')})`)).toMatch(TOO_LARGE);
  });
  test('string.gsub with a function answering 1 MiB per match', async () => {
    expect(await failure(`
      local big = ("z"):rep(1024 * 1024)
      return #(("a"):rep(100):gsub(".", function() return big end))`)).toMatch(TOO_LARGE);
  });
  test('string.gsub with a table whose __index answers 1 MiB', async () => {
    expect(await failure(`
      local big = ("z"):rep(1024 * 1024)
      local t = setmetatable({}, { __index = function() return big end })
      return #(("a"):rep(100):gsub(".", t))`)).toMatch(TOO_LARGE);
  });
});

describe('replacement strings and formats that multiply their input', () => {
  test('gsub with %0 repeated over a 4 MiB subject (1.6 GB if it were built)', async () => {
    expect(await failure(`return #(("a"):rep(4 * 1024 * 1024):gsub(".", ("%0"):rep(400)))`)).toMatch(TOO_LARGE);
  });
  test('gsub with %1 repeated and a capture', async () => {
    expect(await failure(`return #(("ab"):rep(512 * 1024):gsub("(a)b", ("%1%0"):rep(40)))`)).toMatch(TOO_LARGE);
  });
  test('gsub with an empty pattern (a match at every position)', async () => {
    expect(await failure(`return #(("a"):rep(4 * 1024 * 1024):gsub("", ("-"):rep(400)))`)).toMatch(TOO_LARGE);
  });
  test('format of 200 strings of 8 MiB (1.6 GB if it were built)', async () => {
    expect(await failure(`local s = ("q"):rep(8 * 1024 * 1024) local t = {} for i = 1, 200 do t[i] = s end
      return #string.format(("%s"):rep(200), table.unpack(t))`)).toMatch(TOO_LARGE);
  });
});

describe('fixed-size pack options that pad a short string', () => {
  test('string.pack of four c16000000 options with empty strings (64 MB)', async () => {
    expect(await failure(`return #string.pack(("c16000000"):rep(4), "", "", "", "")`)).toMatch(/resulting string too large in 'pack'/);
  });
  test('ordinary packs', async () => {
    const r = await ts.run(`return #string.pack("i4i8s1z", 1, 2, "abc", "de"), (string.unpack("i4", string.pack("i4", 7))), #string.pack("c5", "ab"), #string.pack("!8 i1 i8", 1, 2)`);
    expect(r.values).toEqual([19, 7, 5, 16]);
  });
});

describe('ordinary calls keep Lua\'s results and messages', () => {
  test('results', async () => {
    const r = await ts.run(`
      local p = setmetatable({}, { __len = function() return 3 end, __index = function(_, i) return "p" .. i end })
      return table.concat({1, 2.5, "x"}, ", "), table.concat(p, "-"), table.concat({"a", "b", "c"}, "", 2, 3),
        table.concat({}), (("hello world"):gsub("(o)", "[%1%0]")), (("abc"):gsub("", "-")),
        (("hello"):gsub("l", { l = "L" })), (("hello"):gsub("l", function() return nil end)),
        select(2, ("aaa"):gsub("a", "b", 2)), string.format("%5.1f|%s|%d|%q", 3.14159, {} ~= nil, 7, "a\\n"),
        (("x"):rep(3, ",")), (("a"):rep(2 ^ 20):gsub(".", "%0")):len()`);
    expect(r.error).toBeUndefined();
    expect(r.values).toEqual(['1, 2.5, x', 'p1-p2-p3', 'bc', '', 'hell[oo] w[oo]rld', '-a-b-c-', 'heLLo', 'hello',
      2, '  3.1|true|7|"a\\\n"', 'x,x,x', 1048576]);
  });
  test.each([
    ['string.rep("x", {})', /^1: bad argument #2 to 'rep' \(number expected, got table\)/],
    ['("x"):rep({})', /^1: bad argument #1 to 'rep' \(number expected, got table\)/],
    ['string.format("%d", "x")', /^1: bad argument #2 to 'format' \(number expected, got string\)/],
    ['string.gsub("x", "x", true)', /^1: bad argument #3 to 'gsub' \(string\/function\/table expected/],
    ['table.concat({1, {}, 3})', /^1: invalid value \(table\) at index 2 in table for 'concat'/],
    ['table.concat(nil)', /^1: bad argument #1 to 'concat' \(table expected, got nil\)/],
    ['table.concat({}, {})', /^1: bad argument #2 to 'concat' \(string expected, got table\)/],
    ['rawset(1, 2, 3)', /^1: bad argument #1 to 'rawset' \(table expected, got number\)/],
    ['load({})', /^1: bad argument #1 to 'load'/],
  ])('%s', async (call, message) => {
    expect(await failure(call)).toMatch(message);
  });
});

test('string.format converts a __tostring value only for %s (other conversions keep Lua\'s errors)', async () => {
  const r = await ts.run(`
    local v = setmetatable({}, { __tostring = function() return "V" end })
    local ok, err = pcall(string.format, "%d", v)
    return string.format("%s|%5s|%%|%s", v, v, 1), err`);
  expect(r.values[0]).toBe('V|    V|%|1');
  // As C Lua 5.3 says it through pcall (the name found in package.loaded).
  expect(String(r.values[1])).toMatch(/^bad argument #2 to 'string.format' \(number expected, got table\)$/);
});

test('gsub keeps Lua\'s answers for replacement functions and tables, and their errors', async () => {
  const r = await ts.run(`
    local s = ("a"):rep(1024 * 1024)
    local doubled = #s:gsub(".", "%0%0")
    local viaFn = #s:gsub(".", function(c) return c .. c end)
    local viaTable = s:sub(1, 3):gsub(".", { a = "bb" })
    local positions = ("abc"):gsub("()", "%1")
    local ok, err = pcall(string.gsub, "abc", ".", function() error({ size = 1 }) end)
    local ok2, err2 = pcall(string.gsub, "abc", ".", function() return {} end)
    return doubled, viaFn, viaTable, positions, type(err) == "table" and err.size, tostring(err2)`);
  expect(r.error).toBeUndefined();
  expect(r.values.slice(0, 5)).toEqual([2097152, 2097152, 'bbbbbb', '1a2b3c4', 1]);
  expect(String(r.values[5])).toMatch(/invalid replacement value \(a table\)/);
});
