// Attacks with files that are not regular files: a `*.lua` or a manifest that is a symlink to
// /dev/zero (endless) or a FIFO (blocks the reader until a writer comes), a config that is a FIFO,
// `fs.read` of a FIFO inside the fs root, `luamod/runScript` of file:///dev/zero, hover on
// /proc/self/environ. Every reader must refuse them with an error naming the file, never hang.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import { startServer } from '../server/lsp-client';
import { luamod } from './support/cli';

const base = mkdtempSync(join(tmpdir(), 'luamod-devices-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));

/** A fresh folder `name` under the temp base. */
function folder(name: string): string {
  const dir = join(base, name);
  mkdirSync(dir, { recursive: true });
  return dir;
}

const mkfifo = (path: string): void => { execFileSync('mkfifo', [path]); };

describe('luamod check never reads a device or a FIFO', () => {
  test.each([
    ['a symlink to /dev/zero', (p: string) => symlinkSync('/dev/zero', p), /not a regular file \(a character device\)/],
    ['a FIFO', mkfifo, /not a regular file \(a FIFO\)/],
  ])('evil.lua as %s: an error naming the file, the other files still checked', async (_name, make, message) => {
    const dir = folder(`check-${make === mkfifo ? 'fifo' : 'zero'}`);
    make(join(dir, 'evil.lua'));
    writeFileSync(join(dir, 'good.lua'), 'print(undefined_name)\n');
    const r = await luamod(['check', 'evil.lua', 'good.lua', '--format', 'json'], dir);
    expect(r.killed, 'luamod check hung').toBe(false);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('evil.lua');
    expect(r.stderr).toMatch(message);
    expect(JSON.parse(r.stdout).files.map((f: { path: string }) => f.path)).toEqual(['good.lua']);
  }, 90_000);

  test.each([
    ['a symlink to /dev/zero', (p: string) => symlinkSync('/dev/zero', p), /not a regular file|resolves outside/],
    ['a FIFO', mkfifo, /not a regular file \(a FIFO\)/],
    ['a symlink to a JSON file outside the manifest folder', (p: string) => symlinkSync(join(base, 'outside.json'), p), /resolves outside/],
  ])('manifests/evil.json as %s: a manifest error naming the file', async (_name, make, message) => {
    writeFileSync(join(base, 'outside.json'), '{"name": "outside", "export": {}}');
    const dir = folder(`manifest-${Math.random().toString(36).slice(2)}`);
    mkdirSync(join(dir, 'manifests'));
    writeFileSync(join(dir, '.luamodrc.json'), '{"manifests": ["manifests"]}');
    make(join(dir, 'manifests', 'evil.json'));
    writeFileSync(join(dir, 'a.lua'), 'print(1)\n');
    const r = await luamod(['check', 'a.lua'], dir);
    expect(r.killed, 'luamod check hung').toBe(false);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/manifests\/evil\.json: cannot read file: /);
    expect(r.stderr).toMatch(message);
  }, 90_000);

  test('a .luamodrc.json that is a FIFO: a config error naming it', async () => {
    const dir = folder('config-fifo');
    mkfifo(join(dir, '.luamodrc.json'));
    writeFileSync(join(dir, 'a.lua'), 'print(1)\n');
    const r = await luamod(['check', 'a.lua'], dir);
    expect(r.killed, 'luamod check hung').toBe(false);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/\.luamodrc\.json: cannot read: not a regular file \(a FIFO\)/);
  }, 90_000);
});

describe('luamod run and luamod test never read a device or a FIFO', () => {
  test.each([
    ['run', 'a FIFO'], ['run', '/dev/zero'], ['test', 'a FIFO'], ['test', '/dev/zero'],
  ])('luamod %s on %s: exit 2 (run) or a failed file (test), naming the file', async (command, kind) => {
    const dir = folder(`${command}-${kind === 'a FIFO' ? 'fifo' : 'zero'}`);
    const file = join(dir, 'evil_test.lua');
    if (kind === 'a FIFO') mkfifo(file);
    else symlinkSync('/dev/zero', file);
    const r = await luamod([command, 'evil_test.lua'], dir);
    expect(r.killed, `luamod ${command} hung`).toBe(false);
    expect(r.code).toBe(command === 'run' ? 2 : 1);
    expect(r.stderr).toMatch(/evil_test\.lua: not a regular file/);
  }, 90_000);

  test.each([['a FIFO'], ['a symlink to /dev/zero']])('fs.read of %s inside the fs root: a clear error, and the CLI exits', async (kind) => {
    const dir = folder(`fsread-${kind.length}`);
    if (kind === 'a FIFO') mkfifo(join(dir, 'pipe'));
    else symlinkSync('/dev/zero', join(dir, 'pipe'));
    writeFileSync(join(dir, 'read.lua'), 'local data, err = fs.read("pipe")\nprint("data", data and #data)\nprint("err", tostring(err))\n');
    const r = await luamod(['run', 'read.lua', '--allow', 'fs.read', '--fs-root', dir, '--timeout', '3000'], dir);
    expect(r.killed, 'luamod run did not exit').toBe(false);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('data\tnil');
    // A symlink out of the root was already refused; the FIFO inside it is what used to hang.
    expect(r.stdout).toMatch(kind === 'a FIFO' ? /err\t"pipe": not a regular file \(a FIFO\)/ : /err\t.*"pipe".*(not a regular file|outside the fs root)/);
  }, 90_000);
});

