// Neovim 0.7 (Debian's), headless, with the documented set-up (docs/editors/neovim-0.7.lua): the real
// editor starts `luamod lsp --stdio` from PATH and gets diagnostics, completion without snippets
// (its client has no snippet support and never resolves items), hover and a code action.
// `.ci/run` installs neovim; without it (a developer machine) the test is skipped, except under CI.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const repo = resolve(__dirname, '../..');
const hasNvim = spawnSync('nvim', ['--version'], { encoding: 'utf8' }).status === 0;
const required = process.env.CI === 'true';

describe.skipIf(!hasNvim && !required)('Neovim 0.7 with the documented set-up', () => {
  it('diagnostics, plain-text completion with documentation, hover and a code action', () => {
    const dir = mkdtempSync(join(tmpdir(), 'luamod-nvim-'));
    const bin = join(dir, 'bin');
    mkdirSync(bin);
    symlinkSync(join(repo, 'bin', 'luamod.js'), join(bin, 'luamod'));
    const ws = join(dir, 'ws');
    mkdirSync(ws);
    writeFileSync(join(ws, '.luamodrc.json'), '{}');
    writeFileSync(join(ws, 'main.lua'), 'local time = require("time")\ntime.\n\nprnt(1)\n');
    const out = join(dir, 'probe.json');
    const r = spawnSync('nvim', ['--headless', '--noplugin', '-u', join(repo, 'docs/editors/neovim-0.7.lua'), join(ws, 'main.lua'),
      '-c', `luafile ${join(repo, 'test/editors/neovim-probe.lua')}`], {
      cwd: ws, encoding: 'utf8', timeout: 60_000,
      env: { ...process.env, PATH: `${bin}:${process.env.PATH}`, LUAMOD_PROBE_OUT: out, HOME: dir, XDG_CONFIG_HOME: join(dir, 'config'), XDG_DATA_HOME: join(dir, 'data'), XDG_STATE_HOME: join(dir, 'state') },
    });
    expect(r.error).toBeUndefined();
    const probe = JSON.parse(readFileSync(out, 'utf8')) as {
      error?: string; diagnostics: Array<{ message: string; code?: string }>;
      completion: Array<{ label: string; insertText: string | null; insertTextFormat: number | null; documentation: number }>;
      hover: string; actions: string[];
    };
    expect(probe.error).toBeUndefined();
    expect(probe.diagnostics.some((d) => /prnt/.test(d.message))).toBe(true);
    const parse = probe.completion.find((c) => c.label === 'parse_duration');
    expect(parse).toBeDefined();
    expect(parse!.insertText ?? 'parse_duration').toBe('parse_duration'); // no literal ${1:...}
    expect(probe.completion.every((c) => !/\$\{|\$0/.test(c.insertText ?? ''))).toBe(true);
    expect(parse!.documentation).toBe(1); // inline: 0.7 never sends completionItem/resolve
    expect(probe.hover).toMatch(/time/);
    expect(probe.actions.length).toBeGreaterThan(0);
  }, 90_000);
});
