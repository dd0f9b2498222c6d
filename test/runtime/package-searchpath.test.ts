// package.searchpath as in C Lua 5.3, confined to the project root (libraries such as penlight call
// it): a candidate outside the root, or a symlink out of it, is never found.
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runScript } from '../../src/runtime/run-script';

const base = mkdtempSync(join(tmpdir(), 'luamod-searchpath-'));
const root = join(base, 'proj');
mkdirSync(join(root, 'pl'), { recursive: true });
writeFileSync(join(root, 'pl', 'utils.lua'), 'return {}');
writeFileSync(join(base, 'secret.lua'), 'return {}');
symlinkSync(join(base, 'secret.lua'), join(root, 'alias.lua'));

const values = async (source: string, project = true) =>
  (await runScript({ source, chunkName: 'main.lua', ...(project ? { project: { root } } : {}) })).result;

describe('package.searchpath', () => {
  it('finds a file inside the root, as written in the template', async () => {
    expect(await values('return package.searchpath("pl.utils", "./?.lua;?/init.lua")')).toEqual(['./pl/utils.lua']);
    expect(await values('return package.searchpath("pl_utils", "?.lua", "_", "/")')).toEqual(['pl/utils.lua']);
  });
  it('lists the candidates it tried, as C Lua does', async () => {
    expect(await values('return package.searchpath("no.such", "?.lua;?/init.lua")')).toEqual([null, "\n\tno file 'no/such.lua'\n\tno file 'no/such/init.lua'"]);
  });
  it('never finds a file outside the root, through ../ or a symlink; nothing without a project', async () => {
    expect((await values('return package.searchpath("secret", "../?.lua")'))[0]).toBeNull();
    expect((await values('return package.searchpath("alias", "?.lua")'))[0]).toBeNull();
    expect((await values('return package.searchpath("pl.utils", "?.lua")', false))[0]).toBeNull();
  });
  it('is a field of the read-only package view', async () => {
    expect(await values('return type(package.searchpath), pcall(function() package.searchpath = print end)')).toEqual(['function', false, expect.stringContaining("read-only table 'package'")]);
  });
});
