// The fs dispatcher's work: async node:fs I/O on paths already normalised by paths.ts. A path is
// first resolved the way the kernel would (every symlink followed, missing parts kept as text): if
// that leads outside the root the answer is PERMISSION_DENIED whether or not the file exists, and
// the policy is checked again on the resolved path (a deny on `secret*` holds through a link to it).
// Then, against a concurrent symlink swap, the file or folder is opened and the real path of the
// open descriptor (`/proc/self/fd/N`) is checked before anything is read or written; new files are
// created and entries removed through the verified folder's descriptor.
import { constants } from 'node:fs';
import { lstat, mkdir, open, readdir, readlink, realpath, rmdir, stat, unlink, type FileHandle } from 'node:fs/promises';
import { dirname, isAbsolute, join, posix, relative, sep } from 'node:path';
import { readOpenFile } from '../../io/read-regular-file';

/** Largest file `fs.read` returns: the default string limit of the runtime (16 MiB). */
export const FS_READ_MAX_BYTES = 16 * 1024 * 1024;

/** One fs command, as the host functions send it. */
export type FsCommand =
  | { readonly op: 'read'; readonly path: string }
  | { readonly op: 'write'; readonly path: string; readonly data: Uint8Array }
  | { readonly op: 'exists'; readonly path: string }
  | { readonly op: 'list'; readonly path: string }
  | { readonly op: 'remove'; readonly path: string };

/** Asks the process's policy about `action` on a root-relative path (default: allow). */
export type FsPolicyCheck = (action: 'fs.read' | 'fs.write', path: string) => boolean;

/** A failure with the error kind the script sees. */
export class FsError extends Error {
  constructor(readonly kind: 'NOT_FOUND' | 'PERMISSION_DENIED' | 'INVALID' | 'INTERNAL', message: string) {
    super(message);
  }
}

/** Descriptors can be checked and used as folders through /proc (Linux); elsewhere paths are checked once. */
const PROC_FD = process.platform === 'linux' ? '/proc/self/fd' : undefined;
const MAX_LINKS = 40;

/** Runs one command under `root` (an existing folder). Resolves with the Lua result value. */
export async function runFsCommand(root: string, cmd: FsCommand, allowed: FsPolicyCheck = () => true): Promise<Uint8Array | boolean | string[]> {
  let realRoot: string;
  try {
    realRoot = await realpath(root);
  } catch {
    throw new FsError('INTERNAL', 'the fs root is not an accessible folder');
  }
  const action = cmd.op === 'write' || cmd.op === 'remove' ? 'fs.write' : 'fs.read';
  const guard: Guard = { realRoot, path: cmd.path, action, allowed };
  const target = join(realRoot, cmd.path);
  if (cmd.op === 'exists') {
    // The same `false` for a missing file, one outside the root and one the policy hides.
    try {
      check(guard, await resolveLeniently(realRoot, cmd.path));
      await stat(target);
      return true;
    } catch {
      return false;
    }
  }
  try {
    // `remove` acts on a link itself, everything else on what it points to.
    check(guard, await resolveLeniently(realRoot, cmd.path, cmd.op !== 'remove'));
    switch (cmd.op) {
      case 'read':
        // Non-blocking open (a FIFO never hangs), verified descriptor, then a regular file only, bounded.
        return await withFile(target, constants.O_RDONLY | constants.O_NONBLOCK, guard, async (fh) => {
          const data = await readFsFile(fh, cmd.path);
          return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
        });
      case 'write': {
        if (cmd.path === '.') throw new FsError('INVALID', 'cannot write to the root folder');
        await mkdir(dirname(target), { recursive: true });
        return await inFolder(target, guard, async (at) => {
          let fh: FileHandle;
          try {
            // A new file: created in the verified folder, never through a link.
            fh = await open(at, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, 0o666);
          } catch (e) {
            if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
            // An existing file (or a link inside the root): opened without truncating, checked, then rewritten.
            fh = await open(at, constants.O_WRONLY);
          }
          try {
            await verify(fh, guard);
            await fh.truncate(0);
            await fh.writeFile(cmd.data);
          } finally {
            await fh.close();
          }
          return true;
        });
      }
      case 'list':
        return await withFile(target, constants.O_RDONLY | constants.O_DIRECTORY, guard, async (fh) => {
          const entries = await readdir(PROC_FD ? `${PROC_FD}/${fh.fd}` : target, { withFileTypes: true });
          return entries.map((e) => (e.isDirectory() ? e.name + '/' : e.name)).sort();
        });
      case 'remove':
        if (cmd.path === '.') throw new FsError('INVALID', 'cannot remove the root folder');
        return await inFolder(target, guard, async (at) => {
          const info = await lstat(at);
          if (info.isDirectory()) await rmdir(at);
          else await unlink(at);
          return true;
        });
    }
  } catch (e) {
    throw toFsError(e, cmd.path);
  }
}

interface Guard {
  readonly realRoot: string;
  /** The script's path (root-relative), for messages. */
  readonly path: string;
  readonly action: 'fs.read' | 'fs.write';
  readonly allowed: FsPolicyCheck;
}

function isInside(realRoot: string, path: string): boolean {
  const rel = relative(realRoot, path);
  return rel === '' || !(rel === '..' || rel.startsWith('..' + sep) || isAbsolute(rel));
}

