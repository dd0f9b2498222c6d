// Attacks with configuration files that are not regular files. A `.editorconfig` or `stylua.toml`
// that is a FIFO or a link to /dev/zero must not hang `luamod fmt` (nor the server's formatting,
// which uses the same lookup): it is no configuration, and StyLua's defaults apply. A host module
// file (`"modules"`) of that kind is a configuration error, not a hang.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';

const CLI = resolve(__dirname, '../../bin/luamod.js');

function fmtCheck(dir: string): Promise<{ code: number | null; killed: boolean; stdout: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [CLI, 'fmt', '--check', 'a.lua'], { cwd: dir });
    let stdout = '';
    child.stdout.on('data', (d) => { stdout += String(d); });
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.on('exit', (code, signal) => { clearTimeout(timer); done({ code, killed: signal === 'SIGKILL', stdout }); });
  });
}

describe('luamod fmt never reads a device or a FIFO as its configuration', () => {
  test.each([
    ['.editorconfig', 'a FIFO'], ['.editorconfig', '/dev/zero'], ['stylua.toml', 'a FIFO'], ['.stylua.toml', '/dev/zero'],
  ])('%s that is %s', async (name, kind) => {
    const dir = mkdtempSync(join(tmpdir(), 'luamod-fmt-evil-'));
    writeFileSync(join(dir, 'a.lua'), 'local  x=1\n');
    if (kind === 'a FIFO') execFileSync('mkfifo', [join(dir, name)]);
    else symlinkSync('/dev/zero', join(dir, name));
    const r = await fmtCheck(dir);
    expect(r.killed, 'luamod fmt hung').toBe(false);
    expect(r.code).toBe(1); // formatted with StyLua's defaults: the file would change
    expect(r.stdout).toContain('a.lua');
  }, 30_000);
});

describe('a host module file that is a FIFO or a link to /dev/zero is a configuration error, not a hang', () => {
  test.each([['a FIFO'], ['/dev/zero']])('.luamodrc.json "modules" naming %s', async (kind) => {
    const dir = mkdtempSync(join(tmpdir(), 'luamod-mods-evil-'));
    writeFileSync(join(dir, '.luamodrc.json'), '{"modules": ["./mods.js"]}');
    writeFileSync(join(dir, 'a.lua'), 'print(1)\n');
    if (kind === 'a FIFO') execFileSync('mkfifo', [join(dir, 'mods.js')]);
    else symlinkSync('/dev/zero', join(dir, 'mods.js'));
    const r = await new Promise<{ code: number | null; killed: boolean; stderr: string }>((done) => {
      const child = spawn(process.execPath, [CLI, 'check', 'a.lua'], { cwd: dir });
      let stderr = '';
      child.stderr.on('data', (d) => { stderr += String(d); });
      const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
      child.on('exit', (code, signal) => { clearTimeout(timer); done({ code, killed: signal === 'SIGKILL', stderr }); });
    });
    expect(r.killed, 'luamod check hung').toBe(false);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/mods\.js(: module file not a regular file|.*outside the config's folder)/);
  }, 30_000);
});
