// completion: modules in require(""), members after `.`/`:`, scope names, snippets, auto-require.
import { describe, expect, it } from 'vitest';
import type { CompletionItem } from 'vscode-languageserver-types';
import { completion, resolveCompletion } from '../../src/service/completion';
import { showType } from '../../src/service/show-type';
import type { Type } from '../../src/types/type';
import { applyEdits } from './fixture';
import { createProject } from '../../src/service/project';
import { settings, snap, testProject } from './helpers';

const labels = (items: CompletionItem[]) => items.map((i) => i.label);

/** The document after accepting `label` (its insert text, snippet placeholders dropped, plus extra edits). */
function accept(source: string, label: string, opts: unknown = {}): string {
  const f = snap(source);
  const item = completion(f.snap, f.cursor, settings(opts)).items.find((i) => i.label === label);
  if (!item) throw new Error(`no item ${label}`);
  const line = f.text.split('\n')[f.cursor.line]!;
  let start = f.cursor.character;
  while (start > 0 && /\w/.test(line[start - 1]!)) start--;
  const main = item.textEdit && 'range' in item.textEdit
    ? item.textEdit
    : { range: { start: { line: f.cursor.line, character: start }, end: f.cursor }, newText: (item.insertText ?? item.label).replace(/\$\{\d+:([^}]*)\}/g, '$1').replace(/\$0/g, '') };
  return applyEdits(f.text, [main, ...(item.additionalTextEdits ?? [])]);
}

describe('completion', () => {
  it('lists module names inside require("")', () => {
    const f = snap('local t = require("ti$0")');
    const items = completion(f.snap, f.cursor, settings()).items;
    expect(labels(items)).toEqual(expect.arrayContaining(['time', 'json']));
    expect(labels(items)).not.toContain('lua'); // the stdlib manifest is not a requirable module
    expect(accept('local t = require("ti$0")', 'time')).toBe('local t = require("time")');
  });

  it('lists the methods table after `self.` / `self:` in `function M:m()`', () => {
    const src = 'local M = {}\nM.__index = M\nM.count = 0\nfunction M:get() return 1 end\nfunction M:put(v)\n  self.$0\nend\n';
    expect(labels(completion(snap(src).snap, snap(src).cursor, settings()).items)).toEqual(expect.arrayContaining(['count', 'get', 'put']));
    const colon = src.replace('self.$0', 'self:$0');
    const items = labels(completion(snap(colon).snap, snap(colon).cursor, settings()).items);
    expect(items).toEqual(expect.arrayContaining(['get', 'put']));
    expect(items).not.toContain('count');
  });

  it('lists fields and functions after `.` on a module, even at the end of an unparseable line', () => {
    const f = snap('local time = require("time")\nlocal x = time.$0\n');
    const items = completion(f.snap, f.cursor, settings()).items;
    expect(labels(items)).toEqual(expect.arrayContaining(['now', 'sleep', 'parse_duration']));
    expect(items.find((i) => i.label === 'now')?.detail).toBe('fun() -> time.Time');
  });

  it('lists only methods after `:` on an interface value', () => {
    const f = snap('local time = require("time")\nlocal t = time.now()\nprint(t:$0)\n');
    const items = labels(completion(f.snap, f.cursor, settings()).items);
    expect(items).toEqual(expect.arrayContaining(['unix', 'format', 'add']));
    expect(items).not.toContain('now');
  });

  it('works inside an unclosed call', () => {
    const f = snap('local json = require("json")\nprint(json.enc$0\n');
    expect(labels(completion(f.snap, f.cursor, settings()).items)).toContain('encode');
  });

  it('offers locals, upvalues, globals and keywords in scope, locals first', () => {
    const f = snap('local count = 1\nlocal function bump()\n  local step = 2\n  $0\nend\n');
    const items = completion(f.snap, f.cursor, settings()).items;
    expect(labels(items)).toEqual(expect.arrayContaining(['count', 'step', 'bump', 'print', 'string', 'while', 'local']));
    const step = items.find((i) => i.label === 'step')!;
    const print = items.find((i) => i.label === 'print')!;
    expect(step.sortText! < print.sortText!).toBe(true);
  });

  it('inserts call snippets with parameter placeholders', () => {
    const f = snap('local json = require("json")\nlocal s = json.$0');
    const enc = completion(f.snap, f.cursor, settings()).items.find((i) => i.label === 'encode')!;
    expect(enc.insertText).toBe('encode(${1:value})$0');
    expect(enc.labelDetails).toEqual({ detail: '(value)' });
    const off = completion(f.snap, f.cursor, settings({ completion: { callSnippets: false } })).items.find((i) => i.label === 'encode')!;
    expect(off.insertText).toBeUndefined();
  });

  it('adds the require line when choosing a module that is not required yet', () => {
    expect(accept('-- job\nlocal x = 1\nprint(tim$0)', 'time')).toBe(
      '-- job\nlocal time = require("time")\nlocal x = 1\nprint(time)',
    );
    expect(accept('local json = require("json")\nprint(tim$0)', 'time')).toBe(
      'local json = require("json")\nlocal time = require("time")\nprint(time)',
    );
  });

  it('does not add a require for a module already bound', () => {
    const f = snap('local time = require("time")\nprint(ti$0)');
    const item = completion(f.snap, f.cursor, settings()).items.find((i) => i.label === 'time')!;
    expect(item.additionalTextEdits).toBeUndefined();
  });

  it('is silent in comments, strings and after a number', () => {
    for (const src of ['-- time.$0', 'local s = "ab$0c"', 'local n = 1$0']) {
      const f = snap(src);
      expect(completion(f.snap, f.cursor, settings()).items).toEqual([]);
    }
  });

  it('resolves documentation for members and modules', () => {
    const f = snap('local time = require("time")\ntime.$0');
    const now = completion(f.snap, f.cursor, settings()).items.find((i) => i.label === 'now')!;
    const resolved = resolveCompletion(f.snap, now);
    expect(resolved.documentation).toMatchObject({ kind: 'markdown' });
    expect((resolved.documentation as { value: string }).value).toContain('fun() -> time.Time');
    const r = snap('require("$0")');
    const mod = completion(r.snap, r.cursor, settings()).items.find((i) => i.label === 'json')!;
    expect((resolveCompletion(r.snap, mod).documentation as { value: string }).value).toContain('module json');
  });
});

