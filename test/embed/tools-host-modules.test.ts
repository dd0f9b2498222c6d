// The host's module files in every tool: `.luamodrc.json` "modules" read by the real CLI (dist/cli.js,
// built by `npm test`) for check, run, test and manifest; broken module files exit 2 with the file named.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const root = resolve(__dirname, '../..');
const cli = join(root, 'dist/cli.js');
let dir: string;

const write = (name: string, text: string) => {
  const path = join(dir, name);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, text);
};
const luamod = (cwd: string, ...args: string[]) => {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'luamod-host-'));
  write('.luamodrc.json', JSON.stringify({ modules: ['./host/modules.cjs'] }));
  write('host/modules.cjs', readFileSync(join(__dirname, 'fixtures/counter-modules.cjs'), 'utf8')
    .replace("require('../../../dist/index.js')", `require(${JSON.stringify(join(root, 'dist/index.js'))})`));
  write('ok.lua', 'local n = counter.incr("a")\nprint(n + 1)\n');
  // A read of a missing member is not reported (feature tests such as `if m.x then`): a call is.
  write('bad.lua', 'local n = counter.incr(42)\ncounter.nope()\n');
  write('counter_test.lua', [
    'return {',
    '  real = function() test.eq(counter.incr("x") > 0, true) end,',
    '  mocked = function() test.mock(counter, "incr", function(name) return 7 end) test.eq(counter.incr("x"), 7) end,',
    '  restored = function() test.neq(counter.incr("x"), 7) end,',
    '  unknown_member = function() test.fails(function() test.mock(counter, "nope", print) end, "has no member \'nope\'") end,',
    '}',
  ].join('\n'));
  write('broken/.luamodrc.json', JSON.stringify({ modules: ['./throws.cjs'] }));
  write('broken/throws.cjs', 'throw new Error("host file exploded")');
  write('broken/x.lua', 'print(1)\n');
  write('broken/x_test.lua', 'return {}\n');
  write('missing/.luamodrc.json', JSON.stringify({ modules: ['./nope.js'] }));
  write('missing/x.lua', 'print(1)\n');
});

describe('.luamodrc.json "modules" in the CLI', () => {
  it('luamod check knows the host module: good code passes, wrong calls are reported', () => {
    expect(luamod(dir, 'check', 'ok.lua')).toMatchObject({ code: 0 });
    const bad = luamod(dir, 'check', 'bad.lua', '--format', 'json');
    expect(bad.code).toBe(1);
    const codes = (JSON.parse(bad.stdout) as { files: { diagnostics: { code: string }[] }[] }).files.flatMap((f) => f.diagnostics.map((d) => d.code));
    expect(codes).toContain('param-type-mismatch');
    expect(codes).toContain('undefined-field');
  });

  it('luamod run runs scripts against the host module', () => {
    const r = luamod(dir, 'run', 'ok.lua');
    expect(r).toMatchObject({ code: 0, stdout: '2\n' });
  });

  it('luamod test: the host module, test.mock and its restoration', () => {
    const r = luamod(dir, 'test', 'counter_test.lua', '--verbose');
    expect(r.stdout).toContain('4 passed, 0 failed');
    expect(r.code).toBe(0);
  });

  it('luamod manifest lists the host module and exports its JSON manifest', () => {
    expect(luamod(dir, 'manifest').stdout).toMatch(/^counter\s+nondeterministic\s+A counter/m);
    const r = luamod(dir, 'manifest', 'export', '--out', 'out');
    expect(r.code).toBe(0);
    const json = JSON.parse(readFileSync(join(dir, 'out/counter.json'), 'utf8')) as Record<string, unknown>;
    expect(json).toMatchObject({ name: 'counter', class: ['nondeterministic'], description: 'A counter shared by the runs of one engine.' });
    expect(luamod(dir, 'manifest', 'validate', 'out/counter.json').code).toBe(0);
    expect(luamod(dir, 'manifest', 'export', 'nosuch', '--out', 'out')).toMatchObject({ code: 2 });
  });

  it('a module file that throws is a configuration error: exit 2 naming the file, for every tool', () => {
    const cwd = join(dir, 'broken');
    for (const args of [['check', 'x.lua'], ['run', 'x.lua'], ['test', 'x_test.lua'], ['manifest']]) {
      const r = luamod(cwd, ...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/throws\.cjs: module file failed to load: host file exploded/);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('a missing module file is named', () => {
    const r = luamod(join(dir, 'missing'), 'check', 'x.lua');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/nope\.js: module file cannot be found/);
  });
});
