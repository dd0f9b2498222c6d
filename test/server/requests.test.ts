// Every request over the real protocol, on one document with `$0` cursors.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture } from '../service/fixture';
import { startServer, type TestServer } from './lsp-client';

const SOURCE = [
  'local time = require("time")',
  'local json = require("json")',
  'local cfg = { po$0rt = 8080 }',
  'local function greet(name)',
  '  return "hi " .. na$0me',
  'end',
  'local t = time.n$0ow()',
  'local s = json.encode($0cfg)',
  'print(greet("x"), t:unix(), s, cfg.port)',
  'print(time.noww())',
  'time.$0',
].join('\n');

const f = fixture(SOURCE);
const [PORT_KEY, NAME_USE, NOW, ENCODE_ARG, MEMBER_DOT] = f.cursors as [typeof f.cursor, typeof f.cursor, typeof f.cursor, typeof f.cursor, typeof f.cursor];
const uri = 'file:///virtual/requests.lua';
const doc = { textDocument: { uri } };
const ALL = { start: { line: 0, character: 0 }, end: { line: 20, character: 0 } };
let s: TestServer;

beforeAll(async () => {
  s = await startServer({ capabilities: { textDocument: { rename: { prepareSupport: true } } } });
  const d = s.diagnostics(uri, 1);
  s.open(uri, f.text);
  await d;
});
afterAll(async () => {
  await s?.stop();
});

