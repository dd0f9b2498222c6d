// The shared resolver of require() names to project files, on real files in a temp folder.
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { externalMatcher, moduleNameOf, moduleNotFoundMessage, resolveModule } from '../../src/project/module-resolver';

let root: string;
let outside: string;
beforeAll(() => {
  const base = mkdtempSync(join(tmpdir(), 'luamod-resolver-'));
  root = join(base, 'proj');
  outside = join(base, 'outside');
  mkdirSync(join(root, 'a', 'pkg'), { recursive: true });
  mkdirSync(join(root, 'lib'), { recursive: true });
  mkdirSync(outside);
  writeFileSync(join(root, 'util.lua'), 'return {}');
  writeFileSync(join(root, 'a', 'b.lua'), 'return {}');
  writeFileSync(join(root, 'a', 'pkg', 'init.lua'), 'return {}');
  writeFileSync(join(root, 'lib', 'x.lua'), 'return {}');
  writeFileSync(join(outside, 'secret.lua'), 'return {}');
  symlinkSync(join(outside, 'secret.lua'), join(root, 'alias.lua'));
  mkdirSync(join(root, 'dir.lua'));
});

describe('resolveModule', () => {
  it('maps dots to folders and tries ?.lua then ?/init.lua', () => {
    expect(resolveModule('util', { root })).toEqual({ kind: 'file', name: 'util', file: join(root, 'util.lua') });
    expect(resolveModule('a.b', { root })).toMatchObject({ kind: 'file', file: join(root, 'a', 'b.lua') });
    expect(resolveModule('a.pkg', { root })).toMatchObject({ kind: 'file', file: join(root, 'a', 'pkg', 'init.lua') });
  });
  it('uses the configured templates, in order', () => {
    expect(resolveModule('x', { root, path: ['lib/?.lua'] })).toMatchObject({ kind: 'file', file: join(root, 'lib', 'x.lua') });
    expect(resolveModule('util', { root, path: ['lib/?.lua'] })).toEqual({ kind: 'not-found', name: 'util', tried: ['lib/util.lua'] });
  });
  it('lists every path it tried when nothing matches', () => {
    const r = resolveModule('no.such', { root });
    expect(r).toEqual({ kind: 'not-found', name: 'no.such', tried: ['no/such.lua', 'no/such/init.lua'] });
    expect(moduleNotFoundMessage('no.such', r.kind === 'not-found' ? r.tried : [])).toBe("module 'no.such' not found:\n\tno file 'no/such.lua'\n\tno file 'no/such/init.lua'");
  });
  it('never leaves the root: ../ templates, ../ names and symlinks pointing outside', () => {
    expect(resolveModule('secret', { root, path: ['../outside/?.lua'] }).kind).toBe('not-found');
    expect(resolveModule('..', { root, path: ['?/outside/secret.lua'] }).kind).toBe('not-found');
    expect(resolveModule('alias', { root }).kind).toBe('not-found');
  });
  it('a folder is not a module file; an empty name or a NUL finds nothing', () => {
    expect(resolveModule('dir', { root }).kind).toBe('not-found');
    expect(resolveModule('', { root }).kind).toBe('not-found');
    expect(resolveModule('util\0', { root }).kind).toBe('not-found');
  });
  it('asks the given isFile (the server passes one that knows unsaved buffers)', () => {
    const file = join(root, 'fresh.lua');
    expect(resolveModule('fresh', { root, isFile: (f) => f === file })).toMatchObject({ kind: 'file', file });
  });
});

describe('moduleNameOf', () => {
  it('is the inverse of resolution', () => {
    expect(moduleNameOf(join(root, 'a', 'b.lua'), { root })).toBe('a.b');
    expect(moduleNameOf(join(root, 'a', 'pkg', 'init.lua'), { root })).toBe('a.pkg');
    expect(moduleNameOf(join(root, 'lib', 'x.lua'), { root, path: ['lib/?.lua'] })).toBe('x');
    expect(moduleNameOf(join(outside, 'secret.lua'), { root })).toBeUndefined();
    expect(moduleNameOf(join(root, 'a', 'b.txt'), { root })).toBeUndefined();
  });
});

describe('externalMatcher', () => {
  it('matches names and globs whose * spans dots', () => {
    const m = externalMatcher(['lpeg', 'socket.*']);
    expect(m('lpeg')).toBe(true);
    expect(m('socket.http')).toBe(true);
    expect(m('socket.http.url')).toBe(true);
    expect(m('socket')).toBe(false);
    expect(m('lpeg.re')).toBe(false);
    expect(externalMatcher([])('lpeg')).toBe(false);
  });
});
