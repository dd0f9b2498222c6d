// Flow-sensitive narrowing: truthiness, nil comparisons, type(), `x = x or d`, assert, early exits,
// and the error-return idiom `local v, err = f(); if err then return end`.
import { describe, expect, test } from 'vitest';
import { check, codes } from './env';
import { typeAtCursor } from './cursor';

const PARSE = 'local clock = require("clock")\nlocal v, err = clock.parse("x")\n';

describe('narrowing', () => {
  test('---@cast: a new type, -nil or +type from the comment on; ---@vararg types ...', () => {
    const find = 'local function find(k) if k then return { k } end return nil end\nlocal r = find("a")\n';
    expect(codes(check(find + 'print(#r)\n'))).toEqual(['3:8 need-check-nil']);
    expect(codes(check(find + '---@cast r -nil\nprint(#r)\n'))).toEqual([]);
    expect(typeAtCursor('local x = 1\n---@cast x string\nprint($0x)')).toBe('string');
    expect(typeAtCursor('local n = 1\n---@cast n +string\nprint($0n)')).toBe('integer | string');
    expect(typeAtCursor('local n = 1\nprint($0n)\n---@cast n string\nprint(n)')).toBe('integer');
    expect(codes(check('---@cast\nlocal y = 1\nprint(y)\n'))).toEqual(['1:1 annotation-error']);
    expect(codes(check('---@vararg string\nlocal function f(...) return (...):upper() end\nprint(f("a"))\n'))).toEqual([]);
    expect(codes(check('---@vararg integer\nlocal function f(...) return ... end\nprint(f("a"))\n'))).toEqual(['3:9 param-type-mismatch']);
  });

  test('local i, j = s:find(p): both set or both nil', () => {
    const src = 'local s = "a=b"\nlocal i, j = s:find("=", 1, true)\nif i then print(s:sub(j + 1)) end\n';
    expect(codes(check(src))).toEqual([]);
    expect(codes(check('local s = "a=b"\nlocal i, j = s:find("=")\nprint(i, j + 1)\n'))).toEqual(['3:10 need-check-nil']);
    // The file's own functions are not assumed to return both or neither.
    const own = 'local function f(x) if x then return 1, nil end return nil, 2 end\nlocal a, b = f(true)\nif a then print(b + 1) end\n';
    expect(codes(check(own))).toEqual(['3:17 need-check-nil']);
  });

  test('if x then', () => {
    expect(typeAtCursor(PARSE + 'if v then print($0v) end')).toBe('clock.Time');
    expect(typeAtCursor(PARSE + 'if v then else print($0v) end')).toBe('nil');
  });

  test('x ~= nil and not x', () => {
    expect(typeAtCursor(PARSE + 'if v ~= nil then print($0v) end')).toBe('clock.Time');
    expect(typeAtCursor(PARSE + 'if not v then return end\nprint($0v)')).toBe('clock.Time');
  });

  test('type(x) == "string"', () => {
    expect(typeAtCursor('---@param x string | integer\nlocal function f(x)\n  if type(x) == "string" then return $0x end\nend\nprint(f)')).toBe('string');
    expect(typeAtCursor('---@param x string | integer\nlocal function f(x)\n  if type(x) == "string" then return end\n  return $0x\nend\nprint(f)')).toBe('integer');
  });

  test('x = x or default', () => {
    expect(typeAtCursor('local text = require("text")\nlocal s = text.first({})\ns = s or "none"\nprint($0s)')).toBe('string');
  });

  test('assert(x)', () => {
    expect(codes(check(PARSE + 'assert(v)\nprint(v:unix(), err)'))).toEqual([]);
  });

  test('early return, error() and break leave the branch', () => {
    expect(codes(check(PARSE + 'if not v then error("bad") end\nprint(v:unix(), err)'))).toEqual([]);
    expect(codes(check(PARSE + 'while true do\n  if not v then break end\n  print(v:unix(), err)\nend'))).toEqual([]);
  });

  test('the error-return idiom: if err then return end narrows the value', () => {
    expect(codes(check(PARSE + 'if err then return end\nprint(v:unix())'))).toEqual([]);
    expect(typeAtCursor(PARSE + 'if err then return end\nprint($0v)')).toBe('clock.Time');
  });

  test('inside `if not v`, err is known to be set', () => {
    expect(typeAtCursor(PARSE + 'if not v then print($0err) end')).toBe('Error');
    expect(codes(check(PARSE + 'if not v then print(err:message()) return end\nprint(v:unix())'))).toEqual([]);
  });

  test('without a check, the value may be nil', () => {
    expect(codes(check(PARSE + 'print(v:unix(), err)'))).toEqual(['3:7 need-check-nil']);
  });

  test('reassigning breaks the pairing', () => {
    expect(codes(check(PARSE + 'v = clock.parse("y")\nif err then return end\nprint(v:unix())'))).toEqual(['5:7 need-check-nil']);
  });

  test('member paths narrow too', () => {
    const src = '---@class Box\n---@field item string?\nlocal Box = {}\n---@param b Box\nlocal function f(b)\n  if b.item then return #b.item end\n  return 0\nend\nprint(Box, f)';
    expect(codes(check(src))).toEqual([]);
  });

  test('upvalues assigned elsewhere are not narrowed wrongly', () => {
    const src = 'local conn\nlocal function get()\n  if not conn then conn = {n = 1} end\n  return conn.n\nend\nprint(get())';
    expect(codes(check(src))).toEqual([]);
  });

  test('loops: a local assigned in the loop is not stuck at its first type', () => {
    const src = 'local last\nfor _, x in ipairs({1, 2}) do last = x end\nprint(last + 1)';
    expect(codes(check(src))).toEqual([]);
  });
});
