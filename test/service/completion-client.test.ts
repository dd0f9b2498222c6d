// Completion shaped by the client's capabilities, and names not yet in scope in their own initializer.
import { describe, expect, it } from 'vitest';
import { InsertTextFormat, type CompletionItem } from 'vscode-languageserver-types';
import { completion, resolveCompletion } from '../../src/service/completion';
import { adaptCompletion, completionClientOf, snippetAsPlainText } from '../../src/service/completion-client';
import { settings, snap } from './helpers';

const NVIM_07 = { textDocument: { completion: { completionItem: { snippetSupport: false, documentationFormat: ['markdown', 'plaintext'] } } } };
const VSCODE = { textDocument: { completion: { completionItem: { snippetSupport: true, labelDetailsSupport: true, resolveSupport: { properties: ['documentation', 'detail', 'additionalTextEdits'] } } } } };

function listAt(source: string, caps: unknown) {
  const f = snap(source);
  return adaptCompletion(completion(f.snap, f.cursor, settings()), completionClientOf(caps), (i) => resolveCompletion(f.snap, i));
}
const find = (items: CompletionItem[], label: string) => items.find((i) => i.label === label);

describe('completion for the client', () => {
  it('without snippet support, a call inserts the plain name (no `${1:x}` text)', () => {
    const items = listAt('local time = require("time")\ntime.$0', NVIM_07).items;
    const parse = find(items, 'parse_duration')!;
    expect(parse.insertTextFormat).toBe(InsertTextFormat.PlainText);
    expect(parse.insertText).toBe('parse_duration');
    expect(items.some((i) => /\$\{|\$0/.test(i.insertText ?? ''))).toBe(false);
    expect(find(items, 'now')!.insertText).toBe('now()');
  });
  it('without resolve support, documentation is inline; without labelDetails, the parameters go to detail', () => {
    const items = listAt('local time = require("time")\ntime.$0', NVIM_07).items;
    const sleep = find(items, 'sleep')!;
    expect(sleep.documentation).toMatchObject({ kind: 'markdown', value: expect.stringContaining('sleep') });
    expect(sleep.labelDetails).toBeUndefined();
    expect(sleep.detail).toMatch(/^\(/);
  });
  it('a client with snippets, label details and resolve gets the items unchanged', () => {
    const f = snap('local time = require("time")\ntime.$0');
    const plain = completion(f.snap, f.cursor, settings());
    expect(adaptCompletion(plain, completionClientOf(VSCODE), () => { throw new Error('no inline resolve'); })).toBe(plain);
  });
  it('snippetAsPlainText', () => {
    expect(snippetAsPlainText('parse(${1:layout}, ${2:value})$0')).toBe('parse');
    expect(snippetAsPlainText('now()$0')).toBe('now()');
    expect(snippetAsPlainText('for ${1:i} = ${2:1}, ${3:n} do\n\t$0\nend')).toBe('for i = 1, n do\n\t\nend');
  });
  it('tolerates any shape of capabilities', () => {
    expect(completionClientOf(undefined)).toEqual({ snippetSupport: false, labelDetailsSupport: false, resolveProperties: undefined });
    expect(completionClientOf({ textDocument: { completion: { completionItem: { resolveSupport: { properties: [1, 'documentation'] } } } } }).resolveProperties).toEqual(['documentation']);
  });
});

describe('scope in an initializer', () => {
  it('`local v = sho|` does not offer v itself; the next statement does', () => {
    const labels = (src: string) => completion(snap(src).snap, snap(src).cursor, settings()).items.map((i) => i.label);
    expect(labels('local short = 1\nlocal vshort = sho$0')).not.toContain('vshort');
    expect(labels('local short = 1\nlocal vshort = sho$0')).toContain('short');
    expect(labels('local vshort = 1\nprint(vsh$0)')).toContain('vshort');
  });
});
