// The one way luamod reads a file it did not write: only a regular file, only up to a size limit.
// The file is opened with O_NONBLOCK (opening a FIFO never waits for a writer), then checked on the
// open descriptor (fstat: what was opened is what is judged, a symlink swapped afterwards changes
// nothing), then read up to the limit + 1 byte (a file that grows while being read still stops at
// the limit). A device (/dev/zero), a FIFO, a socket or a folder is a clear error, never a hang.
// Used for config files, manifests, Lua sources (check, run, test, the server) and `fs.read`.
import { closeSync, constants, fstatSync, openSync, readSync, statSync, type Stats } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';

/** The largest file luamod reads unless configured otherwise (`maxFileSize`): 4 MiB. */
export const DEFAULT_MAX_FILE_BYTES = 4 * 1024 * 1024;

/** Why a file was not read. */
export interface FileReadError {
  /** `not-found`: no such file; `not-regular`: a device, FIFO, socket or folder; `too-large`; `unreadable`: any other error. */
  readonly kind: 'not-found' | 'not-regular' | 'too-large' | 'unreadable';
  /** A sentence without the path, e.g. `not a regular file (a FIFO)` or `too large: 31457280 bytes (the limit is 4194304)`. */
  readonly message: string;
  /** The size seen (too-large only: at least limit + 1). */
  readonly size?: number;
  readonly limit?: number;
}

export type BytesResult = { readonly bytes: Buffer; readonly error?: undefined } | { readonly bytes?: undefined; readonly error: FileReadError };
export type TextResult = { readonly text: string; readonly error?: undefined } | { readonly text?: undefined; readonly error: FileReadError };

// O_NONBLOCK does not exist on Windows (where a FIFO is not a path): 0 there.
const FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0);
const CHUNK = 64 * 1024;

/** Reads the regular file at `path` (symlinks followed), at most `maxBytes` bytes. Never throws. */
export function readRegularFileBytesSync(path: string, maxBytes: number = DEFAULT_MAX_FILE_BYTES): BytesResult {
  let fd: number;
  try {
    fd = openSync(path, FLAGS);
  } catch (e) {
    return { error: openError(e) };
  }
  try {
    const problem = judge(fstatSync(fd), maxBytes);
    if (problem) return { error: problem };
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const buf = Buffer.allocUnsafe(Math.min(CHUNK, maxBytes + 1 - total));
      const n = readSync(fd, buf, 0, buf.length, null);
      if (n === 0) break;
      chunks.push(n === buf.length ? buf : buf.subarray(0, n));
      total += n;
      if (total > maxBytes) return { error: tooLarge(total, maxBytes) };
    }
    return { bytes: Buffer.concat(chunks, total) };
  } catch (e) {
    return { error: openError(e) };
  } finally {
    try { closeSync(fd); } catch { /* already reported */ }
  }
}

/** Like readRegularFileBytesSync, without blocking the thread (for the server and the fs module). */
export async function readRegularFileBytes(path: string, maxBytes: number = DEFAULT_MAX_FILE_BYTES): Promise<BytesResult> {
  let handle;
  try {
    handle = await open(path, FLAGS);
  } catch (e) {
    return { error: openError(e) };
  }
  try {
    return await readOpenFile(handle, maxBytes);
  } finally {
    await handle.close().catch(() => undefined);
  }
}

/**
 * Reads an already opened file (the fs module opens and verifies it first): a regular file only,
 * at most `maxBytes` (checked on the bytes read too: a file may grow after the stat). Never throws;
 * does not close the handle.
 */
export async function readOpenFile(handle: FileHandle, maxBytes: number = DEFAULT_MAX_FILE_BYTES): Promise<BytesResult> {
  try {
    const problem = judge(await handle.stat(), maxBytes);
    if (problem) return { error: problem };
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const buf = Buffer.allocUnsafe(Math.min(CHUNK * 4, maxBytes + 1 - total));
      const { bytesRead } = await handle.read(buf, 0, buf.length, null);
      if (bytesRead === 0) break;
      chunks.push(bytesRead === buf.length ? buf : buf.subarray(0, bytesRead));
      total += bytesRead;
      if (total > maxBytes) return { error: tooLarge(total, maxBytes) };
    }
    return { bytes: Buffer.concat(chunks, total) };
  } catch (e) {
    return { error: openError(e) };
  }
}

/**
 * Whether `path` is a regular file of at most `maxBytes` (symlinks followed), for files that another
 * library reads itself (a host module file Node loads): the problem, or undefined. Never throws.
 */
export function regularFileProblem(path: string, maxBytes: number = DEFAULT_MAX_FILE_BYTES): FileReadError | undefined {
  try {
    return judge(statSync(path), maxBytes);
  } catch (e) {
    return openError(e);
  }
}

/** The file as UTF-8 text (a leading BOM kept: callers that skip it say so). Never throws. */
export function readRegularFileSync(path: string, maxBytes: number = DEFAULT_MAX_FILE_BYTES): TextResult {
  const r = readRegularFileBytesSync(path, maxBytes);
  return r.error ? r : { text: r.bytes.toString('utf8') };
}

/** The file as UTF-8 text, without blocking the thread. Never throws. */
export async function readRegularFile(path: string, maxBytes: number = DEFAULT_MAX_FILE_BYTES): Promise<TextResult> {
  const r = await readRegularFileBytes(path, maxBytes);
  return r.error ? r : { text: r.bytes.toString('utf8') };
}

/** `<path>: <message>`, the way every caller names a file it could not read. */
export function describeReadError(path: string, error: FileReadError): string {
  return `${path}: ${error.message}`;
}

function judge(st: Stats, maxBytes: number): FileReadError | undefined {
  if (!st.isFile()) return { kind: 'not-regular', message: `not a regular file (${fileKind(st)})` };
  if (st.size > maxBytes) return tooLarge(st.size, maxBytes);
  return undefined;
}

function tooLarge(size: number, limit: number): FileReadError {
  return { kind: 'too-large', message: `too large: ${size} bytes (the limit is ${limit} bytes, setting maxFileSize)`, size, limit };
}

function fileKind(st: Stats): string {
  if (st.isDirectory()) return 'a folder';
  if (st.isFIFO()) return 'a FIFO';
  if (st.isCharacterDevice()) return 'a character device';
  if (st.isBlockDevice()) return 'a block device';
  if (st.isSocket()) return 'a socket';
  return 'not a file';
}

function openError(e: unknown): FileReadError {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return { kind: 'not-found', message: 'no such file' };
  if (code === 'EISDIR') return { kind: 'not-regular', message: 'not a regular file (a folder)' };
  if (code === 'ENXIO') return { kind: 'not-regular', message: 'not a regular file (a socket or device without a reader)' };
  return { kind: 'unreadable', message: `cannot read${code ? ` (${code})` : `: ${(e as Error).message}`}` };
}
