// Attacks on the fs module's confinement and policies, against real folders: a deny rule bypassed
// through a symlink to the denied file, probing what exists outside the root from the error kind,
// and swapping a symlink while reads and writes are in flight (a real concurrent process does it).
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { fsModule } from '../../src/modules/fs';
import type { Policy } from '../../src/runtime/security';
import { createTestScheduler } from '../../src/runtime/test-scheduler';

const base = mkdtempSync(join(tmpdir(), 'luamod-fs-attacks-'));
const root = join(base, 'root');
mkdirSync(join(root, 'secretdir'), { recursive: true });
mkdirSync(join(root, 'public'), { recursive: true });
mkdirSync(join(base, 'outdir'), { recursive: true });
writeFileSync(join(root, 'secret.txt'), 'in-root secret');
writeFileSync(join(root, 'secretdir', 'key.txt'), 'in-root key');
writeFileSync(join(root, 'public', 'ok.txt'), 'public');
writeFileSync(join(base, 'outside.txt'), 'OUTSIDE SECRET');
writeFileSync(join(base, 'outdir', 'exists.txt'), 'OUTSIDE SECRET');
symlinkSync(join(root, 'secret.txt'), join(root, 'alias'));
symlinkSync('secret.txt', join(root, 'relative-alias'));
symlinkSync(join(root, 'secretdir'), join(root, 'dir-alias'));
symlinkSync('public/../secretdir', join(root, 'dotdot-alias'));
symlinkSync(join(base, 'outdir'), join(root, 'outlink'));
symlinkSync(join(base, 'outside.txt'), join(root, 'out-file'));
symlinkSync(join(base, 'no-such-file.txt'), join(root, 'out-dangling'));
symlinkSync(join(base, 'loop2'), join(base, 'loop1'));
symlinkSync(join(base, 'loop1'), join(base, 'loop2'));
symlinkSync(join(base, 'loop1'), join(root, 'out-loop'));

const ts = createTestScheduler({ modules: [fsModule], fsRoot: root });
afterAll(() => { ts.stop(); rmSync(base, { recursive: true, force: true }); });

const policy = (...policies: Policy[]) => ({ actor: { id: 'a' }, scope: { policies } });
const denySecret = policy(
  { actions: ['fs.*'], effect: 'allow' },
  { actions: ['fs.*'], resources: ['secret*'], effect: 'deny' },
);

async function values(script: string, options = denySecret): Promise<unknown[]> {
  const r = await ts.run(script, options);
  if (r.error) throw new Error(`script failed: ${r.error.message} (line ${r.error.line ?? '?'})`);
  return r.values;
}

describe('a deny rule holds on the path a symlink leads to', () => {
  test.each([
    'fs.read("alias")', 'fs.read("relative-alias")', 'fs.read("dir-alias/key.txt")', 'fs.read("dotdot-alias/key.txt")',
    'fs.list("dir-alias")', 'fs.list("dotdot-alias")', 'fs.write("alias", "pwned")', 'fs.write("dir-alias/new.txt", "pwned")',
    'fs.write("dir-alias/key.txt", "pwned")', 'fs.remove("dir-alias/key.txt")',
  ])('%s is PERMISSION_DENIED', async (call) => {
    const [got, kind] = await values(`local v, err = ${call} return v == nil and "nil" or v, err and err:kind()`);
    expect([got, kind]).toEqual(['nil', 'PERMISSION_DENIED']);
    expect(readFileSync(join(root, 'secret.txt'), 'utf8')).toBe('in-root secret');
    expect(readFileSync(join(root, 'secretdir', 'key.txt'), 'utf8')).toBe('in-root key');
    expect(existsSync(join(root, 'secretdir', 'new.txt'))).toBe(false);
  });
  test('fs.exists says false through the link; allowed paths and links still work', async () => {
    expect(await values('return fs.exists("alias"), fs.exists("dir-alias/key.txt"), fs.read("public/ok.txt"), fs.exists("public")'))
      .toEqual([false, false, 'public', true]);
    // Removing the link itself is about the link's own path, which the policy allows.
    symlinkSync(join(root, 'secret.txt'), join(root, 'alias2'));
    expect(await values('return fs.remove("alias2")')).toEqual([true]);
    expect(readFileSync(join(root, 'secret.txt'), 'utf8')).toBe('in-root secret');
  });
});

