// `luamod test [PATHS...]`: runs `*_test.lua` files. A test file returns a table of test functions
// and/or registers cases with `test.case`; the `test` library has eq, neq, ok, near, fails.
// Prints each failure with file:line and expected/actual, then exactly `N passed, N failed` (or, with
// `--reporter json`, one JSON report). The files run in a supervised worker (runtime/isolated-test.ts).
import { readdirSync, statSync, writeFileSync } from 'node:fs';
import { readRegularFileSync } from '../../io/read-regular-file';
import { join, relative, resolve } from 'node:path';
import type { Command } from 'commander';
import { createTestSupervisor } from '../../runtime/isolated-test';
import { parseGrant, rootRelativeFsResources, type SecurityScope } from '../../runtime/security';
import { fsRootSpellings, mebibytes, MIN_MEMORY_MIB } from '../limit-options';
import type { TestCaseResult, TestFileResult } from '../../runtime/test-runner';
import { jsonReport } from '../json-report';
import { junitReport } from '../junit-report';
import { collect } from '../options';
import { configFor, isExcluded } from '../../config/config';
import { formatModuleFileError, loadModuleFilesSync } from '../../module/module-file';

const SKIP = new Set(['node_modules', '.git', 'dist']);

interface TestOptions { allow: string[]; timeout: string; verbose?: boolean; filter?: string; junit?: string; reporter: string; maxMemory?: string }

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
    .option('--reporter <format>', 'text, or json: one JSON report on stdout (test output goes to stderr; see docs/testing.md)', 'text')
    .option('--max-memory <mb>', 'stop a test file that has added this many MiB of memory (default 256; 0: no limit)')
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
  luamod test --reporter json > report.json

Each test file runs in a worker thread with a fresh runtime and its own copy of the environment. A
test stuck past --timeout (even inside one library call) or growing memory past the limit fails
(TIMEOUT / memory); the remaining tests and files still run.

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
  let memoryBytes: number | undefined;
  const json = opts.reporter === 'json';
  try {
    if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) throw new Error(`invalid --timeout '${opts.timeout}'`);
    if (opts.reporter !== 'text' && opts.reporter !== 'json') throw new Error(`invalid --reporter '${opts.reporter}': expected text or json`);
    memoryBytes = mebibytes('--max-memory', opts.maxMemory, MIN_MEMORY_MIB * 1024 * 1024);
    // fs resources are relative to the fs root (the current folder); absolute ones inside it are rewritten.
    const roots = fsRootSpellings(process.cwd());
    scope = { policies: opts.allow.map(parseGrant).map((p) => rootRelativeFsResources(p, roots)) };
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
  // The host's module files of each file's .luamodrc.json, checked here (a broken one is a
  // configuration error: exit 2) and loaded by the test worker.
  const checkedConfigs = new Set<string>();
  for (const file of files) {
    const found = configFor(resolve(file));
    if (found.error) { process.stderr.write(`luamod test: ${found.error.message}\n`); return 2; }
    const key = found.config.file ?? '';
    if (checkedConfigs.has(key) || found.config.modules.length === 0) continue;
    checkedConfigs.add(key);
    const host = loadModuleFilesSync(found.config.modules, found.config.dir);
    if (host.errors.length) {
      for (const e of host.errors) process.stderr.write(`luamod test: ${formatModuleFileError(e)}\n`);
      return 2;
    }
  }
  const started = performance.now();
  let passed = 0;
  let failed = 0;
  const reports: Array<{ path: string; result: TestFileResult; durationMs: number }> = [];
  // Text mode prints each test as it ends; test output goes to stdout. In JSON mode stdout holds the
  // report only: what tests print goes to stderr.
  const show = (name: string, t: TestCaseResult) => {
    if (t.ok) {
      passed++;
      if (opts.verbose && !json) process.stdout.write(`ok   ${name} › ${t.name}\n`);
      return;
    }
    failed++;
    if (json) return;
    process.stdout.write(`FAIL ${name} › ${t.name}\n`);
    process.stdout.write(`  ${t.file ?? name}${t.line !== undefined ? `:${t.line}` : ''}: ${t.message ?? 'failed'}\n`);
    if (t.expected !== undefined || t.actual !== undefined) {
      process.stdout.write(`    expected: ${t.expected ?? ''}\n    actual:   ${t.actual ?? ''}\n`);
    }
  };
  // The tests run in a worker thread that this thread stops when a test is stuck or grows memory
  // past the limit (src/runtime/isolated-test.ts); the run then goes on in a new worker.
  const supervisor = createTestSupervisor({
    env: { ...process.env } as Record<string, string>,
    fsRoot: process.cwd(),
    actor: { id: 'cli-test' },
    scope,
    timeoutMs,
    ...(memoryBytes !== undefined ? { memoryBytes } : {}),
    ...(filter ? { filter: { source: filter.source, flags: filter.flags } } : {}),
    outputFd: json ? 2 : 1,
  }, { onCase: show });
  for (const file of files) {
    const name = relative(process.cwd(), resolve(file)) || file;
    const fileStarted = performance.now();
    // Only a regular file, at most 4 MiB: a FIFO or /dev/zero named *_test.lua fails, never hangs.
    const read = readRegularFileSync(file);
    const source = read.text;
    if (source === undefined) {
      process.stderr.write(`luamod test: cannot read ${name}: ${read.error!.message}\n`);
      const result: TestFileResult = { file: name, tests: [{ name: '(load)', ok: false, message: `cannot read the file: ${read.error!.message}` }] };
      show(name, result.tests[0]!);
      reports.push({ path: name, result, durationMs: performance.now() - fileStarted });
      continue;
    }
    // The module under test is required from the nearest .luamodrc.json's folder, else the test file's.
    const found = configFor(resolve(file));
    if (found.error) {
      process.stderr.write(`luamod test: ${found.error.message}\n`);
      await supervisor.close();
      return 2;
    }
    const project = { root: found.config.dir, path: found.config.runtimePath, external: found.config.external, chunkBase: process.cwd() };
    const moduleFiles = found.config.modules;
    const result = await supervisor.runFile({ source, chunkName: name, project, ...(moduleFiles.length ? { moduleFiles } : {}) });
    reports.push({ path: name, result, durationMs: performance.now() - fileStarted });
  }
  await supervisor.close();
  if (json) process.stdout.write(`${JSON.stringify(jsonReport(reports, performance.now() - started), null, 2)}\n`);
  else process.stdout.write(`${passed} passed, ${failed} failed\n`);
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
  // Anything but a folder is a test file: a FIFO or device is then refused when read, by name.
  if (!statSync(path).isDirectory()) return [path];
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