/** Refuses a real location outside the root (one message, existing or not) or denied by the policy. */
function check(guard: Guard, real: string): void {
  const rel = relative(guard.realRoot, real);
  if (!isInside(guard.realRoot, real)) {
    throw new FsError('PERMISSION_DENIED', `path ${JSON.stringify(guard.path)} resolves outside the fs root`);
  }
  const resolved = rel === '' ? '.' : rel.split(sep).join('/');
  if (resolved !== guard.path && !guard.allowed(guard.action, resolved)) {
    throw new FsError('PERMISSION_DENIED', `permission denied: ${guard.action} on '${guard.path}' (it leads to '${resolved}')`);
  }
}

/** Checks where an open descriptor really is (when /proc tells). */
async function verify(fh: FileHandle, guard: Guard): Promise<void> {
  if (!PROC_FD) return;
  let real: string;
  try {
    real = await readlink(`${PROC_FD}/${fh.fd}`);
  } catch {
    return;
  }
  check(guard, real);
}

/** Opens `target`, verifies the descriptor, runs `use`, closes. */
async function withFile<T>(target: string, flags: number, guard: Guard, use: (fh: FileHandle) => Promise<T>): Promise<T> {
  const fh = await open(target, flags);
  try {
    await verify(fh, guard);
    return await use(fh);
  } finally {
    await fh.close();
  }
}

/**
 * Opens the folder holding `target`, verifies it is inside the root, and runs `use` with a path to
 * the entry that goes through the open descriptor (so a swapped parent cannot redirect it).
 */
async function inFolder<T>(target: string, guard: Guard, use: (at: string) => Promise<T>): Promise<T> {
  const folder = dirname(target);
  const name = target.slice(folder.length + 1);
  const dir = await open(folder, constants.O_RDONLY | constants.O_DIRECTORY);
  try {
    await verify(dir, { ...guard, allowed: () => true });
    return await use(PROC_FD ? `${PROC_FD}/${dir.fd}/${name}` : target);
  } finally {
    await dir.close();
  }
}

/**
 * Where root-relative `path` leads: each component looked up as the kernel does (symlinks followed,
 * `..` after a link taken physically), and the rest kept as text from the first missing component.
 * `followLast: false` leaves a final symlink itself.
 */
export async function resolveLeniently(realRoot: string, path: string, followLast = true): Promise<string> {
  const todo = path === '.' ? [] : path.split('/').reverse();
  let cur = realRoot;
  let links = 0;
  while (todo.length > 0) {
    const part = todo.pop() as string;
    if (part === '' || part === '.') continue;
    if (part === '..') { cur = dirname(cur); continue; }
    const next = join(cur, part);
    let isLink: boolean;
    let link = '';
    try {
      isLink = (await lstat(next)).isSymbolicLink();
      if (isLink && (todo.length > 0 || followLast)) {
        if (++links > MAX_LINKS) throw Object.assign(new Error('too many symlinks'), { code: 'ELOOP' });
        link = await readlink(next);
      }
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') return posix.resolve(next, ...todo.reverse());
      // Outside the root every failure is the same answer (outside), so nothing there can be probed.
      if (!isInside(realRoot, cur)) return cur;
      throw e;
    }
    if (!isLink || (todo.length === 0 && !followLast)) { cur = next; continue; }
    if (link.startsWith('/')) cur = '/';
    todo.push(...link.split('/').reverse());
  }
  return cur;
}

/**
 * `fs.read`'s read of an opened, verified file: only a regular file (a FIFO would block or read
 * nothing; /dev/zero never ends), at most FS_READ_MAX_BYTES; anything else is a clear FsError.
 */
async function readFsFile(fh: FileHandle, path: string): Promise<Buffer> {
  const r = await readOpenFile(fh, FS_READ_MAX_BYTES);
  if (!r.error) return r.bytes;
  const p = JSON.stringify(path);
  if (r.error.kind === 'not-found') throw new FsError('NOT_FOUND', `no such file or folder: ${p}`);
  if (r.error.kind === 'unreadable') throw new FsError('INTERNAL', `${p}: ${r.error.message}`);
  throw new FsError('INVALID', `${p}: ${r.error.message}`);
}

function toFsError(e: unknown, path: string): FsError {
  if (e instanceof FsError) return e;
  const code = (e as NodeJS.ErrnoException).code;
  const p = JSON.stringify(path);
  switch (code) {
    case 'ENOENT': return new FsError('NOT_FOUND', `no such file or folder: ${p}`);
    case 'EISDIR': return new FsError('INVALID', `${p} is a folder`);
    case 'ENOTDIR': return new FsError('INVALID', `${p}: not a folder`);
    case 'ENOTEMPTY': return new FsError('INVALID', `folder ${p} is not empty`);
    case 'EACCES': case 'EPERM': return new FsError('PERMISSION_DENIED', `access to ${p} denied by the operating system`);
    case 'ELOOP': return new FsError('PERMISSION_DENIED', `too many symlinks in ${p}`);
    // Node's own messages name absolute host paths: report the error code only.
    default: return new FsError('INTERNAL', `${p}: I/O error${code ? ` (${code})` : ''}`);
  }
}
