// Attacks on the scans that run over a script's text with regexes: the `--workflow` check of
// `luamod run` (it ran before the worker started, outside --timeout, and was quadratic: 15 s for
// 300 KB), and the editor's scans of the line before the cursor (completion, member owners). Each
// must stay linear; the workflow check also counts against --timeout.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { ScanTimeout } from '../../src/runtime/lua-tokens';
import { workflowViolations } from '../../src/runtime/workflow';
import { builtinModules } from '../../src/modules';
import { startServer } from '../server/lsp-client';
import { luamod } from './support/cli';

const dir = mkdtempSync(join(tmpdir(), 'luamod-linear-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Texts that made the old regexes backtrack for more than 30 s (300-650 KB). */
const HOSTILE: Record<string, string> = {
  'spaces after local': `local ${' '.repeat(300_000)}x = 1\n`,
  'words after local, line after line': `local ${'a '.repeat(20)}\n`.repeat(14_000),
};

describe('luamod run --workflow: the check is linear and under --timeout', () => {
  test.each(Object.keys(HOSTILE))('%s: the CLI ends by itself', async (name) => {
    const file = join(dir, `${name.replace(/\W+/g, '-')}.lua`);
    writeFileSync(file, HOSTILE[name]!);
    const r = await luamod(['run', file, '--workflow', '--timeout', '3000'], dir, 25_000);
    expect(r.killed, 'the workflow check ran past --timeout').toBe(false);
    expect(r.stderr).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
  }, 60_000);

  test('the same answers as before on ordinary scripts', () => {
    const v = (s: string) => workflowViolations(s, builtinModules).map((x) => `${x.line}:${x.module}`);
    expect(v('local x = require("fs")\nprint(env.get("A"))')).toEqual(['1:fs', '2:env']);
    expect(v('local f = require "fs"\nlocal t = {}\nprint(t.fs.read, "fs.read")')).toEqual(['1:fs']);
    expect(v('local function fs() end\nfs.x = 1\n-- env.get()\n--[==[ require("env") ]==]')).toEqual([]);
    expect(v('print([[\n\n]], fs:read())')).toEqual(['3:fs']);
  });

  test('a scan past its deadline stops with ScanTimeout', () => {
    expect(() => workflowViolations('x = 1\n'.repeat(500_000), builtinModules, Date.now() - 1)).toThrow(ScanTimeout);
  });
});

describe('the editor scans of a long line', () => {
  test.each([
    ['one long name', `x = ${'a'.repeat(300_000)}`],
  ])('completion at the end of %s answers', async (_name, text) => {
    const s = await startServer();
    try {
      const uri = 'file:///virtual/long-line.lua';
      s.open(uri, text);
      const lines = text.split('\n');
      const position = { line: lines.length - 1, character: lines[lines.length - 1]!.length };
      const list = await s.request('textDocument/completion', { textDocument: { uri }, position });
      expect(list).toBeTruthy();
      expect(await s.request('textDocument/hover', { textDocument: { uri }, position })).toBeDefined();
    } finally {
      await s.stop();
    }
  }, 30_000);
});