describe('requests over stdio', () => {
  it('completion and completionItem/resolve', async () => {
    const list = await s.request('textDocument/completion', { ...doc, position: MEMBER_DOT });
    const now = list.items.find((i: { label: string }) => i.label === 'now');
    expect(now).toMatchObject({ detail: 'fun() -> time.Time' });
    const resolved = await s.request('completionItem/resolve', now);
    expect(resolved.documentation.value).toContain('The current time');
  });

  it('hover', async () => {
    const h = await s.request('textDocument/hover', { ...doc, position: NOW });
    expect(h.contents.value).toContain('(function) time.now: fun() -> time.Time');
  });

  it('signatureHelp', async () => {
    const h = await s.request('textDocument/signatureHelp', { ...doc, position: ENCODE_ARG });
    expect(h.signatures[0].label).toBe('encode(value: any) -> (string?, Error?)');
    expect(h.activeParameter).toBe(0);
  });

  it('definition and typeDefinition', async () => {
    const d = await s.request('textDocument/definition', { ...doc, position: NAME_USE });
    expect(d).toEqual([{ uri, range: { start: { line: 3, character: 21 }, end: { line: 3, character: 25 } } }]);
    const m = await s.request('textDocument/definition', { ...doc, position: NOW });
    expect(m[0].uri).toMatch(/^file:/);
    const td = await s.request('textDocument/typeDefinition', { ...doc, position: { line: 6, character: 6 } });
    expect(td.length).toBe(1);
  });

  it('references and documentHighlight', async () => {
    const refs = await s.request('textDocument/references', { ...doc, position: PORT_KEY, context: { includeDeclaration: true } });
    expect(refs.map((r: { range: { start: { line: number } } }) => r.range.start.line)).toEqual([2, 8]);
    const hl = await s.request('textDocument/documentHighlight', { ...doc, position: NAME_USE });
    expect(hl.map((h: { kind: number }) => h.kind)).toEqual([3, 2]);
  });

  it('prepareRename, rename and a refused rename', async () => {
    const p = await s.request('textDocument/prepareRename', { ...doc, position: PORT_KEY });
    expect(p.placeholder).toBe('port');
    const edit = await s.request('textDocument/rename', { ...doc, position: PORT_KEY, newName: 'listen' });
    expect(edit.changes[uri].map((e: { newText: string }) => e.newText)).toEqual(['listen', 'listen']);
    await expect(s.request('textDocument/rename', { ...doc, position: NOW, newName: 'x' })).rejects.toThrow("it is a member of module 'time'");
  });

  it('documentSymbol and workspace/symbol', async () => {
    const syms = await s.request('textDocument/documentSymbol', doc);
    expect(syms.map((x: { name: string }) => x.name)).toEqual(expect.arrayContaining(['time', 'cfg', 'greet', 't', 's']));
    const ws = await s.request('workspace/symbol', { query: 'greet' });
    expect(ws.some((x: { name: string; location: { uri: string } }) => x.name === 'greet' && x.location.uri === uri)).toBe(true);
    const mf = await s.request('workspace/symbol', { query: 'parse_duration' });
    expect(mf.some((x: { containerName: string }) => x.containerName === 'time')).toBe(true);
  });

  it('semanticTokens full and range', async () => {
    const full = await s.request('textDocument/semanticTokens/full', doc);
    expect(full.data.length % 5).toBe(0);
    expect(full.data.length).toBeGreaterThan(50);
    const range = await s.request('textDocument/semanticTokens/range', { ...doc, range: { start: { line: 6, character: 0 }, end: { line: 6, character: 30 } } });
    expect(range.data.length).toBeLessThan(full.data.length);
    expect(range.data[0]).toBe(6);
  });

  it('inlayHint', async () => {
    const hints = await s.request('textDocument/inlayHint', { ...doc, range: ALL });
    expect(hints.map((h: { label: string }) => h.label)).toEqual(expect.arrayContaining([': time.Time', 'value:']));
  });

  it('codeAction', async () => {
    const actions = await s.request('textDocument/codeAction', { ...doc, range: { start: { line: 9, character: 0 }, end: { line: 9, character: 0 } }, context: { diagnostics: [] } });
    expect(actions.map((a: { title: string }) => a.title)).toEqual(expect.arrayContaining(["Change to 'now'", "Suppress 'undefined-field' on this line"]));
  });

  it('foldingRange and selectionRange', async () => {
    const folds = await s.request('textDocument/foldingRange', doc);
    expect(folds).toContainEqual({ startLine: 3, endLine: 4 });
    const sel = await s.request('textDocument/selectionRange', { ...doc, positions: [NAME_USE] });
    expect(sel[0].range).toEqual({ start: { line: 4, character: 18 }, end: { line: 4, character: 22 } });
    expect(sel[0].parent).toBeDefined();
  });

  it('documentLink', async () => {
    const links = await s.request('textDocument/documentLink', doc);
    expect(links.map((l: { range: { start: { line: number } } }) => l.range.start.line)).toEqual([0, 1]);
  });

  it('textDocument/diagnostic (pull)', async () => {
    const r = await s.request('textDocument/diagnostic', doc);
    expect(r.kind).toBe('full');
    expect(r.items.map((d: { code: string }) => d.code)).toContain('undefined-field');
  });

  it('luamod/runScript on the open document and on given text', async () => {
    const ok = await s.request('luamod/runScript', { uri: 'file:///virtual/run.lua', text: 'print("hello")\nreturn 1 + 1' });
    expect(ok).toMatchObject({ output: 'hello\n', result: '2' });
    expect(typeof ok.durationMs).toBe('number');
    const bad = await s.request('luamod/runScript', { uri: 'file:///virtual/run.lua', text: 'local x = 1\nerror("boom")', lineOffset: 10 });
    expect(bad.error.message).toContain('boom');
    expect(bad.error.line).toBe(12);
    const syntax = await s.request('luamod/runScript', { uri: 'file:///virtual/run.lua', text: 'local = 1' });
    expect(syntax.error).toMatchObject({ kind: 'syntax', line: 1 });
    const runtime = await s.request('luamod/runScript', { uri: 'file:///virtual/run.lua', text: 'local t = nil\nprint(t.x)' });
    expect(runtime.error).toMatchObject({ kind: 'runtime', line: 2 });
    const slow = await s.request('luamod/runScript', { uri: 'file:///virtual/run.lua', text: 'while true do end', timeoutMs: 200 });
    expect(slow.error.kind).toBe('timeout');
    const slept = await s.request('luamod/runScript', { uri: 'file:///virtual/run.lua', text: 'local time = require("time")\ntime.sleep(0.01)\nprint("slept")' });
    expect(slept.output).toBe('slept\n');
    const buffer = 'file:///virtual/buffer.lua';
    s.open(buffer, 'print("from the open buffer")');
    expect(await s.request('luamod/runScript', { uri: buffer })).toMatchObject({ output: 'from the open buffer\n' });
  });
});

describe('luamod module requests', () => {
  it('luamod/listModules and luamod/moduleMarkdown', async () => {
    const list = await s.request('luamod/listModules', { uri });
    const time = list.modules.find((m: { name: string }) => m.name === 'time');
    expect(time).toMatchObject({ source: 'builtin' });
    expect(list.modules.some((m: { name: string }) => m.name === 'lua')).toBe(false);
    const page = await s.request('luamod/moduleMarkdown', { name: 'json' });
    expect(page.markdown).toContain('# `json`');
    expect(await s.request('luamod/moduleMarkdown', { name: 'nope' })).toBeNull();
  });
});
