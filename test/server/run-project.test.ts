// luamod/runScript over the real protocol on a two-file project: the document requires a module of
// its project (root: the folder of .luamodrc.json, runtime.path from it), and an error raised inside
// the module names the module's file instead of a line of the document.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from './lsp-client';

let dir: string;
let s: TestServer;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'luamod-run-project-'));
  writeFileSync(join(dir, '.luamodrc.json'), JSON.stringify({ runtime: { path: ['lib/?.lua', '?.lua'] } }));
  mkdirSync(join(dir, 'lib'));
  mkdirSync(join(dir, 'scripts'));
  writeFileSync(join(dir, 'lib', 'util.lua'), 'local M = {}\nfunction M.add(a, b) return a + b end\nfunction M.fail()\n  error("util failed")\nend\nreturn M\n');
  writeFileSync(join(dir, 'lib', 'store.lua'), 'local M = {}\nfunction M.save(x) return fs.write("/tmp/x", x) end\nreturn M\n');
  writeFileSync(join(dir, 'scripts', 'main.lua'), 'local util = require("util")\nprint(util.add(20, 22))\nreturn util.add(1, 1)\n');
  s = await startServer({ rootPath: dir });
});
afterAll(async () => {
  await s?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('luamod/runScript with require', () => {
  it('runs a document that requires a module of its project', async () => {
    const uri = pathToFileURL(join(dir, 'scripts', 'main.lua')).href;
    const r = await s.request('luamod/runScript', { uri });
    expect(r).toMatchObject({ output: '42\n', result: '2' });
    expect(r.error).toBeUndefined();
  });

  it('an error inside the module names its file and line; the document line is left out', async () => {
    const uri = pathToFileURL(join(dir, 'scripts', 'main.lua')).href;
    const r = await s.request('luamod/runScript', { uri, text: 'local util = require("util")\nutil.fail()', lineOffset: 5 });
    expect(r.error.message).toBe('lib/util.lua:4: util failed');
    expect(r.error.line).toBeUndefined();
    // The document is named by its path in the project, like the modules.
    expect(r.error.traceback).toMatch(/lib\/util\.lua:4:[\s\S]*scripts\/main\.lua:2:/);
  });

  it('an error in the document itself still gets the document line (with the selection offset)', async () => {
    const uri = pathToFileURL(join(dir, 'scripts', 'main.lua')).href;
    const r = await s.request('luamod/runScript', { uri, text: 'local util = require("util")\nrequire("nope")', lineOffset: 5 });
    expect(r.error.message).toBe("module 'nope' not found:\n\tno field package.preload['nope']\n\tno file 'lib/nope.lua'\n\tno file 'nope.lua'");
    expect(r.error.line).toBe(7);
  });

  it('a --!workflow document holds the modules it requires to the workflow rule', async () => {
    const uri = pathToFileURL(join(dir, 'scripts', 'flow.lua')).href;
    const r = await s.request('luamod/runScript', { uri, text: '--!workflow\nlocal store = require("store")\nreturn 1' });
    expect(r.error.message).toMatch(/^lib\/store\.lua:2: module 'fs' is not workflow-safe/);
    const plain = await s.request('luamod/runScript', { uri, text: 'local store = require("store")\nreturn 1' });
    expect(plain).toMatchObject({ result: '1' });
  });
});
