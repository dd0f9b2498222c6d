// `luamod check` end to end on real files in temp folders (in-process runCheck; the same function the CLI calls).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { runCheck, type CheckOptions } from '../../src/cli/commands/check';
import { FIXTURES } from './env';

function project(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'luamod-check-'));
  for (const [path, text] of Object.entries({ ...FIXTURE_MANIFESTS, ...files })) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

function run(paths: string[], opts: CheckOptions = {}): { code: number; out: string; err: string } {
  let out = '';
  let err = '';
  const code = runCheck(paths, opts, (s) => { out += s; }, (s) => { err += s; });
  return { code, out, err };
}

// Manifest folders must be inside the config's folder: each project gets a copy of the fixtures.
const FIXTURE_MANIFESTS = Object.fromEntries(['clock.json', 'text.json'].map((f) => [`manifests/${f}`, readFileSync(join(FIXTURES, 'manifests', f), 'utf8')]));
const CONFIG = JSON.stringify({ manifests: ['manifests'], exclude: ['vendor/**'] });

describe('luamod check', () => {
  test('text: file:line:col, the source line, a caret, a summary; exit 1 on errors', () => {
    const root = project({ '.luamodrc.json': CONFIG, 'a.lua': 'local text = require("text")\nprint(text.pad(1, 2))\n' });
    const r = run([join(root, 'a.lua')]);
    expect(r.code).toBe(1);
    const lines = r.out.split('\n');
    expect(lines[0]).toMatch(/a\.lua:2:16: error param-type-mismatch: argument #1 's': expected string, got integer$/);
    expect(lines[1]).toBe('  print(text.pad(1, 2))');
    expect(lines[2]).toBe('                 ^');
    expect(lines[3]).toBe('1 file checked: 1 error, 0 warnings');
  });

  test('github: one workflow command per diagnostic (1-based, escaped), then the summary; exit 1 on errors', () => {
    const root = project({ '.luamodrc.json': CONFIG, 'dir,1/a.lua': 'local text = require("text")\nprint(text.pad(1, 2))\nprint(undefined_name)\n' });
    const r = run([join(root, 'dir,1', 'a.lua')], { format: 'github' });
    expect(r.code).toBe(1);
    const lines = r.out.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^::error file=.*dir%2C1\/a\.lua,line=2,col=16,endLine=2,endColumn=17,title=luamod\(param-type-mismatch\)::argument #1 's': expected string, got integer$/);
    expect(lines[1]).toMatch(/^::warning file=.*,line=3,col=7,endLine=3,endColumn=21,title=luamod\(undefined-global\)::undefined global 'undefined_name'$/);
    expect(lines[2]).toBe('1 file checked: 1 error, 1 warning');
  });

  test('--quiet reports errors only; --max-warnings N fails the run above N warnings', () => {
    const root = project({ '.luamodrc.json': CONFIG, 'a.lua': 'local text = require("text")\nprint(text.pad(1, 2))\nprint(undefined_name)\n', 'b.lua': 'print(other_undefined)\n' });
    const quiet = run([join(root, 'a.lua')], { quiet: true });
    expect(quiet.code).toBe(1);
    expect(quiet.out).toContain('param-type-mismatch');
    expect(quiet.out).not.toContain('undefined-global');
    expect(quiet.out.trimEnd().split('\n').at(-1)).toBe('1 file checked: 1 error, 0 warnings');
    expect(run([join(root, 'b.lua')], { maxWarnings: '1' }).code).toBe(0);
    const strict = run([join(root, 'b.lua')], { maxWarnings: '0' });
    expect(strict.code).toBe(1);
    expect(strict.err).toBe('luamod check: 1 warning, more than --max-warnings 0\n');
    expect(run([join(root, 'b.lua')], { maxWarnings: 'many' }).code).toBe(2);
  });

  test('an unknown --format is bad usage (exit 2)', () => {
    const root = project({ 'a.lua': 'print(1)\n' });
    const r = run([join(root, 'a.lua')], { format: 'xml' });
    expect(r.code).toBe(2);
    expect(r.err).toContain("unknown format 'xml' (use text, json or github)");
  });

  test('folders are walked, excluded globs skipped; exit 0 with only warnings', () => {
    const root = project({
      '.luamodrc.json': CONFIG, 'src/ok.lua': 'print("hi")\n', 'src/warn.lua': 'print(nope)\n', 'vendor/bad.lua': 'local = 1\n',
    });
    const r = run([root], { format: 'json' });
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out) as { files: Array<{ path: string; diagnostics: Array<{ code: string; severity: string; range: unknown }> }>; summary: unknown };
    expect(report.files.map((f) => f.path.replace(/\\/g, '/').split('/').slice(-2).join('/'))).toEqual(['src/ok.lua', 'src/warn.lua']);
    expect(report.files[0]!.diagnostics).toEqual([]);
    expect(report.files[1]!.diagnostics).toEqual([{
      code: 'undefined-global', severity: 'warning', message: "undefined global 'nope'",
      range: { start: { line: 0, character: 6 }, end: { line: 0, character: 10 } },
    }]);
    expect(report.summary).toEqual({ files: 2, errors: 0, warnings: 1 });
  });

  test('exit 2: unreadable path, bad format, broken config, broken manifest', () => {
    expect(run(['/nonexistent/x.lua']).code).toBe(2);
    const root = project({ 'a.lua': 'print(1)\n', 'bad/.luamodrc.json': '{"diagnostics": {"x": "off"}}', 'bad/b.lua': 'print(1)\n' });
    expect(run([join(root, 'a.lua')], { format: 'xml' }).code).toBe(2);
    const broken = run([join(root, 'bad/b.lua')]);
    expect(broken.code).toBe(2);
    expect(broken.err).toContain("/diagnostics/x: unknown property 'x'");
    const m = project({ '.luamodrc.json': JSON.stringify({ manifests: ['m'] }), 'm/bad.json': '{"name": "bad", "export": {"fields": {"f": "fun("}}}', 'a.lua': 'print(1)\n' });
    const r = run([join(m, 'a.lua')]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('bad.json');
  });

  test('--config overrides the nearest config', () => {
    const root = project({ 'a.lua': 'local unused = 1\n', 'quiet.json': JSON.stringify({ diagnostics: { 'unused-local': 'off' } }) });
    const r = run([join(root, 'a.lua')], { config: join(root, 'quiet.json') });
    expect(r.out).toBe('1 file checked: 0 errors, 0 warnings\n');
  });

  test('workflow globs from the config', () => {
    const root = project({
      '.luamodrc.json': JSON.stringify({ manifests: ['manifests'], workflows: ['flows/*.lua'] }),
      'flows/f.lua': 'local c = require("clock")\nprint(c)\n', 'jobs/j.lua': 'local c = require("clock")\nprint(c)\n',
    });
    const r = run([root], { format: 'json' });
    const report = JSON.parse(r.out) as { files: Array<{ path: string; diagnostics: Array<{ code: string }> }> };
    expect(report.files.map((f) => f.diagnostics.map((d) => d.code))).toEqual([['workflow-unsafe'], []]);
    expect(r.code).toBe(1);
  });
});

describe('luamod check (the built CLI, as a process)', () => {
  const cli = join(__dirname, '../../dist/cli.js');
  test.runIf(existsSync(cli))('luamod check examples exits 0; a file with an error exits 1', () => {
    const ok = spawnSync(process.execPath, [cli, 'check', join(__dirname, '../../examples')], { encoding: 'utf8' });
    expect(ok.status).toBe(0);
    expect(ok.stdout).toMatch(/files checked: 0 errors/);
    const root = project({ 'bad.lua': 'local t = {}\nt()\n' });
    const bad = spawnSync(process.execPath, [cli, 'check', join(root, 'bad.lua'), '--format', 'json'], { encoding: 'utf8' });
    expect(bad.status).toBe(1);
    expect(JSON.parse(bad.stdout).files[0].diagnostics[0].code).toBe('not-callable');
  });

  test.runIf(existsSync(cli))('`-` checks the text on stdin as --stdin-filename (its config, its name in messages)', () => {
    const root = project({ '.luamodrc.json': JSON.stringify({ globals: { host_value: 'string' } }), 'sub/job.lua': 'print("on disk")\n' });
    const r = spawnSync(process.execPath, [cli, 'check', '-', '--stdin-filename', join(root, 'sub', 'job.lua')], {
      encoding: 'utf8', cwd: root, input: 'print(host_value:upper())\nprint(not_defined)\n',
    });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("sub/job.lua:2:7: warning undefined-global: undefined global 'not_defined'");
    expect(r.stdout).toContain('1 file checked: 0 errors, 1 warning');
    const twice = spawnSync(process.execPath, [cli, 'check', '-', '-'], { encoding: 'utf8', input: '' });
    expect(twice.status).toBe(2);
  });

  test.runIf(existsSync(cli))('LUAMOD_CHECK_THREADS=2 gives the same report as one thread', () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 160; i++) files[`f${String(i).padStart(3, '0')}.lua`] = i % 7 === 0 ? `print(nope${i})\n` : `local x${i} = ${i}\nprint(x${i})\n`;
    const root = project(files);
    const check = (threads: string, ...args: string[]) => spawnSync(process.execPath, [cli, 'check', ...args], { encoding: 'utf8', env: { ...process.env, LUAMOD_CHECK_THREADS: threads } });
    const one = check('1', root, '--format', 'json');
    const two = check('2', root, '--format', 'json');
    expect(two.status).toBe(one.status);
    expect(two.stdout).toBe(one.stdout);
    expect(JSON.parse(two.stdout).summary).toEqual({ files: 160, errors: 0, warnings: 23 });
    // Text (which quotes source lines), and problems: a broken manifest folder is reported once,
    // a broken config once per file, a missing path up front; in the same order, with exit 2.
    writeFileSync(join(root, 'f005.lua'), 'local t = {}\nt()\n');
    mkdirSync(join(root, 'm'));
    writeFileSync(join(root, 'm/.luamodrc.json'), JSON.stringify({ manifests: ['defs'] }));
    mkdirSync(join(root, 'm/defs'));
    writeFileSync(join(root, 'm/defs/bad.json'), '{"name": "bad", "export": {"fields": {"f": "fun("}}}');
    for (const f of ['a', 'b']) writeFileSync(join(root, `m/${f}.lua`), 'print(1)\n');
    mkdirSync(join(root, 'c'));
    writeFileSync(join(root, 'c/.luamodrc.json'), '{"diagnostics": {"x": "off"}}');
    for (const f of ['a', 'b']) writeFileSync(join(root, `c/${f}.lua`), 'print(1)\n');
    const textOne = check('1', root, join(root, 'missing.lua'));
    const textTwo = check('2', root, join(root, 'missing.lua'));
    expect(textOne.status).toBe(2);
    expect(textTwo.status).toBe(2);
    expect(textTwo.stdout).toBe(textOne.stdout);
    expect(textTwo.stdout).toContain('f005.lua:2:1: error not-callable');
    expect(textTwo.stderr).toBe(textOne.stderr);
    expect(textTwo.stderr.match(/bad\.json/g)).toHaveLength(1);
    expect(textTwo.stderr.match(/unknown property 'x'/g)).toHaveLength(2);
    expect(textTwo.stderr).toMatch(/^luamod check: cannot read '.*missing\.lua'/);
  });
});
