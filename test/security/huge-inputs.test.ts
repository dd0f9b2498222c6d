// Attacks with inputs that are too big: a file over `maxFileSize` (its parse alone would cost 35-70
// bytes of memory per byte: a 30 MB file killed `luamod check` with a heap OOM and the server with
// 2.7 GB at 12 MB), and a file with 200k findings (58.8 MB of diagnostics). A file over the limit
// gets one `file-too-large` diagnostic and is not read; diagnostics stop at `maxDiagnostics` with one
// `too-many-diagnostics` that counts the rest, in the CLI's three formats and in the server.
// The 30 MB cases (with memory figures) are in `npm run security:heavy` (scripts/security-heavy.mjs).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import { startServer } from '../server/lsp-client';
import { luamod } from './support/cli';

const base = mkdtempSync(join(tmpdir(), 'luamod-huge-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));

const DEFAULT_LIMIT = 4 * 1024 * 1024;
/** Lua text of at least `bytes` bytes: many small valid statements. */
const luaOfSize = (bytes: number): string => 'local x = 1\n'.repeat(Math.ceil(bytes / 12));
/** A file with `n` undefined-global warnings. */
const manyFindings = (n: number): string => `print(${Array.from({ length: n }, (_, i) => `g${i}`).join(', ')})\n`;

function project(name: string, config?: object): string {
  const dir = join(base, name);
  mkdirSync(dir, { recursive: true });
  if (config) writeFileSync(join(dir, '.luamodrc.json'), JSON.stringify(config));
  return dir;
}

interface JsonReport { files: Array<{ path: string; diagnostics: Array<{ code: string; severity: string; message: string }> }> }

describe('luamod check: files over maxFileSize are declined with one diagnostic', () => {
  test('just over the default limit (4 MiB): file-too-large with the size and the limit, exit 0', async () => {
    const dir = project('default-limit');
    const text = luaOfSize(DEFAULT_LIMIT + 1024);
    writeFileSync(join(dir, 'big.lua'), text);
    const r = await luamod(['check', 'big.lua', '--format', 'json'], dir);
    expect(r.killed).toBe(false);
    expect(r.code).toBe(0);
    const d = (JSON.parse(r.stdout) as JsonReport).files[0]!.diagnostics;
    expect(d).toEqual([{ code: 'file-too-large', severity: 'warning', message: `file not checked: ${text.length} bytes is more than the limit of ${DEFAULT_LIMIT} bytes (maxFileSize)`, range: expect.anything() }]);
  }, 60_000);

  test('maxFileSize from .luamodrc.json: a larger file is declined, a smaller one checked; stdin too', async () => {
    const dir = project('configured-limit', { maxFileSize: 4096 });
    writeFileSync(join(dir, 'big.lua'), `${luaOfSize(5000)}print(undefined_a)\n`);
    writeFileSync(join(dir, 'small.lua'), `${luaOfSize(3000)}print(undefined_b)\n`);
    const r = await luamod(['check', 'big.lua', 'small.lua'], dir);
    expect(r.stdout).toMatch(/big\.lua:1:1: warning file-too-large: file not checked: \d+ bytes is more than the limit of 4096 bytes/);
    expect(r.stdout).not.toContain('undefined_a');
    expect(r.stdout).toContain("small.lua:251:7: warning undefined-global: undefined global 'undefined_b'");
    const piped = await luamod(['check', '-', '--stdin-filename', 'piped.lua'], dir, 60_000, `${luaOfSize(5000)}print(undefined_c)\n`);
    expect(piped.stdout).toMatch(/piped\.lua:1:1: warning file-too-large/);
  }, 60_000);

  test('between 2 MiB and the limit: a syntax-only check', async () => {
    const dir = project('syntax-only');
    writeFileSync(join(dir, 'large.lua'), `${luaOfSize(2.2 * 1024 * 1024)}print(undefined_d)\nlocal = 1\n`);
    const r = await luamod(['check', 'large.lua', '--format', 'json'], dir);
    const d = (JSON.parse(r.stdout) as JsonReport).files[0]!.diagnostics;
    expect(d.map((x) => x.code)).toEqual(['syntax-error']);
  }, 60_000);
});

describe('diagnostics are capped per file', () => {
  test.each(['text', 'json', 'github'])('--format %s: 1000 diagnostics, then one that counts the other 2000', async (format) => {
    const dir = project(`cap-${format}`);
    writeFileSync(join(dir, 'many.lua'), manyFindings(3000));
    const r = await luamod(['check', 'many.lua', '--format', format], dir);
    expect(r.killed).toBe(false);
    const undefinedGlobals = r.stdout.match(/undefined global 'g\d+'/g) ?? [];
    expect(undefinedGlobals).toHaveLength(1000);
    expect(r.stdout).toContain('2000 more diagnostics not shown (the limit is 1000 per file, maxDiagnostics)');
    expect(r.stdout.length).toBeLessThan(1_000_000);
  }, 60_000);

  test('maxDiagnostics from .luamodrc.json', async () => {
    const dir = project('cap-config', { maxDiagnostics: 10 });
    writeFileSync(join(dir, 'many.lua'), manyFindings(3000));
    const r = await luamod(['check', 'many.lua', '--format', 'json'], dir);
    const d = (JSON.parse(r.stdout) as JsonReport).files[0]!.diagnostics;
    expect(d).toHaveLength(11);
    expect(d[10]).toMatchObject({ code: 'too-many-diagnostics', severity: 'info', message: '2990 more diagnostics not shown (the limit is 10 per file, maxDiagnostics)' });
  }, 60_000);
});

describe('the language server: large documents and many diagnostics', () => {
  test('a document over the limit: one file-too-large diagnostic, empty symbols, and the server keeps answering', async () => {
    const s = await startServer({ initializationOptions: { settings: { maxFileSize: 65_536 } } });
    try {
      const big = 'file:///virtual/big.lua';
      s.open(big, luaOfSize(70_000) + 'print(undefined_e)\n');
      const published = await s.diagnostics(big, 1, 30_000);
      expect(published.diagnostics.map((d) => d.code)).toEqual(['file-too-large']);
      expect(published.diagnostics[0]!.message).toMatch(/limit of 65536 bytes/);
      expect(await s.request('textDocument/documentSymbol', { textDocument: { uri: big } })).toEqual([]);
      expect(await s.request('textDocument/foldingRange', { textDocument: { uri: big } })).toEqual([]);
      const small = 'file:///virtual/small.lua';
      s.open(small, 'local function f() end\n');
      expect(await s.request('textDocument/documentSymbol', { textDocument: { uri: small } })).toHaveLength(1);
    } finally {
      expect(await s.stop()).toBe(0);
    }
  }, 60_000);

  test('a document just over the default limit (4 MiB) is declined too', async () => {
    const s = await startServer();
    try {
      const big = 'file:///virtual/default-big.lua';
      s.open(big, luaOfSize(DEFAULT_LIMIT + 1024));
      const published = await s.diagnostics(big, 1, 30_000);
      expect(published.diagnostics.map((d) => d.code)).toEqual(['file-too-large']);
    } finally {
      expect(await s.stop()).toBe(0);
    }
  }, 60_000);

  test('3000 findings publish 1000 diagnostics and one too-many-diagnostics; maxPerFile and the config lower it', async () => {
    const dir = project('server-cap', { maxDiagnostics: 50 });
    const s = await startServer({ rootPath: dir });
    try {
      const virtual = 'file:///virtual/many.lua';
      s.open(virtual, manyFindings(3000));
      const d = (await s.diagnostics(virtual, 1, 30_000)).diagnostics;
      expect(d).toHaveLength(1001);
      expect(d[1000]).toMatchObject({ code: 'too-many-diagnostics', message: '2000 more diagnostics not shown (the limit is 1000 per file, maxDiagnostics)' });
      const inProject = pathToFileURL(join(dir, 'many.lua')).href;
      s.open(inProject, manyFindings(3000));
      const p = (await s.diagnostics(inProject, 1, 30_000)).diagnostics;
      expect(p).toHaveLength(51);
    } finally {
      expect(await s.stop()).toBe(0);
    }
  }, 60_000);
});
