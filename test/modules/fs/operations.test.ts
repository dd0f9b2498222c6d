// fs path normalising and the dispatcher's I/O, against a real temporary folder.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, mkdir, rm, symlink, writeFile, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { normalizeScriptPath } from '../../../src/modules/fs/paths';
import { FsError, runFsCommand, type FsCommand } from '../../../src/modules/fs/operations';

describe('normalizeScriptPath', () => {
  it('normalises relative paths', () => {
    expect(normalizeScriptPath('a/./b//c')).toEqual({ rel: 'a/b/c' });
    expect(normalizeScriptPath('a/../b')).toEqual({ rel: 'b' });
    expect(normalizeScriptPath('.')).toEqual({ rel: '.' });
    expect(normalizeScriptPath('a/..')).toEqual({ rel: '.' });
  });
  it('refuses escapes and bad text', () => {
    for (const p of ['/etc/passwd', '..', 'a/../../b', '\\x', 'C:/x']) {
      expect(normalizeScriptPath(p), p).toMatchObject({ error: { kind: 'PERMISSION_DENIED' } });
    }
    expect(normalizeScriptPath('')).toMatchObject({ error: { kind: 'INVALID' } });
    expect(normalizeScriptPath('a\0b')).toMatchObject({ error: { kind: 'INVALID' } });
  });
});

describe('runFsCommand', () => {
  let base: string;
  let root: string;
  const run = (cmd: FsCommand) => runFsCommand(root, cmd);
  const kindOf = async (p: Promise<unknown>) => p.then(() => 'ok', (e) => (e instanceof FsError ? e.kind : String(e)));

  beforeAll(async () => {
    base = await mkdtemp(join(tmpdir(), 'luamod-fs-'));
    root = join(base, 'root');
    await mkdir(join(root, 'sub'), { recursive: true });
    await writeFile(join(base, 'secret.txt'), 'secret');
    await writeFile(join(root, 'hello.txt'), 'hi');
    await symlink(join(base, 'secret.txt'), join(root, 'leak'));
    await symlink(base, join(root, 'outdir'));
    await symlink(join(root, 'hello.txt'), join(root, 'inside-link'));
    await symlink(join(base, 'nowhere'), join(root, 'dangling'));
  });
  afterAll(() => rm(base, { recursive: true, force: true }));

  it('reads, writes (creating folders), lists and removes', async () => {
    expect(Buffer.from(await run({ op: 'read', path: 'hello.txt' }) as Uint8Array).toString()).toBe('hi');
    expect(await run({ op: 'write', path: 'new/deep/x.bin', data: new Uint8Array([0, 255]) })).toBe(true);
    expect([...await readFile(join(root, 'new/deep/x.bin'))]).toEqual([0, 255]);
    expect(await run({ op: 'list', path: '.' })).toEqual(['dangling', 'hello.txt', 'inside-link', 'leak', 'new/', 'outdir', 'sub/']);
    expect(await run({ op: 'exists', path: 'new/deep' })).toBe(true);
    expect(await run({ op: 'remove', path: 'new/deep/x.bin' })).toBe(true);
    expect(await run({ op: 'exists', path: 'new/deep/x.bin' })).toBe(false);
    expect(Buffer.from(await run({ op: 'read', path: 'inside-link' }) as Uint8Array).toString()).toBe('hi');
  });
  it('maps missing files to NOT_FOUND and misuse to INVALID', async () => {
    expect(await kindOf(run({ op: 'read', path: 'nope.txt' }))).toBe('NOT_FOUND');
    expect(await kindOf(run({ op: 'list', path: 'nope' }))).toBe('NOT_FOUND');
    expect(await kindOf(run({ op: 'remove', path: 'nope' }))).toBe('NOT_FOUND');
    expect(await kindOf(run({ op: 'read', path: 'sub' }))).toBe('INVALID');
    expect(await kindOf(run({ op: 'list', path: 'hello.txt' }))).toBe('INVALID');
    expect(await kindOf(run({ op: 'remove', path: 'new' }))).toBe('INVALID'); // not empty
  });
  it('refuses symlinks that lead outside the root', async () => {
    expect(await kindOf(run({ op: 'read', path: 'leak' }))).toBe('PERMISSION_DENIED');
    expect(await kindOf(run({ op: 'read', path: 'outdir/secret.txt' }))).toBe('PERMISSION_DENIED');
    expect(await kindOf(run({ op: 'write', path: 'outdir/evil.txt', data: new Uint8Array() }))).toBe('PERMISSION_DENIED');
    expect(await kindOf(run({ op: 'write', path: 'leak', data: new Uint8Array() }))).toBe('PERMISSION_DENIED');
    expect(await kindOf(run({ op: 'write', path: 'dangling', data: new Uint8Array() }))).toBe('PERMISSION_DENIED');
    expect(await kindOf(run({ op: 'list', path: 'outdir' }))).toBe('PERMISSION_DENIED');
    expect(await run({ op: 'exists', path: 'leak' })).toBe(false);
    expect(await readFile(join(base, 'secret.txt'), 'utf8')).toBe('secret');
  });
  it('reports a missing root as INTERNAL without naming host paths', async () => {
    const err = await runFsCommand(join(base, 'no-such-root'), { op: 'read', path: 'a.txt' }).catch((e) => e);
    expect(err).toBeInstanceOf(FsError);
    expect([err.kind, err.message]).toEqual(['INTERNAL', 'the fs root is not an accessible folder']);
  });
});
