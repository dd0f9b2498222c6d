// Inference: literals, tables, module members, multiple returns, select, methods, inferred
// function returns, fields added after creation, setmetatable classes, string methods, annotations.
import { describe, expect, test } from 'vitest';
import { check, codes } from './env';
import { typeAtCursor } from './cursor';

describe('inference', () => {
  test('literals and locals widen', () => {
    expect(typeAtCursor('local n = 1\nprint($0n)')).toBe('integer');
    expect(typeAtCursor('local n = 1.5\nprint($0n)')).toBe('number');
    expect(typeAtCursor('local s = "x"\nprint($0s)')).toBe('string');
    expect(typeAtCursor('local a = {1, 2}\nprint($0a)')).toBe('integer[]');
  });

  test('module members and methods on interfaces', () => {
    expect(typeAtCursor('local clock = require("clock")\nlocal t = clock.now()\nprint($0t)')).toBe('clock.Time');
    expect(typeAtCursor('local clock = require("clock")\nlocal u = clock.now():unix()\nprint($0u)')).toBe('integer');
    expect(typeAtCursor('local clock = require("clock")\nlocal t = clock.now():add(5)\nprint($0t)')).toBe('clock.Time');
  });

  test('several returns, and select', () => {
    expect(typeAtCursor('local clock = require("clock")\nlocal v, err = clock.parse("x")\nprint($0err)')).toBe('Error?');
    expect(typeAtCursor('local function two() return 1, "a" end\nlocal a, b = two()\nprint($0b)')).toBe('string');
    expect(typeAtCursor('local function two() return 1, "a" end\nlocal b = select(2, two())\nprint($0b)')).toBe('string');
    expect(typeAtCursor('local n = select("#", 1, 2)\nprint($0n)')).toBe('integer');
  });

  test('returns of local functions come from their bodies', () => {
    expect(typeAtCursor('local function f(x)\n  if x then return "a" end\n  return nil\nend\nlocal r = f(1)\nprint($0r)')).toBe('string?');
  });

  test('fields assigned after creation belong to the table', () => {
    const a = check('local t = {}\nt.name = "x"\nprint(t.name, t.other)\n');
    expect(codes(a)).toEqual(['3:17 undefined-field']);
    expect(typeAtCursor('local t = {}\nt.name = "x"\nprint(t.$0name)')).toBe('string');
  });

  test('setmetatable classes find methods through __index', () => {
    const src = [
      'local Account = {}', 'Account.__index = Account',
      'function Account.new(balance) return setmetatable({balance = balance}, Account) end',
      'function Account:deposit(n) self.balance = self.balance + n end',
      'local acc = Account.new(10)', 'acc:deposit(5)', 'acc:withdraw(1)', 'print(acc.balance)',
    ].join('\n');
    expect(codes(check(src))).toEqual(['7:5 undefined-field']);
    const inline = 'local M = {greet = function() return "hi" end}\nlocal o = setmetatable({}, {__index = M})\nlocal g = o.greet()\nprint($0g)';
    expect(typeAtCursor(inline)).toBe('string');
  });

  test('string methods on string values', () => {
    expect(typeAtCursor('local s = "abc"\nlocal u = s:upper()\nprint($0u)')).toBe('string');
    expect(codes(check('local s = "abc"\nprint(s:len(), ("x"):rep(3))'))).toEqual([]);
  });

  test('generic functions give back their argument type', () => {
    expect(typeAtCursor('local text = require("text")\nlocal n = text.identity(5)\nprint($0n)')).toBe('integer');
  });

  test('callbacks get their parameter types from the expected function type', () => {
    const src = 'local list = {"b", "a"}\ntable.sort(list, function(a, b) return a < b end)\n';
    expect(codes(check(src))).toEqual([]);
  });

  test('ipairs and pairs loops type their variables', () => {
    expect(typeAtCursor('for i, v in ipairs({"a"}) do print($0v) end')).toBe('string');
    expect(typeAtCursor('for i, v in ipairs({"a"}) do print($0i) end')).toBe('integer');
  });
});

describe('open-ended returns', () => {
  test('a function returning a call keeps the call\'s open tail (return pcall(f))', () => {
    const src = 'local function run(f) return pcall(f) end\nlocal ok, status, headers = run(print)\nprint(ok, status, headers.length)\n';
    expect(codes(check(src))).toEqual([]);
  });

  test('a return ending in a call that gives nothing known does not make the value nil', () => {
    const src = [
      'local later',
      'local function pair(k) if not k then return nil, "no key" end return later(k) end',
      'later = function(k) return k, nil end',
      'local v, err = pair("a")',
      'if not v then print(err) return end',
      'print(v)',
    ].join('\n');
    expect(codes(check(src))).toEqual([]);
  });

  test('the first value of a ...T call is a T', () => {
    expect(codes(check('local n = string.byte("a") + 1\nprint(n)\n'))).toEqual([]);
  });
});

describe('standard globals the file redefines', () => {
  test('a global function named error, type or ipairs is the file\'s own, not the standard one', () => {
    const src = [
      'function error(msg) return { msg = msg } end',
      'function type(_v) return 42 end',
      'local e = error("x")',
      'print(e.msg)',
      'local n = type(e) + 1',
      'print(n)',
    ].join('\n');
    expect(codes(check(src))).toEqual([]);
  });

  test('the standard error still ends the flow', () => {
    expect(codes(check('local function f()\n  error("x")\n  print("never")\nend\nf()\n'))).toEqual(['3:3 unreachable-code']);
  });
});

