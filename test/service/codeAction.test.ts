// codeActions: add require, switch `.`/`:`, did-you-mean, suppress on this line, remove unused local.
import { describe, expect, it } from 'vitest';
import type { CodeAction } from 'vscode-languageserver-types';
import { codeActions } from '../../src/service/codeAction';
import { createProject } from '../../src/service/project';
import { applyEdits } from './fixture';
import { snap, testProject, URI } from './helpers';

const WHOLE = { start: { line: 0, character: 0 }, end: { line: 100, character: 0 } };

function apply(source: string, title: string, project = testProject()): string {
  const f = snap(source, project);
  const actions = codeActions(f.snap, WHOLE, []);
  const a = actions.find((x: CodeAction) => x.title === title);
  if (!a) throw new Error(`no action '${title}' in ${actions.map((x) => x.title).join(' | ')}`);
  return applyEdits(f.text, a.edit!.changes![URI]!);
}

describe('codeActions', () => {
  it("switches '.' to ':' for method-call-style", () => {
    expect(apply('local time = require("time")\nlocal t = time.now()\nprint(t.unix())\n', "Call with ':'")).toBe(
      'local time = require("time")\nlocal t = time.now()\nprint(t:unix())\n',
    );
  });

  it('fixes a misspelt member from the did-you-mean list', () => {
    expect(apply('local time = require("time")\nprint(time.noww())\n', "Change to 'now'")).toBe('local time = require("time")\nprint(time.now())\n');
  });

  it('adds the missing require when modules are not globals', () => {
    const base = testProject();
    const strict = createProject({ root: undefined, registry: base.registry, settings: { globalModules: false } });
    expect(apply('-- job\nprint(json.encode({}))\n', 'Add local json = require("json")', strict)).toBe(
      '-- job\nlocal json = require("json")\nprint(json.encode({}))\n',
    );
  });

  it('tolerates context diagnostics a client sent back without a range (Neovim 0.7)', () => {
    const f = snap('print(undefined_x)\n');
    const sent = [{ message: 'x', code: 'undefined-global' }, null] as unknown as Parameters<typeof codeActions>[2];
    expect(codeActions(f.snap, WHOLE, sent).map((a) => a.title)).toContain("Suppress 'undefined-global' on this line");
  });

  it('makes an accidental global local (function declarations too)', () => {
    expect(apply('local function f()\n  total = 0\n  return total\nend\nf()\n', "Make 'total' local")).toBe(
      'local function f()\n  local total = 0\n  return total\nend\nf()\n',
    );
    expect(apply('local function f()\n  function g() end\n  return g\nend\nf()\n', "Make 'g' local")).toBe(
      'local function f()\n  local function g() end\n  return g\nend\nf()\n',
    );
  });

  it('suppresses a diagnostic on its line, keeping the indentation', () => {
    expect(apply('local function f()\n  local unused = 1\nend\nf()\n', "Suppress 'unused-local' on this line")).toBe(
      'local function f()\n  ---@diagnostic disable-next-line: unused-local\n  local unused = 1\nend\nf()\n',
    );
  });

  it('removes an unused local whose value has no effects, and offers a rename otherwise', () => {
    expect(apply('local keep = 1\nlocal unused = { a = 1 }\nprint(keep)\n', "Remove unused local 'unused'")).toBe('local keep = 1\nprint(keep)\n');
    const f = snap('local unused = os.time()\n');
    const titles = codeActions(f.snap, WHOLE, []).map((a) => a.title);
    expect(titles).not.toContain("Remove unused local 'unused'");
    expect(titles).toContain("Rename to '_unused'");
  });

  it('only offers fixes for diagnostics in the requested range', () => {
    const f = snap('local a = 1\nlocal b = 2\n');
    const line1 = codeActions(f.snap, { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, []);
    expect(line1.every((a) => a.diagnostics!.every((d) => d.range.start.line === 1))).toBe(true);
    expect(line1.length).toBeGreaterThan(0);
  });
});

describe('codeActions on module names', () => {
  it('fixes a misspelt module name inside require', () => {
    expect(apply('local time = require("tme")\nprint(time)\n', "Change to 'time'")).toBe('local time = require("time")\nprint(time)\n');
  });
});

describe('codeActions on annotations', () => {
  it('fixes a misspelt type name in an annotation', () => {
    expect(apply('---@param name strng the name\nlocal function f(name) return name end\nprint(f("a"))\n', "Change to 'string'"))
      .toBe('---@param name string the name\nlocal function f(name) return name end\nprint(f("a"))\n');
  });

  it('fixes a misspelt code in a ---@diagnostic line', () => {
    expect(apply('---@diagnostic disable-next-line: unused-locl\nlocal x = 1\n', "Change to 'unused-local'"))
      .toBe('---@diagnostic disable-next-line: unused-local\nlocal x = 1\n');
  });
});
