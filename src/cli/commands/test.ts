// `luamod test [PATHS...]`: runs `*_test.lua` files. A test file returns a table of test functions
// and/or registers cases with `test.case`; the `test` library has eq, neq, ok, near, fails.
// Prints each failure with file:line and expected/actual, then exactly `N passed, N failed`.
import { readdirSync, statSync, writeFileSync } from 'node:fs';
import { readRegularFileSync } from '../../io/read-regular-file';
import { join, relative, resolve } from 'node:path';
import type { Command } from 'commander';
import { builtinModules } from '../../modules';
import { parseGrant, type SecurityScope } from '../../runtime/security';
import { runTestFile, type TestFileResult } from '../../runtime/test-runner';
import { junitReport } from '../junit-report';
import { collect } from '../options';

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
test.fails(fn [, substring]) and test.case(name, fn).

Examples:
  luamod test                           # every *_test.lua below the current folder
  luamod test tests/orders_test.lua -f '^refund'
  luamod test --junit reports/lua.xml   # JUnit XML for the CI's test report

Exit status: 0 all passed, 1 some test failed, 2 bad usage or unreadable path.
`)
    .action(async (paths: string[], opts: TestOptions) => {
      process.exitCode = await test(paths.length > 0 ? paths : ['.'], opts);
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
      files.push(...findTests(p));
    } catch (e) {
      process.stderr.write(`luamod test: cannot read ${p}: ${(e as Error).message}\n`);
      return 2;
    }
  }
  let passed = 0;
  let failed = 0;
  const reports: Array<{ path: string; result: TestFileResult }> = [];
  for (const file of files) {
    const name = relative(process.cwd(), resolve(file)) || file;
    // Only a regular file, at most 4 MiB: a FIFO or /dev/zero named *_test.lua fails, never hangs.
    const read = readRegularFileSync(file);
    if (read.error) {
      process.stderr.write(`luamod test: cannot read ${name}: ${read.error.message}\n`);
      failed++;
      reports.push({ path: name, result: { file: name, tests: [{ name: '(load)', ok: false, message: `cannot read the file: ${read.error.message}` }] } });
      continue;
    }
    const source = read.text;
    const r = await runTestFile({
      source,
      chunkName: name,
      modules: builtinModules,
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
