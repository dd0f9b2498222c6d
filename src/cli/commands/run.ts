// `luamod run FILE`: runs a script in the sandboxed runtime with the built-in modules. Output goes
// to stdout; a failure prints `FILE:LINE: message [KIND]` on stderr and exits 1; bad usage exits 2.
// The script runs in a worker thread (src/runtime/isolated-run.ts): this thread stays free to stop
// it at the time limit or when memory grows past the limit, even inside one library call.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { runIsolated } from '../../runtime/isolated-run';
import { parseGrant, parsePolicies, type Policy, type SecurityScope } from '../../runtime/security';
import { workflowViolations } from '../../runtime/workflow';
import { collect } from '../options';

interface RunOptions {
  allow: string[];
  policy?: string;
  timeout?: string;
  workflow?: boolean;
  printResult?: boolean;
  fsRoot?: string;
  maxMemory?: string;
  maxString?: string;
}

export function registerRun(program: Command): void {
  program
    .command('run')
    .description('Run a Lua script in the sandboxed runtime with the built-in modules.')
    .argument('<file>', 'the script')
    .argument('[args...]', 'values the script receives as `...` (strings)')
    .option('-a, --allow <grant>', 'allow ACTION[:RESOURCE] (repeatable; patterns: exact, *, prefix*)', collect, [] as string[])
    .option('-p, --policy <file>', 'a JSON policy file: {"policies": [{"actions": [...], "resources": [...], "effect": "allow"|"deny"}]}')
    .option('-t, --timeout <ms>', 'stop the script after this many milliseconds (TIMEOUT)')
    .option('-w, --workflow', 'allow only workflow-safe modules (deterministic or workflow class)')
    .option('-r, --print-result', 'print the values the script returns (as JSON)')
    .option('--fs-root <dir>', 'the directory the fs module is confined to (default: the current directory)')
    .option('--max-memory <mb>', 'stop the script when it has added this many MiB of memory (default 256; 0: no limit)')
    .option('--max-string <mb>', 'largest string one string.rep/format/gsub or table.concat call may build, in MiB (default 16; 0: no limit)')
    .addHelpText('after', `
Examples:
  luamod run examples/hello.lua
  luamod run job.lua --allow fs.read:/data/* --allow env.get --timeout 5000
  luamod run flow.lua --workflow --print-result

Exit status: 0 the script succeeded, 1 it failed, 2 bad usage or unreadable file.
`)
    .action(async (file: string, args: string[], opts: RunOptions) => {
      const code = await run(file, args, opts);
      // A script stopped by a limit may leave host work behind (e.g. a timer of a long sleep): don't wait for it.
      if (code !== 0) process.exit(code);
      process.exitCode = code;
    });
}

async function run(file: string, args: string[], opts: RunOptions): Promise<number> {
  let source: string;
  try {
    source = readFileSync(file, 'utf8');
  } catch (e) {
    process.stderr.write(`luamod run: cannot read ${file}: ${(e as Error).message}\n`);
    return 2;
  }
  let scope: SecurityScope;
  let timeoutMs: number | undefined;
  let memoryBytes: number | undefined;
  let stringBytes: number | undefined;
  try {
    memoryBytes = mebibytes('--max-memory', opts.maxMemory);
    stringBytes = mebibytes('--max-string', opts.maxString);
    scope = { policies: [...opts.allow.map(parseGrant), ...readPolicy(opts.policy)] };
    if (opts.timeout !== undefined) {
      timeoutMs = Number(opts.timeout);
      if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) throw new Error(`invalid --timeout '${opts.timeout}': expected a positive number of milliseconds`);
    }
  } catch (e) {
    process.stderr.write(`luamod run: ${(e as Error).message}\n`);
    return 2;
  }
  if (opts.workflow) {
    // Loaded on demand: this thread never loads the modules (or fengari) otherwise.
    const { builtinModules } = await import('../../modules');
    const violations = workflowViolations(source, builtinModules);
    if (violations.length > 0) {
      for (const v of violations) {
        process.stderr.write(`${file}:${v.line}: module '${v.module}' is not workflow-safe (class: ${v.classes.join(', ')})\n`);
      }
      return 1;
    }
  }
  // The count hook stops runaway Lua in the worker; this thread stops the worker when the hook cannot.
  const result = await runIsolated({
    source,
    chunkName: file,
    args,
    env: process.env as Record<string, string>,
    fsRoot: resolve(opts.fsRoot ?? '.'),
    actor: { id: 'cli', metadata: { user: process.env.USER ?? '' } },
    scope,
    timeoutMs,
    memoryBytes,
    stringBytes,
    workflow: opts.workflow === true,
    // The worker writes output and log lines (formatLogLine) to fds 1 and 2 itself, in order.
    stdio: true,
  });
  if (result.error) {
    const where = result.error.line !== undefined ? `${file}:${result.error.line}` : file;
    const kind = result.error.kind ? ` [${result.error.kind}]` : '';
    process.stderr.write(`${where}: ${result.error.message}${kind}\n`);
    return 1;
  }
  if (opts.printResult) {
    // A Lua integer beyond ±(2^53 - 1) arrives as a bigint, which JSON.stringify refuses: its exact digits as a string.
    const json = JSON.stringify(result.result.length === 1 ? result.result[0] : result.result, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
    process.stdout.write(`${json}\n`);
  }
  return 0;
}

/** A `--max-*` value in MiB as bytes (undefined when absent); throws on a negative or non-number. */
function mebibytes(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) throw new Error(`invalid ${flag} '${value}': expected a number of MiB (0: no limit)`);
  return Math.round(n * 1024 * 1024);
}

function readPolicy(path: string | undefined): Policy[] {
  if (path === undefined) return [];
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new Error(`cannot read policy file ${path}: ${(e as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new Error(`${path}: invalid JSON: ${(e as Error).message}`);
  }
  try {
    return parsePolicies(json);
  } catch (e) {
    throw new Error(`${path}: ${(e as Error).message}`);
  }
}
