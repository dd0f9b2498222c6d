// The language server (dist/server.js over stdio, a real LSP client) with the host's module files of
// `.luamodrc.json` "modules": it checks and hovers with them; a broken module file is a message in
// its log, and the server keeps serving with the other modules.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../server/lsp-client';

const root = resolve(__dirname, '../..');
let dir: string;
let s: TestServer;
const uriOf = (name: string) => pathToFileURL(join(dir, name)).href;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'luamod-lsp-host-'));
  mkdirSync(join(dir, 'good'));
  writeFileSync(join(dir, 'good', '.luamodrc.json'), JSON.stringify({ modules: ['./modules.cjs'] }));
  writeFileSync(join(dir, 'good', 'modules.cjs'), readFileSync(join(__dirname, 'fixtures/counter-modules.cjs'), 'utf8')
    .replace("require('../../../dist/index.js')", `require(${JSON.stringify(join(root, 'dist/index.js'))})`));
  mkdirSync(join(dir, 'broken'));
  writeFileSync(join(dir, 'broken', '.luamodrc.json'), JSON.stringify({ modules: ['./throws.cjs'] }));
  writeFileSync(join(dir, 'broken', 'throws.cjs'), 'throw new Error("host file exploded")');
  s = await startServer({ rootPath: dir });
}, 60_000);
afterAll(async () => {
  await s?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('language server with .luamodrc.json "modules"', () => {
  it('checks and hovers with the host module', async () => {
    const uri = uriOf('good/job.lua');
    const d = s.diagnostics(uri, 1);
    s.open(uri, 'local n = counter.incr(42)\nprint(n)\n');
    expect((await d).diagnostics.map((x) => x.code)).toEqual(['param-type-mismatch']);
    const h = await s.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 19 } });
    expect(h.contents.value).toContain('fun(name: string) -> integer');
  });

  it('a module file that throws: a message in the log, the built-in modules still work', async () => {
    const uri = uriOf('broken/job.lua');
    const d = s.diagnostics(uri, 1);
    s.open(uri, 'local time = require("time")\nprint(time.now())\n');
    expect((await d).diagnostics).toEqual([]);
    expect(s.logs.join('\n')).toMatch(/module file problem: .*throws\.cjs: module file failed to load: host file exploded/);
  });
});
