// hover: notation, descriptions, classes, yields, error kinds, examples; inferred local types.
import { describe, expect, it } from 'vitest';
import { hover } from '../../src/service/hover';
import { snap, testProject } from './helpers';

const text = (source: string): string | undefined => {
  const f = snap(source);
  const h = hover(f.snap, f.cursor);
  return h ? (h.contents as { value: string }).value : undefined;
};

describe('hover', () => {
  it('shows a module function with its signature, description, classes and example', () => {
    const v = text('local time = require("time")\nlocal t = time.n$0ow()\n')!;
    expect(v).toContain('(function) time.now: fun() -> time.Time');
    expect(v).toContain('The current time');
    expect(v).toContain('`nondeterministic`');
    expect(v).toContain('```lua');
  });

  it('says when a function yields', () => {
    expect(text('local time = require("time")\ntime.sl$0eep(1)\n')).toContain('**yields**');
  });

  it('lists the error kinds a function may return', () => {
    const v = text('local json = require("json")\nlocal v, err = json.dec$0ode("{}")\n')!;
    expect(v).toMatch(/\*\*Errors:\*\* `[A-Z_]+`/);
  });

  it('shows a type named in an annotation: a class with its fields, an alias, a manifest interface', () => {
    expect(text('---@class Point\n---@field x number\n---@field y number\nlocal P = {}\n---@param p Po$0int\nlocal function f(p) return p end\nprint(f(P))\n'))
      .toBe('```luamod\n(class) Point {\n  x: number\n  y: number\n}\n```');
    expect(text('---@alias Id integer | string\n---@type I$0d\nlocal id = 1\nprint(id)\n')).toBe('```luamod\n(alias) Id = integer | string\n```');
    expect(text('---@enum Mode\nlocal Mode = { ON = "on", OFF = "off" }\n---@type Mo$0de\nlocal m = Mode.ON\nprint(m)\n')).toBe('```luamod\n(enum) Mode = "on" | "off"\n```');
    const v = text('---@type time.Ti$0me\nlocal t = nil\nprint(t)\n')!;
    expect(v).toContain('(interface) time.Time {');
    expect(v).toContain('unix: ');
    // The tag, a parameter name and an unknown name are not types.
    expect(text('---@par$0am p Point\nlocal function f(p) return p end\nprint(f(1))\n')).toBeUndefined();
    expect(text('---@type Nope$0thing\nlocal z = 1\nprint(z)\n')).toBeUndefined();
  });

  it('lists a function\'s ---@overload signatures', () => {
    const v = text('---@param name string\n---@overload fun(id: integer): string\nlocal function lookup(name) return name end\nprint(look$0up("a"))\n')!;
    expect(v).toContain('(overload) fun(id: integer) -> string');
  });

  it('shows the inferred type of a local', () => {
    expect(text('local time = require("time")\nlocal t$0 = time.now()\n')).toBe('```luamod\nlocal t: time.Time\n```');
    expect(text('local n$0 = 1 + 2\n')).toContain('local n: integer');
  });

  it('shows methods of interface values', () => {
    expect(text('local time = require("time")\nlocal t = time.now()\nprint(t:un$0ix())\n')).toContain('(method) time.Time:unix');
  });

  it('shows a module on its require string and on its local', () => {
    expect(text('local json = require("js$0on")\n')).toContain('module json');
    const v = text('local js$0on = require("json")\n')!;
    expect(v).toContain('local json: module json');
  });

  it('shows standard library globals', () => {
    expect(text('pri$0nt("x")\n')).toContain('print');
    expect(text('string.for$0mat("%d", 1)\n')).toContain('fun(');
  });

  it('returns null on whitespace, keywords and literals', () => {
    expect(text('local x = 1\n$0\n')).toBeUndefined();
    expect(text('lo$0cal x = 1\n')).toBeUndefined();
  });

  it('works while the document does not parse', () => {
    expect(text('local time = require("time")\nlocal t = time.n$0ow(\n')).toContain('time.now');
  });
});

describe('hover on table keys', () => {
  it('shows the type of the value', () => {
    expect(text('local t = { al$0pha = 1 }\n')).toBe('```luamod\n(field) alpha: integer\n```');
  });
});

describe('hover markdown (what the user reads)', () => {
  it('json.decode: signature, description, classes, parameters, returns, errors, example', () => {
    // The prose comes from the json module's manifest; the layout is the hover's.
    const entry = testProject().registry.get('json')!;
    const field = entry.manifest.lookupMember('decode')!;
    expect(text('local json = require("json")\nlocal v, err = json.dec$0ode("{}")\n')).toBe([
      '```luamod',
      '(function) json.decode: fun(s: string) -> (any, Error?)',
      '```',
      '',
      field.description,
      '',
      `*classes:* ${entry.classes.map((c) => `\`${c}\``).join(', ')}`,
      '',
      '**Parameters**',
      `- \`s\` — ${field.params!.s}`,
      '',
      `**Returns** ${field.returns}`,
      '',
      '**Errors:** `INVALID`',
      '',
      '**Example**',
      '```lua',
      field.examples![0],
      '```',
    ].join('\n'));
  });
});

describe('hover on the user\'s documented code', () => {
  it('shows the comment above a local function, with annotations listed', () => {
    const v = text('--- Greets someone politely.\n---@param name string who to greet\nlocal function greet(name)\n  return "hi " .. name\nend\nprint(gre$0et("x"))\n')!;
    expect(v).toContain('local function greet');
    expect(v).toContain('Greets someone politely.');
    expect(v).toContain('- `@param` `name` string who to greet');
  });

  it('shows the comment above a field function of the user table', () => {
    const v = text('local M = {}\n-- Adds two numbers.\nfunction M.add(a, b) return a + b end\nprint(M.a$0dd(1, 2))\n')!;
    expect(v).toContain('Adds two numbers.');
  });

  it('does not take a comment separated by code', () => {
    const v = text('-- about x\nlocal x = 1\nlocal y$0 = 2\n')!;
    expect(v).not.toContain('about x');
  });
});
