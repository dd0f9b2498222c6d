// The project layer's cache over real files: long chains and long cycles (no stack overflow),
// invalidation of dependents, exports shared between dependents.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { WorkspaceModules } from '../../src/checker/workspace-modules';
import { testEnv } from './env';

const dirs: string[] = [];
afterAll(() => { for (const d of dirs) rmSync(d, { recursive: true, force: true }); });

function project(files: Record<string, string>): { dir: string; ws: WorkspaceModules; file: (n: string) => string } {
  const dir = mkdtempSync(join(tmpdir(), 'luamod-ws-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  const ws = new WorkspaceModules({
    search: { root: dir },
    read: (f) => { try { return readFileSync(f, 'utf8'); } catch { return undefined; } },
    optionsFor: (f) => ({ env: testEnv(), fileName: f }),
    files: () => Object.keys(files).map((n) => join(dir, n)),
  });
  return { dir, ws, file: (n) => join(dir, n) };
}

describe('WorkspaceModules', () => {
  test('a chain of 2,000 requires is typed end to end without a stack overflow', () => {
    const files: Record<string, string> = {};
    const n = 2000;
    for (let i = 0; i < n; i++) {
      files[`m${i}.lua`] = i === n - 1
        ? 'return { value = 1 }\n'
        : `local next = require("m${i + 1}")\nreturn { value = next.value, deep = next }\n`;
    }
    files['main.lua'] = 'local m = require("m0")\nprint(m.value + 1, m.nope)\n';
    const { ws, file } = project(files);
    const a = ws.analyze(file('main.lua'));
    expect(a.diagnostics.map((d) => d.code)).toEqual(['undefined-field']);
    expect(ws.size()).toBe(n + 1); // main.lua's own text: its exports too
  });

  test('a cycle of 500 files gives any at the back edge, and every file is checked', () => {
    const files: Record<string, string> = {};
    const n = 500;
    for (let i = 0; i < n; i++) files[`c${i}.lua`] = `local next = require("c${(i + 1) % n}")\nreturn { f = function() return next end }\n`;
    const { ws, file } = project(files);
    for (let i = 0; i < n; i++) expect(ws.analyze(file(`c${i}.lua`)).diagnostics).toEqual([]);
  });

  test('invalidating a module forgets its dependents (transitively) and a new text is seen', () => {
    const { ws, file } = project({
      'util.lua': 'return { add = function(a, b) return a + b end }\n',
      'mid.lua': 'local util = require("util")\nreturn { util = util }\n',
      'main.lua': 'local mid = require("mid")\nprint(mid.util.add(1, 2))\n',
      'other.lua': 'print(1)\n',
    });
    expect(ws.analyze(file('main.lua')).diagnostics).toEqual([]);
    expect(ws.dependents(file('util.lua')).sort()).toEqual([file('main.lua'), file('mid.lua')].sort());
    writeFileSync(file('util.lua'), 'return { sum = function(a, b) return a + b end }\n');
    expect(ws.invalidate(file('util.lua')).sort()).toEqual([file('main.lua'), file('mid.lua')].sort());
    expect(ws.analyze(file('main.lua')).diagnostics.map((d) => d.message)).toEqual(["{sum} has no field 'add'"]);
  });

  test('the exports of a module are computed once and shared by its dependents', () => {
    const { ws, file } = project({
      'util.lua': 'local M = {}\nfunction M.add(a, b) return a + b end\nreturn M\n',
      'a.lua': 'local u = require("util")\nreturn u\n',
      'b.lua': 'local u = require("util")\nreturn u\n',
    });
    const a = ws.module(file('a.lua'))!;
    const b = ws.module(file('b.lua'))!;
    expect(a.exports.type).toBe(b.exports.type);
    expect(ws.moduleOfType(a.exports.type)).toEqual({ name: 'util', file: file('util.lua') });
  });
});

describe('WorkspaceModules: files appearing and unchanged texts', () => {
  test('a module created after a file required it in vain re-checks that file', () => {
    const { ws, file } = project({ 'main.lua': 'local m = require("later")\nprint(m.go())\n' });
    expect(ws.analyze(file('main.lua')).diagnostics.map((d) => d.code)).toEqual(['unknown-module']);
    writeFileSync(file('later.lua'), 'return { go = function() return 1 end }\n');
    expect(ws.changed(file('later.lua'))).toEqual([file('main.lua')]);
    expect(ws.analyze(file('main.lua')).diagnostics).toEqual([]);
  });

  test('changed() is a no-op when the text is the one the exports came from', () => {
    const { ws, file } = project({ 'util.lua': 'return { a = 1 }\n', 'main.lua': 'print(require("util").a)\n' });
    ws.analyze(file('main.lua'));
    expect(ws.changed(file('util.lua'))).toEqual([]);
    writeFileSync(file('util.lua'), 'return { b = 1 }\n');
    expect(ws.changed(file('util.lua'))).toEqual([file('main.lua')]);
  });
});

/** A module, and the same being typed: its `return M` is becoming `return {…}`. */
const GOOD = 'local M = {}\n---@param a number\n---@param b number\nfunction M.add(a, b)\n  return a + b\nend\nreturn M\n';
const BROKEN = GOOD.replace('return M', 'return {');

describe('WorkspaceModules: a module edited into a syntax error', () => {
  test('its dependents keep its last exports that parsed until it parses again', () => {
    const { ws, file } = project({
      'util.lua': GOOD,
      'main.lua': 'local util = require("util")\nprint(util.add(1, "2"))\n',
    });
    expect(ws.analyze(file('main.lua')).diagnostics.map((d) => d.code)).toEqual(['param-type-mismatch']);
    writeFileSync(file('util.lua'), BROKEN);
    ws.changed(file('util.lua'));
    expect(ws.analyze(file('main.lua')).diagnostics.map((d) => d.code)).toEqual(['param-type-mismatch']);
    expect(ws.module(file('util.lua'))!.syntaxErrors).toBe(true);
    writeFileSync(file('util.lua'), GOOD.replace('M.add', 'M.plus'));
    ws.changed(file('util.lua'));
    expect(ws.analyze(file('main.lua')).diagnostics.map((d) => d.code)).toEqual(['undefined-field']);
  });

  test('(alone, that broken text exports a table without add: the test above is not vacuous)', () => {
    const { ws, file } = project({ 'util.lua': BROKEN, 'main.lua': 'local util = require("util")\nprint(util.add(1, "2"))\n' });
    expect(ws.analyze(file('main.lua')).diagnostics.map((d) => d.code)).toEqual(['undefined-field']);
  });
});

