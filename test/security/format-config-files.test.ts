// Attacks on the formatter's configuration files: a `.editorconfig` or `stylua.toml` that is a FIFO
// or a link to /dev/zero must not hang `luamod fmt` (nor the server's formatting, which uses the
// same lookup): such a file is not a configuration, and StyLua's defaults apply.
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