describe('annotations', () => {
  test('---@param and ---@return type a function', () => {
    const src = '---@param name string\n---@return string\nlocal function greet(name)\n  return "hi " .. name\nend\nprint(greet(1))\n';
    const a = check(src);
    expect(codes(a)).toEqual(['6:13 param-type-mismatch']);
    expect(a.diagnostics[0]!.message).toBe("argument #1 'name': expected string, got integer");
  });

  test('---@class with ---@field types the table and its instances', () => {
    const src = [
      '---@class Point', '---@field x number', '---@field y number', 'local Point = {}',
      '---@param x number', '---@param y number', '---@return Point',
      'function Point.new(x, y) return setmetatable({x = x, y = y}, {__index = Point}) end',
      '---@type Point', 'local p = Point.new(1, 2)', 'print(p.x + p.y, p.z)',
    ].join('\n');
    expect(codes(check(src))).toEqual(['11:20 undefined-field']);
  });

  test('---@class Dog : Animal: the parents\' fields and methods are the class\'s (declared fields are checked too)', () => {
    const base = [
      '---@class Animal',
      '---@field name string',
      'local Animal = {}',
      'function Animal:speak() return self.name end',
      '---@class Dog : Animal',
      '---@field breed string',
      'local Dog = {}',
      '---@param d Dog',
      'local function describe(d) return d.name .. d.breed .. d:speak() end',
    ].join('\n') + '\n';
    expect(codes(check(base + 'print(describe({ name = "rex", breed = "lab" }), Dog)\n'))).toEqual([]);
    expect(codes(check(base + 'print(describe({ breed = "lab" }), Dog)\n'))).toEqual(['10:16 param-type-mismatch']);
    expect(codes(check(base + '---@param d Dog\nlocal function f(d) return d.nam end\nprint(f, describe, Dog)\n'))).toEqual(['11:30 undefined-field']);
    expect(codes(check('---@class A : Nope\nlocal A = {}\nprint(A)\n'))).toEqual(['1:15 annotation-error']);
    // A cycle of parents neither hangs nor loops: an annotation-error at each class (type-cycles.ts).
    expect(codes(check('---@class A : B\nlocal A = {}\n---@class B : A\nlocal B = {}\n---@param a A\nlocal function f(a) return a.x end\nprint(f, A, B)\n'))).toEqual(['1:11 annotation-error', '3:11 annotation-error', '6:30 undefined-field']);
  });

  test('---@class or ---@type above a global assignment types the global in this file', () => {
    const src = [
      '---@class Point',
      '---@field x number',
      'Point = {}',
      'Point.__index = Point',
      '---@return Point',
      'function Point.new(x) return setmetatable({ x = x }, Point) end',
      'function Point:double() return self.x * 2 end',
      'local p = Point.new(1)',
      'print(p:double(), p.y)',
      '---@type string',
      'Label = 42',
    ].join('\n');
    expect(codes(check(src))).toEqual(['9:21 undefined-field', '11:9 assign-type-mismatch']);
  });

  test('---@alias names a type', () => {
    const src = '---@alias Mode "fast" | "slow"\n---@param m Mode\nlocal function run(m) return m end\nprint(run("fast"), run("medium"))\n';
    expect(codes(check(src))).toEqual(['4:24 param-type-mismatch']);
  });

  test('---@overload: a call fits the function or one of its overloads; otherwise the first signature reports', () => {
    const src = [
      '---@param name string',
      '---@return string',
      '---@overload fun(id: integer, scope: string): integer',
      'local function lookup(name, scope) return tostring(name) .. tostring(scope) end',
      'print(lookup("a"))',
      'local n = lookup(1, "x") + 1',
      'print(n, lookup(true))',
    ].join('\n');
    expect(codes(check(src))).toEqual(['7:17 param-type-mismatch']);
    expect(codes(check('---@overload string\nlocal function f() end\nf()\n'))).toEqual(['1:1 annotation-error']);
  });

  test('---@generic T: the call binds T from its arguments', () => {
    const src = '---@generic T\n---@param list T[]\n---@return T\nlocal function first(list) return list[1] end\n';
    expect(typeAtCursor(src + 'local $0n = first({ 1, 2 })\nprint(n)')).toBe('integer');
    expect(codes(check(src + 'print(first({ "a" }):upper())\n'))).toEqual([]);
    expect(codes(check('---@generic K, V : table\n---@param k K\n---@param v V\n---@return V\nlocal function pick(k, v) print(k) return v end\nprint(pick(1, "x"):upper())\n'))).toEqual([]);
  });

  test('---@enum: the fields keep their values, the name is their union, the table is closed', () => {
    const src = [
      '---@enum Color',
      'local Color = { RED = 1, GREEN = 2 }',
      '---@param c Color',
      'local function paint(c) return c end',
      'print(paint(Color.RED))',
      'print(paint(3))',
      'print(Color.BLUE)',
    ].join('\n');
    expect(codes(check(src))).toEqual(['6:13 param-type-mismatch', '7:13 undefined-field']);
  });

  test('optional ---@param may be left out', () => {
    const src = '---@param a string\n---@param b? string\nlocal function f(a, b) return a, b end\nprint(f("x"), f())\n';
    expect(codes(check(src))).toEqual(['4:17 missing-parameter']);
  });

  test('a bad type in an annotation is reported once and does not break the file', () => {
    expect(codes(check('---@param x fun(\nlocal function f(x) return x end\nprint(f(1))\n'))).toEqual(['1:13 annotation-error']);
  });
});
