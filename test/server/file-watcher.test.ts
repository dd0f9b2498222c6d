// Clients that cannot watch files (no dynamic registration of didChangeWatchedFiles, e.g. Neovim
// 0.7): the server watches the workspace itself, so files created, changed or deleted on disk and
// edited configs are seen without any notification from the client.
import { mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from './lsp-client';

const BAD = 'local time = require("time")\nprint(time.noww())\n';
const CLEAN = 'local time = require("time")\nprint(time.now())\n';

let dir: string;
let s: TestServer;
const uriOf = (f: string) => pathToFileURL(join(dir, f)).href;
const last = (uri: string) => s.published.filter((p) => p.uri === uri).at(-1);

async function until(cond: () => boolean, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error(`timed out; logs:\n${s.logs.join('\n')}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'luamod-watch-'));
  writeFileSync(join(dir, 'a.lua'), CLEAN);
  s = await startServer({ rootPath: dir }); // the test client offers no file watching
  await until(() => s.status.some((x) => x.state === 'ready'));
});
afterAll(async () => {
  await s?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('the server watches files itself when the client cannot', () => {
  it('says so in its log', () => {
    expect(s.logs.join('\n')).toMatch(/watching 1 workspace folder/);
  });
  it('a new file with a problem on disk is checked and published', async () => {
    writeFileSync(join(dir, 'new.lua'), BAD);
    await until(() => last(uriOf('new.lua'))?.diagnostics.some((d) => d.code === 'undefined-field') === true);
  });
  it('a fix on disk clears it; a deletion clears it too', async () => {
    writeFileSync(join(dir, 'a.lua'), BAD);
    await until(() => (last(uriOf('a.lua'))?.diagnostics.length ?? 0) > 0);
    writeFileSync(join(dir, 'a.lua'), CLEAN);
    await until(() => last(uriOf('a.lua'))?.diagnostics.length === 0);
    unlinkSync(join(dir, 'new.lua'));
    await until(() => last(uriOf('new.lua'))?.diagnostics.length === 0);
  });
  it('an edited .luamodrc.json is reloaded (a severity turned off)', async () => {
    writeFileSync(join(dir, 'b.lua'), BAD);
    await until(() => (last(uriOf('b.lua'))?.diagnostics.length ?? 0) > 0);
    writeFileSync(join(dir, '.luamodrc.json'), JSON.stringify({ diagnostics: { 'undefined-field': 'off' } }));
    await until(() => last(uriOf('b.lua'))?.diagnostics.length === 0);
  });
});