describe('outside the root, existing and missing files look the same', () => {
  const probe = (op: string, path: string) => `(function() local v, err = fs.${op}(${JSON.stringify(path)}) return err and (err:kind() .. ": " .. err:message():gsub(${JSON.stringify(path.replace(/[^\w]/g, '%$&'))}, "P")) or "ok" end)()`;
  test.each(['read', 'list'])('fs.%s', async (op) => {
    const [a, b, c, d, e] = await values(`return ${probe(op, 'outlink/exists.txt')}, ${probe(op, 'outlink/nope.txt')}, ${probe(op, 'out-file')}, ${probe(op, 'out-dangling')}, ${probe(op, 'out-loop')}`, policy({ actions: ['fs.*'], effect: 'allow' }));
    expect(a).toMatch(/^PERMISSION_DENIED: /);
    expect([b, c, d, e]).toEqual([a, a, a, a]);
  });
  test('fs.remove (of entries behind a link; a link itself is in the root and may be removed)', async () => {
    const [a, b] = await values(`return ${probe('remove', 'outlink/exists.txt')}, ${probe('remove', 'outlink/nope.txt')}`, policy({ actions: ['fs.*'], effect: 'allow' }));
    expect(a).toMatch(/^PERMISSION_DENIED: /);
    expect(b).toEqual(a);
    expect(existsSync(join(base, 'outdir', 'exists.txt'))).toBe(true);
  });
  test('fs.write and fs.exists', async () => {
    const all = policy({ actions: ['fs.*'], effect: 'allow' });
    const [w1, w2, w3, e1, e2, e3] = await values(`
      local function kind(ok, err) return err and err:kind() or "ok" end
      return kind(fs.write("outlink/exists.txt", "x")), kind(fs.write("outlink/new.txt", "x")), kind(fs.write("out-dangling", "x")),
        fs.exists("outlink/exists.txt"), fs.exists("outlink/nope.txt"), fs.exists("out-file")`, all);
    expect([w1, w2, w3, e1, e2, e3]).toEqual(['PERMISSION_DENIED', 'PERMISSION_DENIED', 'PERMISSION_DENIED', false, false, false]);
    expect(existsSync(join(base, 'outdir', 'new.txt'))).toBe(false);
    expect(existsSync(join(base, 'no-such-file.txt'))).toBe(false);
    expect(readFileSync(join(base, 'outdir', 'exists.txt'), 'utf8')).toBe('OUTSIDE SECRET');
  });
});

/** A separate OS process that keeps re-pointing `link` between two targets (atomic renames). */
function swapper(link: string, a: string, b: string): ChildProcess {
  const code = `const fs = require('fs'); const [link, a, b] = process.argv.slice(1); let i = 0;
    for (;;) { const tmp = link + '.tmp'; try { fs.unlinkSync(tmp); } catch {} fs.symlinkSync(i++ % 2 ? a : b, tmp); fs.renameSync(tmp, link); }`;
  return spawn(process.execPath, ['-e', code, link, a, b], { stdio: 'ignore' });
}

describe('a symlink swapped while the script reads and writes through it', () => {
  test('reads never return the file outside the root', async () => {
    writeFileSync(join(root, 'public', 'inside.txt'), 'inside');
    symlinkSync(join(root, 'public', 'inside.txt'), join(root, 'swap'));
    const child = swapper(join(root, 'swap'), join(root, 'public', 'inside.txt'), join(base, 'outside.txt'));
    try {
      const [leaks, inside, reads] = await values(`
        local leaks, inside = 0, 0
        for i = 1, 3000 do
          local data = fs.read("swap")
          if data == "OUTSIDE SECRET" then leaks = leaks + 1 elseif data == "inside" then inside = inside + 1 end
          local list = fs.list("swapdir") or {}
          for _, name in ipairs(list) do if name == "exists.txt" then leaks = leaks + 1 end end
        end
        return leaks, inside, 3000`, policy({ actions: ['fs.*'], effect: 'allow' }));
      expect(leaks).toBe(0);
      expect(inside as number).toBeGreaterThan(0); // the race really ran both ways
      expect(reads).toBe(3000);
    } finally {
      child.kill('SIGKILL');
    }
  }, 120_000);
  test('writes never create or change a file outside the root', async () => {
    mkdirSync(join(root, 'public', 'target'), { recursive: true });
    symlinkSync(join(root, 'public', 'target'), join(root, 'swapdir'));
    const child = swapper(join(root, 'swapdir'), join(root, 'public', 'target'), join(base, 'outdir'));
    try {
      await values(`
        for i = 1, 1500 do fs.write("swapdir/exists.txt", "pwned") fs.write("swapdir/planted" .. (i % 10) .. ".txt", "pwned") end`,
      policy({ actions: ['fs.*'], effect: 'allow' }));
    } finally {
      child.kill('SIGKILL');
    }
    expect(readFileSync(join(base, 'outdir', 'exists.txt'), 'utf8')).toBe('OUTSIDE SECRET');
    for (let i = 0; i < 10; i++) expect(existsSync(join(base, 'outdir', `planted${i}.txt`))).toBe(false);
  }, 120_000);
});
