// The real server over stdio: initialize (capabilities from the feature list), push diagnostics
// after open and incremental changes, close, watched config changes, settings, shutdown/exit.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from './lsp-client';

let dir: string;
let server: TestServer;
let init: { capabilities: Record<string, unknown>; serverInfo: { name: string } };

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'luamod-lsp-'));
  writeFileSync(join(dir, '.luamodrc.json'), JSON.stringify({ diagnostics: {} }));
  server = await startServer({ rootPath: dir });
  init = server.init;
});

afterAll(async () => {
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const uriOf = (name: string) => pathToFileURL(join(dir, name)).href;

describe('lifecycle', () => {
  it('advertises exactly the implemented features', () => {
    expect(init.serverInfo.name).toBe('luamod');
    const caps = init.capabilities;
    for (const key of [
      'hoverProvider', 'completionProvider', 'signatureHelpProvider', 'definitionProvider', 'typeDefinitionProvider',
      'referencesProvider', 'documentHighlightProvider', 'renameProvider', 'documentSymbolProvider', 'workspaceSymbolProvider',
      'semanticTokensProvider', 'inlayHintProvider', 'codeActionProvider', 'foldingRangeProvider', 'selectionRangeProvider',
      'diagnosticProvider', 'documentLinkProvider',
    ]) expect(caps, key).toHaveProperty(key);
    expect(caps.textDocumentSync).toMatchObject({ openClose: true, change: 2 });
    expect(caps.completionProvider).toMatchObject({ triggerCharacters: expect.arrayContaining(['.', ':']), resolveProvider: true });
    expect(caps.signatureHelpProvider).toMatchObject({ triggerCharacters: ['(', ','] });
  });

  it('pushes diagnostics after open and after an incremental change, for the right version', async () => {
    const uri = uriOf('a.lua');
    const waiting = server.diagnostics(uri, 1);
    server.open(uri, 'local time = require("time")\nprint(time.noww())\n');
    const first = await waiting;
    expect(first.diagnostics.map((d) => d.code)).toEqual(['undefined-field']);
    expect(first.diagnostics[0]!.codeDescription!.href).toMatch(/#undefined-field$/);

    const next = server.diagnostics(uri, 3);
    // Two quick edits: fix the name, then add an unused local; only the last version is published.
    server.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ range: { start: { line: 1, character: 11 }, end: { line: 1, character: 15 } }, text: 'now' }] });
    server.notify('textDocument/didChange', { textDocument: { uri, version: 3 }, contentChanges: [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, text: 'local spare = 1\n' }] });
    const second = await next;
    expect(second.diagnostics.map((d) => [d.code, (d.range as { start: { line: number } }).start.line])).toEqual([['unused-local', 2]]);
    expect(second.diagnostics[0]!.tags).toEqual([1]);
  });

  it('re-checks open documents when .luamodrc.json changes (watched files)', async () => {
    const uri = uriOf('b.lua');
    const opened = server.diagnostics(uri, 1);
    server.open(uri, 'local spare = 1\n');
    expect((await opened).diagnostics.map((d) => d.code)).toEqual(['unused-local']);
    writeFileSync(join(dir, '.luamodrc.json'), JSON.stringify({ diagnostics: { 'unused-local': 'off' } }));
    const again = server.diagnostics(uri, 1);
    server.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf('.luamodrc.json'), type: 2 }] });
    expect((await again).diagnostics).toEqual([]);
  });

  it('clears diagnostics when a document closes', async () => {
    const uri = uriOf('c.lua');
    const opened = server.diagnostics(uri, 1);
    server.open(uri, 'print(undefined_thing)\n');
    expect((await opened).diagnostics.length).toBeGreaterThan(0);
    const cleared = server.diagnostics(uri);
    server.notify('textDocument/didClose', { textDocument: { uri } });
    expect((await cleared).diagnostics).toEqual([]);
  });

  it('applies settings pushed with didChangeConfiguration', async () => {
    const uri = uriOf('d.lua');
    const opened = server.diagnostics(uri, 1);
    server.open(uri, 'print(nope)\n');
    expect((await opened).diagnostics.map((d) => d.severity)).toEqual([2]);
    const again = server.diagnostics(uri, 1);
    server.notify('workspace/didChangeConfiguration', { settings: { luamod: { diagnostics: { severity: { 'undefined-global': 'error' } } } } });
    expect((await again).diagnostics.map((d) => d.severity)).toEqual([1]);
  });

  it('reports its status until ready', async () => {
    for (let i = 0; i < 50 && !server.status.some((s) => s.state === 'ready'); i++) await new Promise((r) => setTimeout(r, 50));
    expect(server.status.map((s) => s.state)).toContain('ready');
  });

  it('shuts down and exits with code 0', async () => {
    const s = await startServer();
    expect(await s.stop()).toBe(0);
  });
});

describe('transports', () => {
  it('serves over --node-ipc', async () => {
    const { fork } = await import('node:child_process');
    const { serverPath } = await import('./lsp-client');
    const child = fork(serverPath, ['--node-ipc'], { stdio: ['ignore', 'ignore', 'ignore', 'ipc'] });
    const { createMessageConnection, IPCMessageReader, IPCMessageWriter } = await import('vscode-jsonrpc/node');
    const conn = createMessageConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
    conn.listen();
    const r = await conn.sendRequest<{ capabilities: object }>('initialize', { processId: null, rootUri: null, capabilities: {} });
    expect(r.capabilities).toHaveProperty('hoverProvider');
    await conn.sendRequest('shutdown');
    void conn.sendNotification('exit');
    await new Promise((res) => child.on('exit', res));
    conn.dispose();
  });

  it('serves from the CLI: luamod lsp --stdio', async () => {
    const s = await startServer({ command: ['dist/cli.js', 'lsp', '--stdio'] });
    const h = await s.request('textDocument/hover', { textDocument: { uri: 'untitled:x' }, position: { line: 0, character: 0 } });
    expect(h).toBeNull();
    // Run Lua Script works there too: the script worker is the same bundle as the CLI.
    const run = await s.request('luamod/runScript', { uri: 'file:///virtual/cli.lua', text: 'print("from the cli")\nreturn 42', timeoutMs: 10_000 }) as { output: string; error?: unknown };
    expect(run.error).toBeUndefined();
    expect(run.output).toContain('from the cli');
    expect(await s.stop()).toBe(0);
  });

  it('luamod lsp: usage at a terminal without a transport; stdio by default from an editor (a pipe)', async () => {
    const { spawnSync } = await import('node:child_process');
    const cli = resolve(__dirname, '../../dist/cli.js');
    // `script` gives the command a pseudo-terminal, as a person typing `luamod lsp` has.
    const tty = spawnSync('script', ['-qec', `${process.execPath} ${cli} lsp`, '/dev/null'], { encoding: 'utf8', timeout: 20_000 });
    expect(tty.status).toBe(2);
    expect(tty.stdout).toContain('usage: luamod lsp --stdio');
    const s = await startServer({ command: ['dist/cli.js', 'lsp'] });
    expect(s.init.capabilities).toHaveProperty('hoverProvider');
    expect(await s.stop()).toBe(0);
  });

  it('refuses to start without a transport', async () => {
    const { spawnSync } = await import('node:child_process');
    const { serverPath } = await import('./lsp-client');
    const r = spawnSync(process.execPath, [serverPath], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--stdio');
  });
});

