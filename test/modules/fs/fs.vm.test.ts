// fs on the real VM against a temporary root: every function's success path, NOT_FOUND,
// PERMISSION_DENIED (escapes, symlinks, policies, no root), INVALID and bad arguments.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, mkdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createVm, type Vm } from '../vm';

let base: string;
let root: string;
let vm: Vm;

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'luamod-fsvm-'));
  root = join(base, 'root');
  await mkdir(join(root, 'docs'), { recursive: true });
  await writeFile(join(root, 'docs/a.txt'), 'alpha');
  await writeFile(join(base, 'secret.txt'), 'secret');
  await symlink(join(base, 'secret.txt'), join(root, 'leak.txt'));
  await symlink(base, join(root, 'up'));
  vm = createVm({ fsRoot: root });
});
afterAll(async () => {
  vm.stop();
  await rm(base, { recursive: true, force: true });
});

const readOnlyDocs = { actor: { id: 'reader' }, scope: { policies: [
  { actions: ['fs.read'], resources: ['docs/*'], effect: 'allow' as const },
  { actions: ['fs.read'], resources: ['docs/private*'], effect: 'deny' as const },
] } };

describe('fs success paths', () => {
  it('write creates folders; read, exists, list and remove see it', async () => {
    expect(await vm.values(`
      assert(fs.write("out/sub/b.bin", "\\0\\1\\255"))
      local data = fs.read("out/sub/b.bin")
      local names = fs.list("out")
      local root_names = fs.list(".")
      local before = fs.exists("out/sub/b.bin")
      local removed = fs.remove("out/sub/b.bin")
      return #data, data:byte(3), names[1], table.concat(root_names, ","), before, removed, fs.exists("out/sub/b.bin"), fs.exists("out/sub")`))
      .toEqual([3, 255, 'sub/', 'docs/,leak.txt,out/,up', true, true, false, true]);
    expect(existsSync(join(root, 'out/sub/b.bin'))).toBe(false);
  });
  it('normalises paths and overwrites files', async () => {
    expect(await vm.values(`assert(fs.write("docs/./x/../c.txt", "one")) assert(fs.write("docs/c.txt", "two")) return fs.read("docs//c.txt")`)).toEqual(['two']);
    expect(await readFile(join(root, 'docs/c.txt'), 'utf8')).toBe('two');
  });
});

describe('fs errors', () => {
  it('NOT_FOUND for missing files and folders', async () => {
    expect(await vm.values(`
      local r = {}
      for _, call in ipairs({ function() return fs.read("nope.txt") end, function() return fs.list("nope") end, function() return fs.remove("nope.txt") end }) do
        local v, err = call()
        r[#r + 1] = tostring(v) .. " " .. err:kind()
      end
      return table.concat(r, "; "), fs.exists("nope.txt")`)).toEqual(['nil NOT_FOUND; nil NOT_FOUND; nil NOT_FOUND', false]);
  });
  it('PERMISSION_DENIED for paths leaving the root: .., absolute, symlinks', async () => {
    expect(await vm.values(`
      local r = {}
      for _, p in ipairs({ "../secret.txt", "/etc/passwd", "docs/../../secret.txt", "leak.txt", "up/secret.txt" }) do
        local v, err = fs.read(p)
        r[#r + 1] = err:kind()
      end
      local ok, werr = fs.write("up/evil.txt", "x")
      local ok2, werr2 = fs.write("../evil.txt", "x")
      return table.concat(r, ","), werr:kind(), werr2:kind(), fs.exists("leak.txt"), fs.exists("../secret.txt")`))
      .toEqual(['PERMISSION_DENIED,PERMISSION_DENIED,PERMISSION_DENIED,PERMISSION_DENIED,PERMISSION_DENIED', 'PERMISSION_DENIED', 'PERMISSION_DENIED', false, false]);
    expect(existsSync(join(base, 'evil.txt'))).toBe(false);
  });
  it('PERMISSION_DENIED when the policy says no (resource = path relative to the root)', async () => {
    await writeFile(join(root, 'docs/private.txt'), 'p');
    expect(await vm.values(`
      local a = fs.read("docs/a.txt")
      local _, e1 = fs.read("docs/private.txt")
      local _, e2 = fs.write("docs/a.txt", "x")
      local _, e3 = fs.remove("docs/a.txt")
      local _, e4 = fs.list(".")
      return a, e1:kind(), e2:kind(), e3:kind(), e4:kind(), e2:message(), fs.exists("docs/private.txt"), fs.exists("docs/a.txt")`, readOnlyDocs))
      .toEqual(['alpha', 'PERMISSION_DENIED', 'PERMISSION_DENIED', 'PERMISSION_DENIED', 'PERMISSION_DENIED', "permission denied: fs.write on 'docs/a.txt'", false, true]);
  });
  it('PERMISSION_DENIED for every call when the engine has no fs root', async () => {
    const noRoot = createVm({});
    try {
      expect(await noRoot.values(`local _, err = fs.read("a.txt") return err:kind(), fs.exists("a.txt")`)).toEqual(['PERMISSION_DENIED', false]);
    } finally {
      noRoot.stop();
    }
  });
  it('INTERNAL when the configured root is not a folder', async () => {
    const broken = createVm({ fsRoot: join(base, 'no-such-root') });
    try {
      expect(await broken.values(`
        local r = {}
        for _, call in ipairs({ function() return fs.read("a") end, function() return fs.write("a", "x") end,
                                function() return fs.list(".") end, function() return fs.remove("a") end }) do
          local v, err = call()
          r[#r + 1] = err:kind()
        end
        return table.concat(r, ","), fs.exists("a")`)).toEqual(['INTERNAL,INTERNAL,INTERNAL,INTERNAL', false]);
    } finally {
      broken.stop();
    }
  });
  it('INVALID for empty paths, folders read as files, files listed as folders, non-empty folders removed', async () => {
    expect(await vm.values(`
      local r = {}
      local _, e1 = fs.read("")
      local _, e2 = fs.read("docs")
      local _, e3 = fs.list("docs/a.txt")
      local _, e4 = fs.remove("docs")
      local _, e5 = fs.write(".", "x")
      return e1:kind(), e2:kind(), e3:kind(), e4:kind(), e5:kind()`)).toEqual(['INVALID', 'INVALID', 'INVALID', 'INVALID', 'INVALID']);
  });
  it('raises bad argument errors', async () => {
    expect(await vm.failure('fs.read({})')).toMatch(/bad argument #1 to 'read' \(string expected, got table\)/);
    expect(await vm.failure('fs.write("a.txt")')).toMatch(/bad argument #2 to 'write' \(string expected, got no value\)/);
    expect(await vm.failure('fs.exists()')).toMatch(/bad argument #1 to 'exists' \(string expected, got no value\)/);
    expect(await vm.failure('fs.list(nil)')).toMatch(/bad argument #1 to 'list' \(string expected, got nil\)/);
    expect(await vm.failure('fs.remove(false)')).toMatch(/bad argument #1 to 'remove' \(string expected, got boolean\)/);
  });
});