describe('the language server with devices, FIFOs and host files', () => {
  test('a workspace holding /dev/zero and FIFO files and manifests: every request is answered, memory stays bounded', async () => {
    const dir = folder('server-ws');
    mkdirSync(join(dir, 'manifests'));
    writeFileSync(join(dir, '.luamodrc.json'), '{"manifests": ["manifests"]}');
    symlinkSync('/dev/zero', join(dir, 'evil.lua'));
    mkfifo(join(dir, 'fifo.lua'));
    symlinkSync('/dev/zero', join(dir, 'manifests', 'evil.json'));
    mkfifo(join(dir, 'manifests', 'fifo.json'));
    writeFileSync(join(dir, 'good.lua'), 'local function hello() return 1 end\nprint(hello())\n');
    const s = await startServer({ rootPath: dir });
    try {
      const good = pathToFileURL(join(dir, 'good.lua')).href;
      s.open(good, readFileSync(join(dir, 'good.lua'), 'utf8'));
      const answers = await Promise.all([
        s.request('textDocument/documentSymbol', { textDocument: { uri: good } }),
        s.request('textDocument/hover', { textDocument: { uri: good }, position: { line: 1, character: 7 } }),
        s.request('workspace/symbol', { query: 'hello' }),
        s.request('textDocument/completion', { textDocument: { uri: good }, position: { line: 1, character: 2 } }),
      ]);
      expect(answers[0]).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'hello' })]));
      expect(answers[1]).toBeTruthy();
      // The closed FIFO and /dev/zero files: runScript says why, never hangs.
      const fifo = await s.request<{ error?: { message: string } }>('luamod/runScript', { uri: pathToFileURL(join(dir, 'fifo.lua')).href });
      expect(fifo.error?.message).toMatch(/fifo\.lua: not a regular file \(a FIFO\)/);
      const evil = await s.request<{ error?: { message: string } }>('luamod/runScript', { uri: pathToFileURL(join(dir, 'evil.lua')).href });
      expect(evil.error?.message).toMatch(/evil\.lua: (not a regular file|outside the workspace folders)/);
      const zero = await s.request<{ error?: { message: string } }>('luamod/runScript', { uri: 'file:///dev/zero' });
      expect(zero.error?.message).toMatch(/outside the workspace folders/);
      expect(await s.request('textDocument/documentSymbol', { textDocument: { uri: good } })).toBeTruthy();
      const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${s.proc.pid}/status`, 'utf8'));
      expect(Number(hwm![1]) / 1024, 'server peak memory (MiB)').toBeLessThan(600);
      expect(s.logs.join('\n')).toMatch(/manifests\/fifo\.json: cannot read file: not a regular file \(a FIFO\)/);
    } finally {
      expect(await s.stop()).toBe(0);
    }
  }, 120_000);

  test('a client naming host files outside the workspace gets nothing from them', async () => {
    const dir = folder('server-host');
    writeFileSync(join(base, 'secret.lua'), 'local secret_value = "top secret"\nreturn secret_value\n');
    symlinkSync(join(base, 'secret.lua'), join(dir, 'link.lua'));
    const s = await startServer({ rootPath: dir });
    try {
      for (const uri of ['file:///proc/self/environ', pathToFileURL(join(base, 'secret.lua')).href, pathToFileURL(join(dir, 'link.lua')).href]) {
        const hover = await s.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 8 } });
        expect(JSON.stringify(hover ?? null)).not.toMatch(/secret|PATH=/);
        const symbols = await s.request('textDocument/documentSymbol', { textDocument: { uri } });
        expect(JSON.stringify(symbols ?? null)).not.toMatch(/secret/);
        const run = await s.request<{ output: string; error?: { message: string } }>('luamod/runScript', { uri });
        expect(run.output).toBe('');
        expect(run.error?.message).toMatch(/outside the workspace folders/);
      }
    } finally {
      expect(await s.stop()).toBe(0);
    }
  }, 120_000);
});
