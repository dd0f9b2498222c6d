// `luamod fmt` on real files: --check, --diff, syntax errors, excludes, stdin (the built CLI).
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runFmt, type FmtOptions } from '../../src/cli/commands/fmt';

const cli = resolve(__dirname, '../../bin/luamod.js');
const UGLY = 'local x  =  1\nif x then print( "a" ) end\n';
const PRETTY = 'local x = 1\nif x then\n\tprint("a")\nend\n';

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'luamod-fmt-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

function run(paths: string[], opts: FmtOptions = {}) {
  let out = '';
  let err = '';
  const code = runFmt(paths, opts, (s) => { out += s; }, (s) => { err += s; });
  return { code, out, err };
}

describe('luamod fmt', () => {
  it('formats every Lua file of a folder in place, keeping the file mode; exit 0', () => {
    const root = tree({ 'a.lua': UGLY, 'sub/b.lua': UGLY, 'ok.lua': PRETTY, 'notes.txt': UGLY });
    chmodSync(join(root, 'a.lua'), 0o640);
    const r = run([root]);
    expect(r.code).toBe(0);
    expect(readFileSync(join(root, 'a.lua'), 'utf8')).toBe(PRETTY);
    expect(readFileSync(join(root, 'sub/b.lua'), 'utf8')).toBe(PRETTY);
    expect(readFileSync(join(root, 'notes.txt'), 'utf8')).toBe(UGLY);
    expect(statSync(join(root, 'a.lua')).mode & 0o777).toBe(0o640);
    expect(readdirSync(root).filter((f) => f.includes('luamod-fmt'))).toEqual([]);
    expect(r.err).toContain('2 of 3 files reformatted');
  });
  it('--check lists the files that would change, changes nothing, exits 1; --diff shows a unified diff', () => {
    const root = tree({ 'a.lua': UGLY, 'ok.lua': PRETTY });
    const r = run([root], { check: true });
    expect(r.code).toBe(1);
    expect(r.out.trim().split('\n')).toHaveLength(1);
    expect(r.out).toContain('a.lua');
    expect(readFileSync(join(root, 'a.lua'), 'utf8')).toBe(UGLY);
    const d = run([join(root, 'a.lua')], { check: true, diff: true });
    expect(d.out).toMatch(/^--- .*a\.lua\toriginal\n\+\+\+ .*a\.lua\tformatted\n@@ -1,2 \+1,4 @@\n-local x  =  1\n/);
    expect(d.out).toContain('+local x = 1\n');
    expect(run([join(root, 'ok.lua')], { check: true }).code).toBe(0);
  });
  it('a syntax error: exit 1 with file:line:col and the message; the file is untouched; others are formatted', () => {
    const root = tree({ 'bad.lua': 'local = 1\n', 'a.lua': UGLY });
    const r = run([root]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/bad\.lua:1:7: syntax error: unexpected token/);
    expect(readFileSync(join(root, 'bad.lua'), 'utf8')).toBe('local = 1\n');
    expect(readFileSync(join(root, 'a.lua'), 'utf8')).toBe(PRETTY);
  });
  it('uses the stylua.toml above the file and skips the config\'s exclude globs', () => {
    const root = tree({
      'stylua.toml': 'indent_type = "Spaces"\nindent_width = 2\n', '.luamodrc.json': '{"exclude": ["vendor/**"]}',
      'a.lua': UGLY, 'vendor/v.lua': UGLY,
    });
    expect(run([root]).code).toBe(0);
    expect(readFileSync(join(root, 'a.lua'), 'utf8')).toBe('local x = 1\nif x then\n  print("a")\nend\n');
    expect(readFileSync(join(root, 'vendor/v.lua'), 'utf8')).toBe(UGLY);
  });
  it('a broken stylua.toml is exit 2 naming the file and key', () => {
    const root = tree({ 'stylua.toml': 'indent_width = "wide"\n', 'a.lua': UGLY });
    const r = run([root]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('stylua.toml: indent_width: expected a positive integer');
  });
  it('leaves a file that is not UTF-8 untouched (a Latin-1 string would change bytes)', () => {
    const root = tree({});
    writeFileSync(join(root, 'latin1.lua'), Buffer.from([0x6c, 0x6f, 0x63, 0x61, 0x6c, 0x20, 0x73, 0x3d, 0x22, 0xe9, 0x22, 0x0a]));
    const r = run([root]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('not UTF-8');
  });
  it('bad usage is exit 2', () => {
    expect(run(['.'], { diff: true }).code).toBe(2);
    expect(run(['-', 'a.lua']).code).toBe(2);
  });
  it('`-` formats stdin to stdout with the config of --stdin-filename; a syntax error gives the text back, exit 1', () => {
    const root = tree({ 'stylua.toml': 'indent_type = "Spaces"\nindent_width = 2\n' });
    const ok = spawnSync(process.execPath, [cli, 'fmt', '-', '--stdin-filename', join(root, 'x.lua')], { input: UGLY, encoding: 'utf8' });
    expect(ok.status).toBe(0);
    expect(ok.stdout).toBe('local x = 1\nif x then\n  print("a")\nend\n');
    const bad = spawnSync(process.execPath, [cli, 'fmt', '-'], { input: 'local = 1\n', encoding: 'utf8' });
    expect(bad.status).toBe(1);
    expect(bad.stdout).toBe('local = 1\n');
    expect(bad.stderr).toContain('syntax error');
  });
});
