// The server's only way to read a file from disk: the file must be inside a workspace folder (after
// symlinks are resolved) and be a regular file within the size limit (src/io/read-regular-file.ts).
// A client naming any other path (`file:///proc/self/environ`, `file:///dev/zero`) gets nothing:
// only documents the client opened itself (their text comes from the client) are seen elsewhere.
import { isInsideFolder } from '../../src/config/config';
import { readRegularFile, readRegularFileSync, type TextResult } from '../../src/io/read-regular-file';

/** Why the server refused to read a path outside every workspace folder. */
export const OUTSIDE_WORKSPACE = 'outside the workspace folders (the server reads only files inside them, or documents the editor opened)';

/** Whether `path` (symlinks resolved) is inside one of `folders`. */
export function insideWorkspace(path: string, folders: readonly string[]): boolean {
  return folders.some((f) => isInsideFolder(f, path));
}

/** Reads a workspace file; never throws, never blocks on a FIFO or device. */
export function readWorkspaceFileSync(path: string, folders: readonly string[], maxBytes: number): TextResult {
  if (!insideWorkspace(path, folders)) return { error: { kind: 'unreadable', message: OUTSIDE_WORKSPACE } };
  return readRegularFileSync(path, maxBytes);
}

/** Like readWorkspaceFileSync, without blocking the thread. */
export async function readWorkspaceFile(path: string, folders: readonly string[], maxBytes: number): Promise<TextResult> {
  if (!insideWorkspace(path, folders)) return { error: { kind: 'unreadable', message: OUTSIDE_WORKSPACE } };
  return readRegularFile(path, maxBytes);
}
