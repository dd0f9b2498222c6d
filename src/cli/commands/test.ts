// `luamod test [PATHS...]`: runs `*_test.lua` files. A test file returns a table of test functions
// and/or registers cases with `test.case`; the `test` library has eq, neq, ok, near, fails.
// Prints each failure with file:line and expected/actual, then exactly `N passed, N failed`.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { Command } from 'commander';
import { builtinModules } from '../../modules';
import { parseGrant, type SecurityScope } from '../../runtime/security';
import { runTestFile } from '../../runtime/test-runner';
import { collect } from '../options';

const SKIP = new Set(['node_modules', '.git', 'dist']);

interface TestOptions { allow: string[]; timeout: string; verbose?: boolean }

export function registerTest(program: Command): void {
  program
    .command('test')
    .description('Run *_test.lua files (each returns a table of test functions, or uses test.case).')
    .argument('[paths...]', 'test files or folders to search (default: the current folder)')
    .option('-a, --allow <grant>', 'allow ACTION[:RESOURCE] for the tests (repeatable)', collect, [] as string[])
    .option('-t, --timeout <ms>', 'time limit per test (ms)', '30000')
    .option('-v, --verbose', 'also list passing tests')
    .addHelpText('after', `
A test file:
  local test = require("test")     -- or the global \`test\`
  return {
    adds = function() test.eq(1 + 1, 2) end,
    fails_cleanly = function() test.fails(function() error("boom") end, "boom") end,
  }

Assertions: test.eq(actual, expected [, msg]), test.neq, test.ok(v [, msg]), test.near(a, b [, eps]),
test.fails(fn [, substring]) and test.case(name, fn).

Exit status: 0 all passed, 1 some test failed, 2 bad usage or unreadable path.
`)
    .action(async (paths: string[], opts: TestOptions) => {
      process.exitCode = await test(paths.length > 0 ? paths : ['.'], opts);
    });
}

async function test(paths: string[], opts: TestOptions): Promise<number> {
  const timeoutMs = Number(opts.timeout);
  let scope: SecurityScope;
  try {
    if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) throw new Error(`invalid --timeout '${opts.timeout}'`);
    scope = { policies: opts.allow.map(parseGrant) };
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
  for (const file of files) {
    const name = relative(process.cwd(), resolve(file)) || file;
    let source: string;
    try {
      source = readFileSync(file, 'utf8');
    } catch (e) {
      process.stderr.write(`luamod test: cannot read ${name}: ${(e as Error).message}\n`);
      failed++;
      continue;
    }
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
    });
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
