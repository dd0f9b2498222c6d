// `require` of a project's files through the real CLI (`luamod run`, `luamod test`) bundled from
// source and run as a child process on temporary projects.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repo = resolve(__dirname, '../..');
const cli = join(repo, 'node_modules/.cache/luamod-require-test/cli.js');
let dir: string;

beforeAll(async () => {
  await build({ entryPoints: [join(repo, 'src/cli/main.ts')], outfile: cli, bundle: true, platform: 'node', format: 'cjs', packages: 'external', logLevel: 'error' });
  dir = mkdtempSync(join(tmpdir(), 'luamod-require-cli-'));
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const luamod = (cwd: string, ...args: string[]) => {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};

/** A project folder below the temp dir with `files`. */
function project(name: string, files: Record<string, string>): string {
  const root = join(dir, name);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

const UTIL = 'local M = {}\n\nfunction M.add(a, b) return a + b end\n\nfunction M.fail()\n  error("util failed")\nend\n\nreturn M\n';

describe('luamod run with require', () => {
  it('runs a script that requires a module next to it, from any current folder (root: the script\'s folder)', () => {
    project('p1', { 'util.lua': UTIL, 'main.lua': 'local util = require("util")\nprint(util.add(2, 3))\n' });
    expect(luamod(dir, 'run', 'p1/main.lua')).toEqual({ code: 0, stdout: '5\n', stderr: '' });
    expect(luamod(join(dir, 'p1'), 'run', 'main.lua')).toEqual({ code: 0, stdout: '5\n', stderr: '' });
  });

  it('an error inside the module names the module file (relative to the current folder) and line', () => {
    project('p2', { 'lib/util.lua': UTIL, 'main.lua': 'local util = require("lib.util")\nutil.fail()\n' });
    const r = luamod(dir, 'run', 'p2/main.lua');
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('p2/lib/util.lua:6: util failed\n');
  });

  it('a syntax error in a module names the module, its file and line; not found lists the files tried', () => {
    project('p3', { 'bad.lua': 'return {\n  x = = 1\n}\n', 'main.lua': 'local bad = require("bad")\n', 'nf.lua': '\nrequire("nope")\n' });
    const r = luamod(join(dir, 'p3'), 'run', 'main.lua');
    expect(r.code).toBe(1);
    expect(r.stderr).toBe("main.lua:1: error loading module 'bad' from file 'bad.lua':\n\tbad.lua:2: unexpected symbol near '='\n");
    const nf = luamod(join(dir, 'p3'), 'run', 'nf.lua');
    expect(nf.stderr).toBe("nf.lua:2: module 'nope' not found:\n\tno field package.preload['nope']\n\tno file 'nope.lua'\n\tno file 'nope/init.lua'\n");
  });

  it('.luamodrc.json sets the root and runtime.path, for a script in a subfolder', () => {
    project('p4', {
      '.luamodrc.json': JSON.stringify({ runtime: { path: ['src/?.lua', 'src/?/init.lua'] } }),
      'src/shapes/init.lua': 'return { area = function(w, h) return w * h end }',
      'scripts/report.lua': 'print(require("shapes").area(2, 4), package.path)',
    });
    expect(luamod(join(dir, 'p4', 'scripts'), 'run', 'report.lua')).toEqual({ code: 0, stdout: '8\tsrc/?.lua;src/?/init.lua\n', stderr: '' });
  });

  it('a broken .luamodrc.json is bad input: its file and field are named, exit 2', () => {
    project('p5', { '.luamodrc.json': JSON.stringify({ runtime: { path: 'nope' } }), 'main.lua': 'print(1)' });
    const r = luamod(join(dir, 'p5'), 'run', 'main.lua');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^luamod run: .*\.luamodrc\.json: \/runtime\/path: /);
  });

  it('--workflow: a required file that uses a non-workflow-safe module fails, naming that file and line', () => {
    project('p6', {
      'store.lua': 'local M = {}\n\nfunction M.save(x) return fs.write("/tmp/x", x) end\nreturn M\n',
      'pure.lua': 'return { twice = function(x) return 2 * x end }',
      'flow.lua': 'local pure = require("pure")\nlocal store = require("store")\nreturn pure.twice(2)\n',
      'ok.lua': 'return require("pure").twice(21)\n',
    });
    const r = luamod(join(dir, 'p6'), 'run', '--workflow', 'flow.lua');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^store\.lua:3: module 'fs' is not workflow-safe \(class: [^)]+\)\n$/);
    expect(luamod(join(dir, 'p6'), 'run', '--workflow', '--print-result', 'ok.lua')).toEqual({ code: 0, stdout: '42\n', stderr: '' });
  });

  it('a --!workflow first line, or the config\'s workflows globs, make a run a workflow run (transitive too)', () => {
    project('p7', {
      '.luamodrc.json': JSON.stringify({ workflows: ['flows/**'] }),
      'store.lua': 'local fs = require("fs")\nreturn {}\n',
      'marked.lua': '--!workflow\nlocal store = require("store")\n',
      'flows/job.lua': 'local store = require("store")\n',
      'plain.lua': 'local store = require("store")\nprint("not a workflow")\n',
    });
    const marked = luamod(join(dir, 'p7'), 'run', 'marked.lua');
    expect(marked.code).toBe(1);
    expect(marked.stderr).toMatch(/^store\.lua:1: module 'fs' is not workflow-safe/);
    expect(luamod(join(dir, 'p7'), 'run', 'flows/job.lua').stderr).toMatch(/^store\.lua:1: module 'fs' is not workflow-safe/);
    expect(luamod(join(dir, 'p7'), 'run', 'plain.lua')).toEqual({ code: 0, stdout: 'not a workflow\n', stderr: '' });
  });
});

