// `luamod fmt [PATHS...] [--check] [--diff]`: formats Lua files in StyLua's style (StyLua's own
// WebAssembly build). Files are rewritten atomically; a file that does not parse is left untouched.
import type { Command } from 'commander';
import { chmodSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { createTwoFilesPatch } from 'diff';
import { readRegularFileBytesSync } from '../../io/read-regular-file';
import { formatLua } from '../../format/format-lua';
import { styleFor, StyleConfigError, type StyleSource } from '../../format/style-options';
import { luaFilesOf } from '../lua-files';

export interface FmtOptions { check?: boolean; diff?: boolean; stdinFilename?: string }

export function registerFmt(program: Command): void {
  program
    .command('fmt')
    .description('Format Lua files in StyLua\'s style (stylua.toml / .stylua.toml, else .editorconfig)')
    .argument('[paths...]', 'files or folders (default: .); `-` formats stdin to stdout', ['.'])
    .option('--check', 'change nothing: list the files that would change and exit 1 if any')
    .option('--diff', 'with --check: print a unified diff of each change')
    .option('--stdin-filename <path>', 'with the path `-`: the file name the text stands for (config lookup, messages)')
    .addHelpText('after', `
Exit status: 0 formatted (or nothing to change), 1 a file would change (--check) or does not parse,
2 bad usage or a broken stylua.toml.

Examples:
  luamod fmt src                       # format every .lua file under src
  luamod fmt --check --diff .          # CI: show what would change, exit 1 if anything would
  cat a.lua | luamod fmt - --stdin-filename src/a.lua`)
    .action((paths: string[], opts: FmtOptions) => {
      process.exitCode = runFmt(paths, opts, (s) => process.stdout.write(s), (s) => process.stderr.write(s));
    });
}

/** Runs the command; returns the exit status. */
export function runFmt(paths: readonly string[], opts: FmtOptions, out: (s: string) => void, err: (s: string) => void): number {
  if (opts.diff && !opts.check) { err('luamod fmt: --diff needs --check\n'); return 2; }
  if (paths.includes('-')) {
    if (paths.length > 1) { err('luamod fmt: `-` (stdin) cannot be combined with other paths\n'); return 2; }
    return formatStdin(opts, out, err);
  }
  const { files, missing } = luaFilesOf(paths, 'fmt', err);
  let status = missing.length > 0 ? 1 : 0;
  let changed = 0;
  const styles = new Map<string, StyleSource>();
  for (const file of files) {
    let style: StyleSource;
    try {
      const key = dirname(file);
      style = styles.get(key) ?? styleFor(file);
      styles.set(key, style);
    } catch (e) {
      err(`luamod fmt: ${e instanceof StyleConfigError ? e.message : (e as Error).message}\n`);
      return 2;
    }
    const shown = relative(process.cwd(), file) || basename(file);
    const text = readUtf8(file, shown, err);
    if (text === undefined) { status = 1; continue; }
    const result = formatLua(text, style.options);
    if (!result.ok) {
      err(`${shown}${result.line ? `:${result.line}:${result.column}` : ''}: syntax error: ${result.message} (not formatted)\n`);
      status = 1;
      continue;
    }
    if (!result.changed) continue;
    changed++;
    if (opts.check) {
      out(opts.diff ? unifiedDiff(shown, text, result.text) : `${shown}\n`);
      status = 1;
    } else {
      try { writeAtomically(file, result.text); } catch (e) {
        err(`luamod fmt: cannot write '${shown}': ${(e as Error).message}\n`);
        status = 1;
      }
    }
  }
  const verb = opts.check ? 'would be reformatted' : 'reformatted';
  err(`${changed} of ${files.length} file${files.length === 1 ? '' : 's'} ${verb}\n`);
  return status;
}

function formatStdin(opts: FmtOptions, out: (s: string) => void, err: (s: string) => void): number {
  const file = resolve(opts.stdinFilename ?? 'stdin.lua');
  let text: string;
  try { text = readFileSync(0, 'utf8'); } catch (e) { err(`luamod fmt: cannot read stdin: ${(e as Error).message}\n`); return 2; }
  let style: StyleSource;
  try { style = styleFor(file); } catch (e) { err(`luamod fmt: ${(e as Error).message}\n`); return 2; }
  const result = formatLua(text, style.options);
  if (!result.ok) {
    err(`${opts.stdinFilename ?? '-'}${result.line ? `:${result.line}:${result.column}` : ''}: syntax error: ${result.message}\n`);
    out(text); // never lose the text: an editor piping through fmt gets it back unchanged
    return 1;
  }
  if (opts.check) {
    if (result.changed && opts.diff) out(unifiedDiff(opts.stdinFilename ?? '-', text, result.text));
    return result.changed ? 1 : 0;
  }
  out(result.text);
  return 0;
}

/** A unified diff (`--- a`, `+++ b`, hunks) without jsdiff's `Index:` header. */
function unifiedDiff(name: string, before: string, after: string): string {
  return createTwoFilesPatch(name, name, before, after, 'original', 'formatted').replace(/^Index: .*\n=+\n/, '');
}

/** The file as UTF-8 text; undefined (and a message) when it is not UTF-8 or cannot be read. */
function readUtf8(file: string, shown: string, err: (s: string) => void): string | undefined {
  // The project's one reader: a regular file only (a FIFO never hangs), at most the default size limit.
  const read = readRegularFileBytesSync(file);
  if (read.error) { err(`${shown}: ${read.error.message} (not formatted)\n`); return undefined; }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(read.bytes);
  } catch {
    // StyLua works on text: formatting would rewrite the bytes of a Latin-1 string literal.
    err(`${shown}: not UTF-8 text (not formatted)\n`);
    return undefined;
  }
}

/** Writes through a temporary file in the same folder, then renames: a crash never truncates the file. */
function writeAtomically(file: string, text: string): void {
  const temp = join(dirname(file), `.${basename(file)}.luamod-fmt-${process.pid}.tmp`);
  const mode = statSync(file).mode & 0o7777;
  try {
    writeFileSync(temp, text, { flag: 'wx', mode });
    chmodSync(temp, mode);
    renameSync(temp, file);
  } catch (e) {
    try { unlinkSync(temp); } catch { /* already gone */ }
    throw e;
  }
}
