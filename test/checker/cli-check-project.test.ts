// `luamod check` on projects of several files: modules are read through `require` but only the files
// asked for are reported; a folder's files share the modules' types; the root is the config's folder,
// else the folder being checked or the file's folder.
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { runCheck, type CheckOptions } from '../../src/cli/commands/check';

function project(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'luamod-check-project-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

function run(paths: string[], opts: CheckOptions = {}): { code: number; out: string; err: string; json: { files: Array<{ path: string; diagnostics: Array<{ code: string; message: string }> }> } } {
  let out = '';
  let err = '';
  const code = runCheck(paths, { format: 'json', ...opts }, (s) => { out += s; }, (s) => { err += s; });
  return { code, out, err, json: JSON.parse(out) };
}

const UTIL = `local M = {}
---@param a number
---@param b number
---@return number
function M.add(a, b) return a + b end
print(undefinedInUtil)
return M
`;

describe('luamod check across files', () => {
  test('one file: its requires are read and typed, but only it is reported', () => {
    const root = project({ 'util.lua': UTIL, 'main.lua': 'local util = require("util")\nprint(util.add(1, "x"))\n' });
    const r = run([join(root, 'main.lua')]);
    expect(r.code).toBe(1);
    expect(r.json.files.map((f) => f.path.endsWith('main.lua'))).toEqual([true]);
    expect(r.json.files[0]!.diagnostics.map((d) => d.message)).toEqual(["argument #2 'b': expected number, got string"]);
  });

  test('a folder: every file once, modules shared; nested modules resolve from the folder named', () => {
    const root = project({
      'app/util.lua': UTIL,
      'app/lib/strings.lua': 'return { shout = function(s) return s .. "!" end }\n',
      'app/main.lua': 'local util = require("util")\nlocal strings = require("lib.strings")\nprint(util.add(1, 2), strings.shout("a"), strings.whisper)\n',
      'app/lib/uses.lua': 'local util = require("util")\nprint(util.add(1, 2))\n',
    });
    const r = run([join(root, 'app')]);
    const byFile = Object.fromEntries(r.json.files.map((f) => [f.path.split(/[\\/]/).slice(-2).join('/'), f.diagnostics.map((d) => d.code)]));
    expect(byFile).toEqual({
      'lib/strings.lua': [],
      'lib/uses.lua': [],
      'app/main.lua': ['undefined-field'],
      'app/util.lua': ['undefined-global'],
    });
  });

  test('with a .luamodrc.json the root is its folder, runtime.path and runtime.external apply', () => {
    const root = project({
      '.luamodrc.json': JSON.stringify({ runtime: { path: ['src/?.lua'], external: ['lpeg'] } }),
      'src/util.lua': UTIL,
      'scripts/job.lua': 'local util = require("util")\nlocal lpeg = require("lpeg")\nprint(util.add(1, 2), lpeg.P, require("nothere"))\n',
    });
    const r = run([join(root, 'scripts', 'job.lua')]);
    expect(r.json.files[0]!.diagnostics.map((d) => d.message)).toEqual(["unknown module 'nothere' (no file 'src/nothere.lua')"]);
  });
});
