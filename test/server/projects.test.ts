// A project of several files over the real server (stdio, real LSP client): `require` of the
// project's own files is typed, navigated and renamed across files, and editing a module re-checks
// its dependents, open or closed, whether the change is an unsaved buffer or a file on disk.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type Published, type TestServer } from './lsp-client';

let dir: string;
let s: TestServer;
const uri = (rel: string) => pathToFileURL(join(dir, rel)).href;

const UTIL = `local M = {}

--- Adds two numbers.
---@param a number the first
---@param b number the second
---@return number
function M.add(a, b)
  return a + b
end

return M
`;
const MAIN = `local util = require("util")
local strings = require("lib.strings")
print(util.add(1, 2), strings.shout("x"))
`;
const OTHER = `local u = require("util")
local function twice(x) return u.add(x, x) end
print(twice(1), u.add(3, 4))
`;

async function ready(server: TestServer): Promise<void> {
  for (let i = 0; i < 400 && !server.status.some((x) => x.state === 'ready'); i++) await new Promise((r) => setTimeout(r, 25));
}

/** Waits until `uri`'s latest published diagnostics satisfy `ok`. */
async function until(uri: string, ok: (p: Published) => boolean, timeoutMs = 10_000): Promise<Published> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const last = [...s.published].reverse().find((p) => p.uri === uri);
    if (last && ok(last)) return last;
    if (Date.now() > end) throw new Error(`diagnostics of ${uri}: ${JSON.stringify(last?.diagnostics.map((d) => d.message))}\n${s.logs.join('\n')}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const messages = (p: Published) => p.diagnostics.map((d) => d.message);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'luamod-projects-'));
  mkdirSync(join(dir, 'lib'));
  writeFileSync(join(dir, 'util.lua'), UTIL);
  writeFileSync(join(dir, 'lib', 'strings.lua'), 'local S = {}\nfunction S.shout(s) return s .. "!" end\nreturn S\n');
  writeFileSync(join(dir, 'main.lua'), MAIN);
  writeFileSync(join(dir, 'other.lua'), OTHER);
  writeFileSync(join(dir, 'closed.lua'), 'local util = require("util")\nprint(util.add(1, 2))\n');
  writeFileSync(join(dir, 'types.lua'), '---@class Account\n---@field id integer\n\nDEFAULT_LIMIT = 10\n');
  writeFileSync(join(dir, '.luamodrc.json'), JSON.stringify({ runtime: { external: ['lpeg', 'socket.*'] } }));
  writeFileSync(join(dir, 'cyc_a.lua'), 'local b = require("cyc_b")\nreturn { fa = function() return b.fb() end }\n');
  writeFileSync(join(dir, 'cyc_b.lua'), 'local a = require("cyc_a")\nreturn { fb = function() return 1 end, a = a }\n');
  writeFileSync(join(dir, 'ext.lua'), 'local lpeg = require("lpeg")\nlocal http = require("socket.http")\nlocal b = require("cyc_b")\nprint(lpeg.P, http.request, b.fb() + 1)\n');
  writeFileSync(join(dir, 'uses_types.lua'), '---@param a Account\nlocal function show(a) return a.id + DEFAULT_LIMIT end\nprint(show({ id = 1 }))\n');
  s = await startServer({
    rootPath: dir,
    configuration: { indexWorkspace: true, inlayHints: { enable: false }, diagnostics: { debounceMs: 10 } },
    capabilities: { workspace: { configuration: true, workspaceFolders: true, didChangeWatchedFiles: { dynamicRegistration: true } } },
  });
  await ready(s);
  s.open(uri('main.lua'), MAIN);
  s.open(uri('other.lua'), OTHER);
  await until(uri('main.lua'), () => true);
});
afterAll(async () => {
  await s?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('a project of several files in the editor', () => {
  it('checks a file against the modules it requires: no unknown-module, wrong arguments reported', async () => {
    expect(messages(await until(uri('main.lua'), () => true))).toEqual([]);
    // A closed file of the workspace (from disk) is checked the same way; classes and top-level
    // globals of another file are known.
    const pull = async (rel: string) => (await s.request('textDocument/diagnostic', { textDocument: { uri: uri(rel) } })).items.map((d: { message: string }) => d.message);
    expect(await pull('closed.lua')).toEqual([]);
    expect(await pull('uses_types.lua')).toEqual([]);
    // Modules that require each other, and runtime.external names: no diagnostics, no hang.
    expect(await pull('cyc_a.lua')).toEqual([]);
    expect(await pull('cyc_b.lua')).toEqual([]);
    expect(await pull('ext.lua')).toEqual([]);
    writeFileSync(join(dir, 'bad.lua'), 'local util = require("util")\nprint(util.add(1, "2"), util.nope)\n');
    expect(await pull('bad.lua')).toEqual(["argument #2 'b': expected number, got string", "module 'util' has no field 'nope'"]);
  });

  it('go to definition: on the require string opens the file, on util.add goes to the function', async () => {
    const onString = await s.request('textDocument/definition', { textDocument: { uri: uri('main.lua') }, position: { line: 0, character: 23 } });
    expect(onString).toEqual([{ uri: uri('util.lua'), range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } }]);
    const onMember = await s.request('textDocument/definition', { textDocument: { uri: uri('main.lua') }, position: { line: 2, character: 12 } });
    expect(onMember).toEqual([{ uri: uri('util.lua'), range: { start: { line: 6, character: 11 }, end: { line: 6, character: 14 } } }]);
    const nested = await s.request('textDocument/definition', { textDocument: { uri: uri('main.lua') }, position: { line: 2, character: 32 } });
    expect(nested).toEqual([{ uri: uri('lib/strings.lua'), range: { start: { line: 1, character: 11 }, end: { line: 1, character: 16 } } }]);
  });

  it('hover on util.add shows the signature and the doc comment written in util.lua', async () => {
    const h = await s.request('textDocument/hover', { textDocument: { uri: uri('main.lua') }, position: { line: 2, character: 12 } });
    expect(h.contents.value).toContain('util.add: fun(a: number, b: number) -> number');
    expect(h.contents.value).toContain('Adds two numbers.');
  });

  it('signature help on util.add( shows the parameters and their docs from util.lua', async () => {
    const text = 'local util = require("util")\nutil.add(\n';
    s.open(uri('scratch4.lua'), text);
    const help = await s.request('textDocument/signatureHelp', { textDocument: { uri: uri('scratch4.lua') }, position: { line: 1, character: 9 } });
    expect(help.signatures[0].label).toContain('a: number, b: number');
    expect(JSON.stringify(help.signatures[0])).toContain('the first');
    s.notify('textDocument/didClose', { textDocument: { uri: uri('scratch4.lua') } });
  });

  it('renaming a project module from its require string is refused with a message naming the file', async () => {
    await expect(s.request('textDocument/rename', { textDocument: { uri: uri('main.lua') }, position: { line: 0, character: 23 }, newName: 'x' }))
      .rejects.toThrow(/rename the file instead/);
  });

  it('completion inside require(" lists the project modules in dotted form', async () => {
    const text = 'local x = require("")\n';
    s.open(uri('scratch.lua'), text);
    const list = await s.request('textDocument/completion', { textDocument: { uri: uri('scratch.lua') }, position: { line: 0, character: 19 } });
    const labels = (list.items ?? list).map((i: { label: string }) => i.label);
    expect(labels).toEqual(expect.arrayContaining(['util', 'lib.strings', 'main', 'other']));
    expect(labels).not.toContain('scratch');
    s.notify('textDocument/didClose', { textDocument: { uri: uri('scratch.lua') } });
  });

  it('completion after util. lists the module members with their docs', async () => {
    const text = 'local util = require("util")\nutil.\n';
    s.open(uri('scratch2.lua'), text);
    const list = await s.request('textDocument/completion', { textDocument: { uri: uri('scratch2.lua') }, position: { line: 1, character: 5 } });
    const items = (list.items ?? list) as Array<{ label: string }>;
    const add = items.find((i) => i.label === 'add');
    expect(add).toBeDefined();
    const resolved = await s.request('completionItem/resolve', add);
    expect(JSON.stringify(resolved.documentation)).toContain('Adds two numbers.');
    s.notify('textDocument/didClose', { textDocument: { uri: uri('scratch2.lua') } });
  });

  it('a class declared in another file: definition goes to its ---@class line, completion offers it', async () => {
    const text = '---@type Account\nlocal acc = { id = 1 }\nprint(acc.id)\n---@type Acc\nlocal b = nil\nprint(b)\n';
    s.open(uri('scratch3.lua'), text);
    const def = await s.request('textDocument/definition', { textDocument: { uri: uri('scratch3.lua') }, position: { line: 0, character: 11 } });
    expect(def).toEqual([{ uri: uri('types.lua'), range: { start: { line: 0, character: 10 }, end: { line: 0, character: 17 } } }]);
    const list = await s.request('textDocument/completion', { textDocument: { uri: uri('scratch3.lua') }, position: { line: 3, character: 12 } });
    expect(((list.items ?? list) as Array<{ label: string }>).map((i) => i.label)).toContain('Account');
    s.notify('textDocument/didClose', { textDocument: { uri: uri('scratch3.lua') } });
  });

  it('document links on require strings point to the files', async () => {
    const links = await s.request('textDocument/documentLink', { textDocument: { uri: uri('main.lua') } });
    expect(links.map((l: { target: string }) => l.target)).toEqual([uri('util.lua'), uri('lib/strings.lua')]);
  });

  it('workspace symbols include module members under their dotted name', async () => {
    const found = await s.request('workspace/symbol', { query: 'util.add' });
    expect(found.map((x: { name: string }) => x.name)).toContain('util.add');
  });

  it('references of util.add: the definition and every use in every file, open or closed', async () => {
    const refs: Array<{ uri: string; range: { start: { line: number } } }> = await s.request('textDocument/references', {
      textDocument: { uri: uri('main.lua') }, position: { line: 2, character: 12 }, context: { includeDeclaration: true },
    });
    const where = refs.map((r) => `${r.uri.slice(r.uri.lastIndexOf('/') + 1)}:${r.range.start.line}`).sort();
    expect(where).toEqual(['closed.lua:1', 'main.lua:2', 'other.lua:1', 'other.lua:2', 'util.lua:6']);
  });

  it('rename of M.add in util.lua edits every util.add in its dependents', async () => {
    const edit = await s.request('textDocument/rename', {
      textDocument: { uri: uri('util.lua') }, position: { line: 6, character: 12 }, newName: 'sum',
    });
    const files = Object.keys(edit.changes).map((u) => u.slice(u.lastIndexOf('/') + 1)).sort();
    expect(files).toEqual(['closed.lua', 'main.lua', 'other.lua', 'util.lua']);
    expect(edit.changes[uri('other.lua')].length).toBe(2);
    for (const edits of Object.values(edit.changes) as Array<Array<{ newText: string }>>) for (const e of edits) expect(e.newText).toBe('sum');
  });

  it('an unsaved edit of util.lua re-checks its open and closed dependents; undoing it clears them', async () => {
    const changed = UTIL.replace('function M.add', 'function M.plus');
    s.open(uri('util.lua'), changed, 1);
    const main = await until(uri('main.lua'), (p) => p.diagnostics.length > 0);
    expect(messages(main)).toEqual(["module 'util' has no field 'add'"]);
    const other = await until(uri('other.lua'), (p) => p.diagnostics.length > 0);
    expect(messages(other)).toEqual(["module 'util' has no field 'add'", "module 'util' has no field 'add'"]);
    const closed = await until(uri('closed.lua'), (p) => p.diagnostics.length > 0);
    expect(messages(closed)).toEqual(["module 'util' has no field 'add'"]);
    s.notify('textDocument/didChange', { textDocument: { uri: uri('util.lua'), version: 2 }, contentChanges: [{ text: UTIL }] });
    await until(uri('main.lua'), (p) => p.diagnostics.length === 0);
    await until(uri('closed.lua'), (p) => p.diagnostics.length === 0);
    s.notify('textDocument/didClose', { textDocument: { uri: uri('util.lua') } });
  });

  it('a change of util.lua on disk re-checks its dependents, open and closed', async () => {
    writeFileSync(join(dir, 'util.lua'), UTIL.replace('---@param b number the second', '---@param b string the second').replace('return a + b', 'return a + #b'));
    s.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uri('util.lua'), type: 2 }] });
    const main = await until(uri('main.lua'), (p) => p.diagnostics.length > 0);
    expect(messages(main)).toEqual(["argument #2 'b': expected string, got integer"]);
    const closed = await until(uri('closed.lua'), (p) => p.diagnostics.length > 0);
    expect(messages(closed)).toEqual(["argument #2 'b': expected string, got integer"]);
    writeFileSync(join(dir, 'util.lua'), UTIL);
    s.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uri('util.lua'), type: 2 }] });
    await until(uri('main.lua'), (p) => p.diagnostics.length === 0);
    await until(uri('closed.lua'), (p) => p.diagnostics.length === 0);
  });

  it('a module deleted on disk makes its dependents report unknown-module with the files tried', async () => {
    rmSync(join(dir, 'lib', 'strings.lua'));
    s.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uri('lib/strings.lua'), type: 3 }] });
    const main = await until(uri('main.lua'), (p) => p.diagnostics.length > 0);
    expect(messages(main)).toEqual(["unknown module 'lib.strings' (no file 'lib/strings.lua', 'lib/strings/init.lua')"]);
    // Created again (as a folder module this time): the file that required it is re-checked.
    mkdirSync(join(dir, 'lib', 'strings'));
    writeFileSync(join(dir, 'lib', 'strings', 'init.lua'), 'return { shout = function(s) return s end }\n');
    s.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uri('lib/strings/init.lua'), type: 1 }] });
    await until(uri('main.lua'), (p) => p.diagnostics.length === 0);
  });
});