describe('completion on user types', () => {
  it('offers string methods after `:` on a string value', () => {
    const f = snap('local s = "x"\nprint(s:$0)');
    expect(labels(completion(f.snap, f.cursor, settings()).items)).toEqual(expect.arrayContaining(['upper', 'format', 'sub']));
  });

  it('prints self-referential class types finitely', () => {
    const f = snap('local M = {}\nfunction M:go()\n  self.x = 1\nend\nfunction M:run()\n  return self:$0\nend\nlocal m = M\nm.$0\n');
    for (const c of f.cursors) {
      for (const i of completion(f.snap, c, settings()).items) expect((i.detail ?? '').length).toBeLessThan(500);
    }
    // A class whose method takes the class itself: the type is a cycle of objects.
    const cls: { kind: 'record'; fields: Record<string, { type: unknown }> } = { kind: 'record', fields: {} };
    cls.fields.clone = { type: { kind: 'function', params: [{ name: 'self', type: cls }], returns: [cls] } };
    const shown = showType(cls as Type);
    expect(shown.length).toBeLessThan(500);
    expect(shown).toContain('clone: fun(self: {clone: fun(self: {');
  });

  it('offers the fields of a table built by a constructor', () => {
    const f = snap('local t = { alpha = 1, beta = "b" }\nprint(t.$0)');
    expect(labels(completion(f.snap, f.cursor, settings()).items)).toEqual(['alpha', 'beta']);
  });
});

describe('completion while typing strings and comments', () => {
  it('stays silent inside an unclosed string or after --', () => {
    for (const src of ['print("hel$0', "local s = 'a' .. 'b$0", 'local x = 1 -- note$0', 'print("a\\"b$0']) {
      const f = snap(src);
      expect(completion(f.snap, f.cursor, settings()).items, src).toEqual([]);
    }
  });

  it('still completes after a closed string', () => {
    const f = snap('local s = "x" .. $0');
    expect(labels(completion(f.snap, f.cursor, settings()).items)).toContain('print');
  });
});

describe('completion resolve on the user\'s code', () => {
  it('shows the comment above a local function', () => {
    const f = snap('-- Doubles n.\nlocal function double(n) return n * 2 end\nprint(dou$0)\n');
    const item = completion(f.snap, f.cursor, settings()).items.find((i) => i.label === 'double')!;
    expect((resolveCompletion(f.snap, item).documentation as { value: string }).value).toContain('Doubles n.');
  });
});

describe('completion in annotations', () => {
  it('offers the tags after ---@', () => {
    const f = snap('---@$0\nlocal function f(a) return a end\n');
    expect(labels(completion(f.snap, f.cursor, settings()).items)).toEqual(expect.arrayContaining(['param', 'return', 'type', 'class', 'diagnostic']));
  });

  it('offers the actions and the diagnostic codes of ---@diagnostic', () => {
    const a = snap('---@diagnostic dis$0\n');
    expect(labels(completion(a.snap, a.cursor, settings()).items)).toContain('disable-next-line');
    const c = snap('local x = 1 ---@diagnostic disable-line: unused-local, need$0\n');
    const items = completion(c.snap, c.cursor, settings()).items;
    expect(labels(items)).toEqual(expect.arrayContaining(['need-check-nil', 'undefined-global', 'syntax-error']));
    expect(items.find((i) => i.label === 'need-check-nil')!.documentation).toBeDefined();
  });

  it('offers type names where an annotation expects a type, not in its description', () => {
    const src = (line: string) => `---@class Point\n---@field x number\nlocal P = {}\n${line}\nlocal function f(p) return p end\nprint(f(P))\n`;
    const at = (line: string) => { const f = snap(src(line)); return labels(completion(f.snap, f.cursor, settings()).items); };
    expect(at('---@param p Po$0')).toEqual(expect.arrayContaining(['Point', 'string', 'integer', 'time.Time', 'Error']));
    expect(at('---@type $0')).toContain('Point');
    expect(at('---@return string|$0')).toContain('integer');
    expect(at('---@param cb fun(x: $0')).toContain('time.Duration');
    expect(at('---@param p Point the po$0')).toEqual([]);
    expect(at('---@param p$0')).toEqual([]);
  });

  it('is silent in ordinary comments', () => {
    const f = snap('-- @param$0\n');
    expect(completion(f.snap, f.cursor, settings()).items).toEqual([]);
  });
});

describe('auto-require without global modules', () => {
  it('offers modules with their require line when modules are not globals', () => {
    const strict = createProject({ root: undefined, registry: testProject().registry, settings: { globalModules: false } });
    const f = snap('print(js$0)', strict);
    const item = completion(f.snap, f.cursor, settings()).items.find((i) => i.label === 'json')!;
    expect(item.additionalTextEdits![0]!.newText).toBe('local json = require("json")\n');
  });
});
