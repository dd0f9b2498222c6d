// `luamod test [PATHS...]`: runs `*_test.lua` files. A test file returns a table of test functions
// and/or registers cases with `test.case`; the `test` library has eq, neq, ok, near, fails.
// Prints each failure with file:line and expected/actual, then exactly `N passed, N failed`.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { Command } from 'commander';
import { builtinModules } from '../../modules';
import { parseGrant, type SecurityScope } from '../../runtime/security';
import { runTestFile, type TestFileResult } from '../../runtime/test-runner';
import { junitReport } from '../junit-report';
import { collect } from '../options';
import { configFor, isExcluded } from '../../config/config';
import { formatModuleFileError, loadModuleFilesSync, withHostModules, type LoadedModuleFiles } from '../../module/module-file';

const SKIP = new Set(['node_modules', '.git', 'dist']);

interface TestOptions { allow: string[]; timeout: string; verbose?: boolean; filter?: string; junit?: string }

export function registerTest(program: Command): void {
  program
    .command('test')
    .description('Run *_test.lua files (each returns a table of test functions, or uses test.case).')
    .argument('[paths...]', 'test files or folders to search (default: the current folder)')
    .option('-a, --allow <grant>', 'allow ACTION[:RESOURCE] for the tests (repeatable)', collect, [] as string[])
    .option('-t, --timeout <ms>', 'time limit per test (ms)', '30000')
    .option('-v, --verbose', 'also list passing tests')
    .option('-f, --filter <regex>', 'run only the tests whose name matches (JavaScript regular expression)')
    .option('--junit <file>', 'also write the results as JUnit XML (for CI test reports)')
    .addHelpText('after', `
A test file:
  local test = require("test")     -- or the global \`test\`
  return {
    adds = function() test.eq(1 + 1, 2) end,
    fails_cleanly = function() test.fails(function() error("boom") end, "boom") end,
  }

Assertions: test.eq(actual, expected [, msg]), test.neq, test.ok(v [, msg]), test.near(a, b [, eps]),
test.fails(fn [, substring]), test.case(name, fn) and test.mock(module, "member", fn) (restored after the test).
Host modules: the "modules" files of the nearest .luamodrc.json are loaded with the built-in modules.

Examples:
  luamod test                           # every *_test.lua below the current folder
  luamod test tests/orders_test.lua -f '^refund'
  luamod test --junit reports/lua.xml   # JUnit XML for the CI's test report

Exit status: 0 all passed, 1 some test failed, 2 bad usage or unreadable path.
`)
    .action(async (paths: string[], opts: TestOptions) => {
      const code = await test(paths.length > 0 ? paths : ['.'], opts);
      // A test stopped by a limit may leave host work behind (e.g. the timer of a long sleep): don't wait for it.
      if (code !== 0) process.exit(code);
      process.exitCode = code;
    });
}

async function test(paths: string[], opts: TestOptions): Promise<number> {
  const timeoutMs = Number(opts.timeout);
  let scope: SecurityScope;
  let filter: RegExp | undefined;
  try {
    if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) throw new Error(`invalid --timeout '${opts.timeout}'`);
    scope = { policies: opts.allow.map(parseGrant) };
    if (opts.filter !== undefined) {
      try { filter = new RegExp(opts.filter); } catch (e) { throw new Error(`invalid --filter '${opts.filter}': ${(e as Error).message}`); }
    }
  } catch (e) {
    process.stderr.write(`luamod test: ${(e as Error).message}\n`);
    return 2;
  }
  const files: string[] = [];
  for (const p of paths) {
    try {
      // In a folder, the `exclude` globs of the folder's .luamodrc.json apply (e.g. a nested project).
      const root = statSync(p).isDirectory() ? configFor(join(p, '.luamodrc.json')).config : undefined;
      files.push(...findTests(p).filter((f) => !root || !isExcluded(root, resolve(f))));
    } catch (e) {
      process.stderr.write(`luamod test: cannot read ${p}: ${(e as Error).message}\n`);
      return 2;
    }
  }
  // The host's module files of each file's .luamodrc.json; a broken one is a configuration error (exit 2).
  const hostByFile = new Map<string, LoadedModuleFiles>();
  const hostByConfig = new Map<string, LoadedModuleFiles>();
  for (const file of files) {
    const found = configFor(resolve(file));
    if (found.error) { process.stderr.write(`luamod test: ${found.error.message}\n`); return 2; }
    const key = found.config.file ?? '';
    let host = hostByConfig.get(key);
    if (!host) {
      host = loadModuleFilesSync(found.config.modules, found.config.dir);
      if (host.errors.length) {
        for (const e of host.errors) process.stderr.write(`luamod test: ${formatModuleFileError(e)}\n`);
        return 2;
      }
      hostByConfig.set(key, host);
    }
    hostByFile.set(file, host);
  }
  let passed = 0;
  let failed = 0;
  const reports: Array<{ path: string; result: TestFileResult }> = [];
  for (const file of files) {
    const name = relative(process.cwd(), resolve(file)) || file;
    let source: string;
    try {
      source = readFileSync(file, 'utf8');
    } catch (e) {
      process.stderr.write(`luamod test: cannot read ${name}: ${(e as Error).message}\n`);
      failed++;
      reports.push({ path: name, result: { file: name, tests: [{ name: '(load)', ok: false, message: `cannot read the file: ${(e as Error).message}` }] } });
      continue;
    }
    const r = await runTestFile({
      source,
      chunkName: name,
      modules: withHostModules(builtinModules, hostByFile.get(file)?.modules ?? []),
      dispatchers: hostByFile.get(file)?.dispatchers ?? [],
      env: process.env as Record<string, string>,
      fsRoot: process.cwd(),
      actor: { id: 'cli-test' },
      scope,
      timeoutMs,
      onOutput: (text) => process.stdout.write(text),
      ...(filter ? { filter: (test: string) => filter.test(test) } : {}),
    });
    reports.push({ path: name, result: r });
    for (const t of r.tests) {
      if (t.ok) {
        passed++;
        if (opts.verbose) process.stdout.write(`ok   ${name} › ${t.name}\n`);
        continue;
      }
      failed++;
      process.stdout.write(`FAIL ${name} › ${t.name}\n`);
      process.stdout.write(`  ${name}${t.line !== undefined ? `:${t.line}` : ''}: ${t.message ?? 'failed'}\n`);
      if (t.expected !== undefined || t.actual !== undefined) {
        process.stdout.write(`    expected: ${t.expected ?? ''}\n    actual:   ${t.actual ?? ''}\n`);
      }
    }
  }
  process.stdout.write(`${passed} passed, ${failed} failed\n`);
  if (opts.junit !== undefined) {
    try {
      writeFileSync(opts.junit, junitReport(reports));
    } catch (e) {
      process.stderr.write(`luamod test: cannot write ${opts.junit}: ${(e as Error).message}\n`);
      return 2;
    }
  }
  return failed > 0 ? 1 : 0;
}

/** `path` itself if it is a file; otherwise every `*_test.lua` below it, sorted. */
function findTests(path: string): string[] {
  if (statSync(path).isFile()) return [path];
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (SKIP.has(entry.name)) continue;
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('_test.lua')) out.push(full);
    }
  };
  walk(path);
  return out;
}