describe('examples/project (the README\'s first command)', () => {
  it('luamod run examples/project/main.lua and luamod test examples/project pass', () => {
    const run = luamod(repo, 'run', 'examples/project/main.lua');
    expect(run).toEqual({ code: 0, stdout: 'fields: 4, sum: 42\narea: 10\nsame module: true\n', stderr: '' });
    const test = luamod(repo, 'test', 'examples/project');
    expect(test.stdout).toBe('4 passed, 0 failed\n');
    expect(test.code).toBe(0);
  });
});

describe('luamod test with require', () => {
  it('a test file requires the module under test; a failure inside the module names the module file', () => {
    project('t1', {
      'util.lua': UTIL,
      'util_test.lua': [
        'local test = require("test")',
        'local util = require("util")',
        'return {',
        '  adds = function() test.eq(util.add(1, 2), 3) end,',
        '  fails_inside = function() util.fail() end,',
        '}',
      ].join('\n'),
    });
    const r = luamod(dir, 'test', 't1');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('FAIL t1/util_test.lua › fails_inside\n  t1/util.lua:6: util failed\n');
    expect(r.stdout).toContain('1 passed, 1 failed\n');
    luamod(dir, 'test', 't1', '--junit', 't1.xml');
    expect(readFileSync(join(dir, 't1.xml'), 'utf8')).toContain('t1/util.lua:6: util failed');
  });

  it('the root is the nearest .luamodrc.json\'s folder, for tests in a subfolder', () => {
    project('t2', {
      '.luamodrc.json': '{}',
      'lib/math2.lua': 'return { sq = function(x) return x * x end }',
      'tests/math2_test.lua': 'local test = require("test")\nlocal m = require("lib.math2")\nreturn { squares = function() test.eq(m.sq(3), 9) end }\n',
    });
    const r = luamod(join(dir, 't2'), 'test');
    expect(r.stdout).toBe('1 passed, 0 failed\n');
    expect(r.code).toBe(0);
  });

  it('a module missing from the test\'s project is reported at the test file\'s require line', () => {
    project('t3', { 'a_test.lua': '\n\nlocal m = require("missing")\nreturn {}' });
    const r = luamod(join(dir, 't3'), 'test');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("a_test.lua:3: module 'missing' not found:");
  });
});
