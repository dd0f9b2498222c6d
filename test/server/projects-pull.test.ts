// A client that pulls diagnostics: editing a module asks it to pull again (workspace/diagnostic/refresh),
// and the open file that requires the module then reports against the module's new buffer.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from './lsp-client';

let dir: string;
let s: TestServer;
let refreshes = 0;
const uri = (rel: string) => pathToFileURL(join(dir, rel)).href;
const UTIL = 'local M = {}\nfunction M.add(a, b) return a + b end\nreturn M\n';
const MAIN = 'local util = require("util")\nprint(util.add(1, 2))\n';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'luamod-projects-pull-'));
  writeFileSync(join(dir, 'util.lua'), UTIL);
  writeFileSync(join(dir, 'main.lua'), MAIN);
  s = await startServer({
    rootPath: dir,
    configuration: { diagnostics: { debounceMs: 10 } },
    capabilities: { textDocument: { diagnostic: { dynamicRegistration: false } }, workspace: { configuration: true, workspaceFolders: true, diagnostics: { refreshSupport: true } } },
  });
  s.conn.onRequest('workspace/diagnostic/refresh', () => { refreshes++; return null; });
});
afterAll(async () => {
  await s?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const pull = async (rel: string): Promise<string[]> =>
  (await s.request('textDocument/diagnostic', { textDocument: { uri: uri(rel) } })).items.map((d: { message: string }) => d.message);

describe('pulling clients and project modules', () => {
  it('an edit of an open module asks for a new pull; the open dependent then sees the new module', async () => {
    s.open(uri('main.lua'), MAIN);
    s.open(uri('util.lua'), UTIL);
    expect(await pull('main.lua')).toEqual([]);
    // Let start-up settle (indexing, the first workspace pass) so that a refresh counted below is the edit's.
    for (let i = 0; i < 400 && !s.status.some((x) => x.state === 'ready'); i++) await new Promise((r) => setTimeout(r, 25));
    await s.request('workspace/diagnostic', { previousResultIds: [] });
    let stable = refreshes;
    for (let quiet = 0; quiet < 10; quiet++) {
      await new Promise((r) => setTimeout(r, 50));
      if (refreshes !== stable) { stable = refreshes; quiet = 0; }
    }
    const before = refreshes;
    s.notify('textDocument/didChange', { textDocument: { uri: uri('util.lua'), version: 2 }, contentChanges: [{ text: UTIL.replace('M.add', 'M.sum') }] });
    for (let i = 0; i < 200 && refreshes === before; i++) await new Promise((r) => setTimeout(r, 20));
    expect(refreshes).toBeGreaterThan(before);
    expect(await pull('main.lua')).toEqual(["module 'util' has no field 'add'"]);
  });
});
