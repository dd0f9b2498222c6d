// Hostile scripts through the language server's `luamod/runScript` (the editor's Run Lua Script):
// the server runs them in a worker thread, so it keeps answering while one is stuck, and every
// run ends with a clear error.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startServer, type TestServer } from '../server/lsp-client';

let s: TestServer;
const run = (text: string, timeoutMs = 1000) =>
  s.request<{ output: string; error?: { message: string; kind: string } }>('luamod/runScript', { uri: 'file:///virtual/hostile.lua', text, timeoutMs });

describe('hostile scripts through luamod/runScript', () => {
  beforeAll(async () => {
    s = await startServer();
    s.open('file:///virtual/other.lua', 'local function f() return 1 end\nprint(f())\n');
  });
  afterAll(async () => {
    expect(await s.stop()).toBe(0);
  });

  test('a pattern stuck inside one string.find call: the server keeps answering, the run ends with a timeout', async () => {
    const stuck = run('print(string.rep("a", 3000):find(".-.-.-.-x"))\nprint("ESCAPED")');
    let answeredFirst = false;
    const symbols = s.request('textDocument/documentSymbol', { textDocument: { uri: 'file:///virtual/other.lua' } }).then((r) => {
      answeredFirst = true;
      return r;
    });
    expect(await symbols).toBeTruthy();
    const r = await stuck;
    expect(answeredFirst).toBe(true);
    expect(r.output).not.toContain('ESCAPED');
    expect(r.error).toMatchObject({ kind: 'timeout' });
    expect(r.error!.message).toMatch(/time limit of 1000 ms/);
  }, 30_000);

  test.each([
    ['an infinite loop inside pcall', 'while true do pcall(function() while true do end end) end', /time limit/, 1000],
    ['a 1 GB string', 'local s = string.rep("x", 1e9) print("ESCAPED", #s)', /resulting string too large/, 10_000],
    ['table growth', 'local t = {} local i = 0 while true do i = i + 1; t[i] = { i } end', /memory limit/, 10_000],
    ['`s = s .. s` doubling between two hook checks', 'local s = "x" for i = 1, 40 do s = s .. s end print("ESCAPED", #s)', /memory limit of 256 MiB/, 10_000],
    ['io', 'print("ESCAPED", io.open("/etc/passwd"))', /global 'io'/, 10_000],
  ])('%s ends with a clear error', async (_name, text, message, timeoutMs) => {
    const r = await run(text, timeoutMs);
    expect(r.output).not.toContain('ESCAPED');
    expect(r.error?.message).toMatch(message);
  }, 60_000);
});
