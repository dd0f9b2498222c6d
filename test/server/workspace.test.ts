// Workspace indexing over the real protocol: every *.lua file of the folder is indexed in the
// background with $/progress and luamod/status, excluded globs are honoured, workspace/symbol
// finds symbols of files never opened, and watched .lua changes update the index.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from './lsp-client';

let dir: string;
let s: TestServer;

async function ready(server: TestServer): Promise<void> {
  for (let i = 0; i < 200 && !server.status.some((x) => x.state === 'ready'); i++) await new Promise((r) => setTimeout(r, 25));
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'luamod-ws-'));
  writeFileSync(join(dir, '.luamodrc.json'), JSON.stringify({ exclude: ['vendor/**'] }));
  mkdirSync(join(dir, 'lib'));
  mkdirSync(join(dir, 'vendor'));
  writeFileSync(join(dir, 'lib', 'billing.lua'), 'local M = {}\nfunction M.computeInvoiceTotal(items) return #items end\nreturn M\n');
  writeFileSync(join(dir, 'main.lua'), 'local function startServerLoop() end\nstartServerLoop()\n');
  writeFileSync(join(dir, 'vendor', 'thirdparty.lua'), 'function vendoredHelperThing() end\n');
  writeFileSync(join(dir, 'lib', 'globals.lua'), '-- shared helpers\nfunction sharedUtility() end\n');
  for (let i = 0; i < 30; i++) writeFileSync(join(dir, 'lib', `gen${i}.lua`), `local function generated_${i}() end\nreturn generated_${i}\n`);
  s = await startServer({ rootPath: dir, configuration: { indexWorkspace: true, inlayHints: { enable: false } } });
  await ready(s);
});
afterAll(async () => {
  await s?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const names = async (query: string): Promise<string[]> =>
  (await s.request('workspace/symbol', { query })).map((x: { name: string }) => x.name);

describe('workspace index', () => {
  it('reports progress and status, counting the indexed files', () => {
    const kinds = s.progress.map((p) => (p as { value: { kind: string } }).value.kind);
    expect(kinds[0]).toBe('begin');
    expect(kinds[kinds.length - 1]).toBe('end');
    expect(s.status.find((x) => x.state === 'ready')!.files).toBe(33);
  });

  it('finds symbols of files that were never opened', async () => {
    expect(await names('computeInvoice')).toContain('M.computeInvoiceTotal');
    expect(await names('startServerLoop')).toContain('startServerLoop');
  });

  it('honours the excluded globs of .luamodrc.json', async () => {
    expect(await names('vendoredHelper')).toEqual([]);
  });

  it('updates the index when a watched .lua file changes or is deleted', async () => {
    const file = join(dir, 'lib', 'late.lua');
    writeFileSync(file, 'function lateArrivalHandler() end\n');
    s.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(file).href, type: 1 }] });
    expect(await names('lateArrival')).toContain('lateArrivalHandler');
    rmSync(file);
    s.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(file).href, type: 3 }] });
    expect(await names('lateArrival')).toEqual([]);
  });

  it('reads settings with workspace/configuration', async () => {
    const uri = pathToFileURL(join(dir, 'hints.lua')).href;
    s.open(uri, 'local time = require("time")\nlocal t = time.now()\n');
    const hints = await s.request('textDocument/inlayHint', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 5, character: 0 } } });
    expect(hints).toEqual([]);
  });

  it('reads settings from initializationOptions', async () => {
    const other = await startServer({ initializationOptions: { settings: { inlayHints: { enable: true, variableTypes: true, parameterNames: false } } } });
    const uri = 'untitled:hints';
    other.open(uri, 'local time = require("time")\nlocal t = time.now()\n');
    const hints = await other.request('textDocument/inlayHint', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 5, character: 0 } } });
    expect(hints.map((h: { label: string }) => h.label)).toEqual([': time.Time']);
    await other.stop();
  });

  it('jumps to a global defined in another (closed) file', async () => {
    const uri = pathToFileURL(join(dir, 'use.lua')).href;
    s.open(uri, 'sharedUtility()\n');
    const locs = await s.request('textDocument/definition', { textDocument: { uri }, position: { line: 0, character: 3 } });
    expect(locs).toEqual([{ uri: pathToFileURL(join(dir, 'lib', 'globals.lua')).href, range: { start: { line: 1, character: 9 }, end: { line: 1, character: 22 } } }]);
  });

  it('finds the uses of a global in the other files', async () => {
    writeFileSync(join(dir, 'lib', 'caller.lua'), 'sharedUtility()\nlocal sharedUtility = 1\nprint(sharedUtility)\n');
    s.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(join(dir, 'lib', 'caller.lua')).href, type: 1 }] });
    const uri = pathToFileURL(join(dir, 'use2.lua')).href;
    s.open(uri, 'sharedUtility()\n');
    const refs = await s.request('textDocument/references', { textDocument: { uri }, position: { line: 0, character: 3 }, context: { includeDeclaration: true } });
    const where = refs.map((r: { uri: string; range: { start: { line: number } } }) => `${r.uri.split('/').slice(-1)[0]}:${r.range.start.line}`).sort();
    expect(where).toEqual(expect.arrayContaining(['use2.lua:0', 'globals.lua:1', 'caller.lua:0', 'use.lua:0']));
    expect(where).not.toContain('caller.lua:2'); // shadowed by a local there
  });

  it('renames a global in every file that uses it, and refuses an undefined one', async () => {
    const uri = pathToFileURL(join(dir, 'use3.lua')).href;
    s.open(uri, 'sharedUtility()\nundefinedThing()\n');
    const edit = await s.request('textDocument/rename', { textDocument: { uri }, position: { line: 0, character: 3 }, newName: 'sharedHelper' });
    const files = Object.keys(edit.changes).map((u) => u.split('/').slice(-1)[0]).sort();
    expect(files).toEqual(expect.arrayContaining(['use3.lua', 'globals.lua', 'caller.lua']));
    expect(edit.changes[pathToFileURL(join(dir, 'lib', 'caller.lua')).href]).toHaveLength(1); // not the shadowing local
    await expect(s.request('textDocument/rename', { textDocument: { uri }, position: { line: 1, character: 3 }, newName: 'x' })).rejects.toThrow('no file of the workspace defines it');
  });

  it('serves requests on closed files from disk', async () => {
    const uri = pathToFileURL(join(dir, 'main.lua')).href;
    const syms = await s.request('textDocument/documentSymbol', { textDocument: { uri } });
    expect(syms.map((x: { name: string }) => x.name)).toEqual(['startServerLoop']);
  });
});
