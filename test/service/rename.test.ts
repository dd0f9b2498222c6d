// rename: locals, functions, user table fields, globals of the file; refusals for module members.
import { describe, expect, it } from 'vitest';
import { prepareRename, rename } from '../../src/service/rename';
import { applyEdits } from './fixture';
import { snap, URI } from './helpers';

function renamed(source: string, to: string): string {
  const f = snap(source);
  const r = rename(f.snap, f.cursor, to);
  if ('error' in r) throw new Error(r.error);
  return applyEdits(f.text, r.edit.changes![URI]!);
}

describe('rename', () => {
  it('renames a local and its uses, not a shadowed namesake', () => {
    expect(renamed('local x$0 = 1\ndo local x = 2 print(x) end\nprint(x + x)\n', 'y')).toBe(
      'local y = 1\ndo local x = 2 print(x) end\nprint(y + y)\n',
    );
  });

  it('renames a local function and a parameter', () => {
    expect(renamed('local function f$0(a) return a end\nprint(f(1))\n', 'g')).toBe('local function g(a) return a end\nprint(g(1))\n');
    expect(renamed('local function f(a$0) return a end\n', 'b')).toBe('local function f(b) return b end\n');
  });

  it('renames a field of the user table everywhere', () => {
    expect(renamed('local cfg = { port = 1 }\ncfg.port = 2\nprint(cfg.po$0rt)\n', 'p')).toBe(
      'local cfg = { p = 1 }\ncfg.p = 2\nprint(cfg.p)\n',
    );
  });

  it('renames a global the file defines', () => {
    expect(renamed('counter = 0\ncounter = coun$0ter + 1\n', 'total')).toBe('total = 0\ntotal = total + 1\n');
  });

  it('refuses module members, modules and standard globals with a reason', () => {
    const member = snap('local time = require("time")\ntime.n$0ow()\n');
    expect(prepareRename(member.snap, member.cursor)).toEqual({ error: "cannot rename 'now': it is a member of module 'time', declared by its manifest" });
    expect(rename(member.snap, member.cursor, 'x')).toMatchObject({ error: expect.stringContaining("module 'time'") });
    const mod = snap('local t = require("ti$0me")\n');
    expect(prepareRename(mod.snap, mod.cursor)).toMatchObject({ error: expect.stringContaining('module') });
    const std = snap('pri$0nt(1)\n');
    expect(prepareRename(std.snap, std.cursor)).toMatchObject({ error: expect.stringContaining('standard library') });
  });

  it('refuses names that are not Lua names', () => {
    const f = snap('local x$0 = 1\n');
    expect(rename(f.snap, f.cursor, 'end')).toMatchObject({ error: "'end' is not a valid Lua name" });
    expect(rename(f.snap, f.cursor, '1x')).toMatchObject({ error: expect.any(String) });
  });

  it('prepares the range of the name', () => {
    const f = snap('local cou$0nt = 1\n');
    expect(prepareRename(f.snap, f.cursor)).toEqual({ range: { start: { line: 0, character: 6 }, end: { line: 0, character: 11 } }, placeholder: 'count' });
  });
});
