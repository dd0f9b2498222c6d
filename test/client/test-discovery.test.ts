// The Test Explorer's discovery of test cases in a test file's text (client/src/test-discovery.ts).
import { describe, expect, it } from 'vitest';
import { discoverTests } from '../../client/src/test-discovery';

describe('discoverTests', () => {
  it('finds test.case names in order, then the returned functions by name', () => {
    const text = [
      'local test = require("test")',          // 0
      'test.case("greets by name", function()', // 1
      '  test.eq(1, 1)',                        // 2
      'end)',                                   // 3
      "test.case('single \\'quoted\\'', function() end)", // 4
      '-- test.case("commented out", function() end)',    // 5
      'return {',                               // 6
      '  zeta = function()',                    // 7
      '    local t = { a = function() end }',   // 8
      '    if t then test.ok(t) end',           // 9
      '  end,',                                 // 10
      '  alpha = function() end,',              // 11
      '  ["with space"] = function() end,',     // 12
      '  helper_value = 3,',                    // 13
      '}',                                      // 14
    ].join('\n');
    expect(discoverTests(text)).toEqual([
      { name: 'greets by name', line: 1 },
      { name: "single 'quoted'", line: 4 },
      { name: 'alpha', line: 11 },
      { name: 'with space', line: 12 },
      { name: 'zeta', line: 7 },
    ]);
  });

  it('ignores fields of nested tables and files without tests', () => {
    expect(discoverTests('local M = {}\nreturn M\n')).toEqual([]);
    expect(discoverTests('return {\n  group = {\n    inner = function() end,\n  },\n  outer = function() end,\n}\n')).toEqual([{ name: 'outer', line: 4 }]);
  });

  it('reads long-bracket names', () => {
    expect(discoverTests('test.case([[a "quoted" name]], function() end)')).toEqual([{ name: 'a "quoted" name', line: 0 }]);
  });
});
