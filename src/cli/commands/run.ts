// `luamod run FILE`: runs a script in the sandboxed runtime with the built-in modules. Output goes
// to stdout; a failure prints `FILE:LINE: message [KIND]` on stderr and exits 1; bad usage exits 2.
// The script runs in a worker thread (src/runtime/isolated-run.ts): this thread stays free to stop
// it at the time limit or when memory grows past the limit, even inside one library call.
import { readRegularFileBytesSync, readRegularFileSync } from '../../io/read-regular-file';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { configFor, isWorkflowScript } from '../../config/config';
import { runIsolated } from '../../runtime/isolated-run';
import type { ProjectModules } from '../../runtime/require';
import { parseGrant, parsePolicies, rootRelativeFsResources, type Policy, type SecurityScope } from '../../runtime/security';
import { ScanTimeout } from '../../runtime/lua-tokens';
import { workflowViolationMessage, workflowViolations, type WorkflowViolation } from '../../runtime/workflow';
import { collect } from '../options';
import { fsRootSpellings, mebibytes, MIN_MEMORY_MIB } from '../limit-options';
import { formatModuleFileError, loadModuleFilesSync, withHostModules } from '../../module/module-file';

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
    .description('Run a Lua script in the sandboxed runtime with the built-in modules and the host modules of .luamodrc.json "modules".')
    .argument('<file>', 'the script')
    .argument('[args...]', 'values the script receives as `...` (strings)')
    .option('-a, --allow <grant>', 'allow ACTION[:RESOURCE] (repeatable; patterns: exact, *, prefix*; fs resources are paths relative to --fs-root, absolute ones inside it are accepted)', collect, [] as string[])
    .option('-p, --policy <file>', 'a JSON policy file: {"policies": [{"actions": [...], "resources": [...], "effect": "allow"|"deny"}]}')
    .option('-t, --timeout <ms>', 'stop the script after this many milliseconds (TIMEOUT)')
    .option('-w, --workflow', 'allow only workflow-safe modules (deterministic or workflow class)')
    .option('-r, --print-result', 'print the values the script returns (as JSON)')
    .option('--fs-root <dir>', 'the directory the fs module is confined to (default: the current directory)')
    .option('--max-memory <mb>', `stop the script when it has added this many MiB of memory (default 256; at least ${MIN_MEMORY_MIB}; 0: no limit)`)
    .option('--max-string <mb>', 'largest string one string.rep/format/gsub/pack or table.concat call may build, in MiB (default 16; at least 1 KiB; 0: no limit)')
    .addHelpText('after', `
Examples:
  luamod run examples/hello.lua
  luamod run job.lua --allow fs.read:data/* --allow env.get:HOME --timeout 5000
  luamod run job.lua --fs-root /srv --allow fs.read:/srv/data/*   (the same as fs.read:data/*)

Nothing is allowed unless granted. fs resources are paths relative to --fs-root.
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
  // Read as bytes (a Latin-1 "caf\xe9" literal stays 4 bytes); only a regular file, at most 4 MiB:
  // a FIFO or /dev/zero is an error, never a hang.
  const read = readRegularFileBytesSync(file);
  if (read.error) {
    process.stderr.write(`luamod run: cannot read ${file}: ${read.error.message}\n`);
    return 2;
  }
  const source: Uint8Array = read.bytes;
  // `require` finds the project's files under the nearest .luamodrc.json, else the script's folder.
  const found = configFor(resolve(file));
  if (found.error) {
    process.stderr.write(`luamod run: ${found.error.message}\n`);
    return 2;
  }
  const project: ProjectModules = {
    root: found.config.dir, path: found.config.runtimePath, external: found.config.external, chunkBase: process.cwd(),
  };
  let scope: SecurityScope;
  const fsRoot = resolve(opts.fsRoot ?? '.');
  let timeoutMs: number | undefined;
  let memoryBytes: number | undefined;
  let stringBytes: number | undefined;
  try {
    memoryBytes = mebibytes('--max-memory', opts.maxMemory, MIN_MEMORY_MIB * 1024 * 1024);
    stringBytes = mebibytes('--max-string', opts.maxString, 1024);
    const roots = fsRootSpellings(fsRoot);
    scope = { policies: [...opts.allow.map(parseGrant), ...readPolicy(opts.policy)].map((p) => rootRelativeFsResources(p, roots)) };
    if (opts.timeout !== undefined) {
      // Any finite length is honoured: the runtime's timers re-arm past Node's 2^31-1 ms timer limit.
      timeoutMs = Number(opts.timeout);
      if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) throw new Error(`invalid --timeout '${opts.timeout}': expected a positive number of milliseconds`);
    }
  } catch (e) {
    process.stderr.write(`luamod run: ${(e as Error).message}\n`);
    return 2;
  }
  // The host's module files of the nearest .luamodrc.json: checked here (a broken one exits 2), loaded by the worker.
  const moduleFiles = found.config.modules;
  const host = loadModuleFilesSync(moduleFiles, found.config.dir);
  if (host.errors.length) {
    for (const e of host.errors) process.stderr.write(`luamod run: ${formatModuleFileError(e)}\n`);
    return 2;
  }
  // Workflow mode: --workflow, a `--!workflow` first line, or the config's `workflows` globs.
  const text = Buffer.from(source).toString('utf8');
  const workflow = opts.workflow === true || isWorkflowScript(found.config, resolve(file), text);
  const started = Date.now();
  if (workflow) {
    // Loaded on demand: this thread never loads the modules (or fengari) otherwise.
    const { builtinModules } = await import('../../modules');
    // The scan is linear (a few ms per 100 KB); it still stops at --timeout on its own.
    let violations: WorkflowViolation[];
    try {
      violations = workflowViolations(text, withHostModules(builtinModules, host.modules), timeoutMs === undefined ? undefined : started + timeoutMs);
    } catch (e) {
      if (!(e instanceof ScanTimeout)) throw e;
      process.stderr.write(`${file}: script exceeded its time limit of ${timeoutMs} ms before it started (the workflow check of its text) [TIMEOUT]\n`);
      return 1;
    }
    if (violations.length > 0) {
      for (const v of violations) {
        process.stderr.write(`${file}:${v.line}: ${workflowViolationMessage(v)}\n`);
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
    fsRoot,
    actor: { id: 'cli', metadata: { user: process.env.USER ?? '' } },
    scope,
    timeoutMs,
    memoryBytes,
    stringBytes,
    workflow,
    project,
    ...(moduleFiles.length ? { moduleFiles } : {}),
    // The worker writes output and log lines (formatLogLine) to fds 1 and 2 itself, in order.
    stdio: true,
  });
  if (result.error?.object) {
    // A raised table or userdata prints as C Lua 5.3's interpreter prints it: `lua: <its __tostring>`.
    process.stderr.write(`lua: ${result.error.message}\n`);
    return 1;
  }
  if (result.error) {
    // An error inside a required module names that module's file.
    const chunk = result.error.chunk ?? file;
    const where = result.error.line !== undefined ? `${chunk}:${result.error.line}` : chunk;
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

function readPolicy(path: string | undefined): Policy[] {
  if (path === undefined) return [];
  const read = readRegularFileSync(path);
  if (read.error) throw new Error(`cannot read policy file ${path}: ${read.error.message}`);
  const text = read.text;
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
