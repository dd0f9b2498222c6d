// The fs dispatcher's work: async node:fs I/O on paths already normalised by paths.ts, refusing
// any path whose real location (after symlinks) is outside the root.
import { lstat, mkdir, readdir, realpath, rmdir, stat, unlink, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep, isAbsolute } from 'node:path';
import { readRegularFileBytes } from '../../io/read-regular-file';

/** Largest file `fs.read` returns: the default string limit of the runtime (16 MiB). */
export const FS_READ_MAX_BYTES = 16 * 1024 * 1024;

/** One fs command, as the host functions send it. */
export type FsCommand =
  | { readonly op: 'read'; readonly path: string }
  | { readonly op: 'write'; readonly path: string; readonly data: Uint8Array }
  | { readonly op: 'exists'; readonly path: string }
  | { readonly op: 'list'; readonly path: string }
  | { readonly op: 'remove'; readonly path: string };

/** A failure with the error kind the script sees. */
export class FsError extends Error {
  constructor(readonly kind: 'NOT_FOUND' | 'PERMISSION_DENIED' | 'INVALID' | 'INTERNAL', message: string) {
    super(message);
  }
}

/** Runs one command under `root` (an existing folder). Resolves with the Lua result value. */
export async function runFsCommand(root: string, cmd: FsCommand): Promise<Uint8Array | boolean | string[]> {
  let realRoot: string;
  try {
    realRoot = await realpath(root);
  } catch {
    throw new FsError('INTERNAL', 'the fs root is not an accessible folder');
  }
  const target = join(realRoot, cmd.path);
  try {
    switch (cmd.op) {
      case 'read': {
        await confine(realRoot, target, cmd.path);
        const data = await readFsFile(target, cmd.path);
        return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
      }
      case 'write': {
        if (cmd.path === '.') throw new FsError('INVALID', 'cannot write to the root folder');
        await confineParent(realRoot, target, cmd.path);
        await mkdir(dirname(target), { recursive: true });
        await confineExistingLink(realRoot, target, cmd.path);
        await writeFile(target, cmd.data);
        return true;
      }
      case 'exists':
        try {
          await confine(realRoot, target, cmd.path);
          await stat(target);
          return true;
        } catch {
          return false;
        }
      case 'list': {
        await confine(realRoot, target, cmd.path);
        const entries = await readdir(target, { withFileTypes: true });
        return entries.map((e) => (e.isDirectory() ? e.name + '/' : e.name)).sort();
      }
      case 'remove': {
        if (cmd.path === '.') throw new FsError('INVALID', 'cannot remove the root folder');
        await confineParent(realRoot, target, cmd.path);
        const info = await lstat(target);
        if (info.isDirectory()) await rmdir(target);
        else await unlink(target);
        return true;
      }
    }
  } catch (e) {
    throw toFsError(e, cmd.path);
  }
}

function inside(realRoot: string, real: string): boolean {
  const rel = relative(realRoot, real);
  return rel === '' || (!rel.startsWith('..' + sep) && rel !== '..' && !isAbsolute(rel));
}

const escape = (path: string) => new FsError('PERMISSION_DENIED', `path ${JSON.stringify(path)} resolves outside the fs root`);

/** The target's real location must be inside the root (it must exist). */
async function confine(realRoot: string, target: string, path: string): Promise<void> {
  if (!inside(realRoot, await realpath(target))) throw escape(path);
}

/** The deepest existing ancestor of the target must really be inside the root. */
async function confineParent(realRoot: string, target: string, path: string): Promise<void> {
  let dir = dirname(target);
  for (;;) {
    try {
      if (!inside(realRoot, await realpath(dir))) throw escape(path);
      return;
    } catch (e) {
      if (e instanceof FsError || (e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
      dir = dirname(dir);
    }
  }
}

/** When the target is a symlink, it must point inside the root (dangling links are refused). */
async function confineExistingLink(realRoot: string, target: string, path: string): Promise<void> {
  let info;
  try {
    info = await lstat(target);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw e;
  }
  if (!info.isSymbolicLink()) return;
  let real: string;
  try {
    real = await realpath(target);
  } catch {
    throw escape(path);
  }
  if (!inside(realRoot, real)) throw escape(path);
}

/**
 * `fs.read`'s read: only a regular file (a FIFO would block a libuv thread for good and keep the
 * process alive; /dev/zero never ends), at most FS_READ_MAX_BYTES.
 */
async function readFsFile(target: string, path: string): Promise<Buffer> {
  const r = await readRegularFileBytes(target, FS_READ_MAX_BYTES);
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
