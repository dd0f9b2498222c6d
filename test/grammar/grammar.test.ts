// Runs vscode-tmgrammar-test (vscode-textmate + oniguruma WASM, offline) over the annotated Lua
// fixtures in this folder, with the grammars wired as client/package.json contributes them.
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = resolve(__dirname, '../..');
const cli = join(root, 'node_modules/vscode-tmgrammar-test/dist/unit.js');
const config = join(__dirname, 'grammars.json');

async function tmgrammarTest(pattern: string): Promise<{ code: number; out: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [cli, '--config', config, '-c', pattern], { cwd: __dirname });
    return { code: 0, out: stdout + stderr };
  } catch (err) {
    const e = err as { code?: number; stdout?: string; stderr?: string };
    return { code: e.code ?? 1, out: `${e.stdout ?? ''}${e.stderr ?? ''}` };
  }
}

describe('TextMate grammars (vscode-tmgrammar-test)', () => {
  const fixtures = readdirSync(__dirname).filter((f) => f.endsWith('.lua')).sort();

  it('has fixtures for every area the issue lists', () => {
    expect(fixtures).toEqual(
      expect.arrayContaining(['annotations.lua', 'comments.lua', 'functions.lua', 'keywords.lua', 'numbers.lua', 'strings.lua']),
    );
  });

  it.each(fixtures)('%s: every scope assertion holds', async (fixture) => {
    const { code, out } = await tmgrammarTest(join(__dirname, fixture));
    expect(out, out).not.toMatch(/ERROR/);
    expect(out).toContain(`${fixture} run successfuly`);
    expect(code).toBe(0);
  });

  it('fails a fixture whose assertion is wrong (the runner is not vacuous)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'luamod-grammar-'));
    const file = join(dir, 'wrong.lua');
    writeFileSync(file, '-- SYNTAX TEST "source.lua" "wrong on purpose"\nlocal x = 1\n-- <----- keyword.control.loop.lua\n');
    const { code, out } = await tmgrammarTest(file);
    expect(code).not.toBe(0);
    expect(out).toMatch(/Missing required scopes: \[ keyword\.control\.loop\.lua \]/);
  });
});
