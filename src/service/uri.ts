// URI <-> file path conversion, in one place for the service and the server. Non-`file:` URIs
// (untitled buffers, virtual documents) have no path and are still served from their open text.
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The file system path of a `file:` URI, or undefined for any other scheme or a malformed URI. */
export function uriToPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

/** The `file:` URI of an absolute path. */
export function pathToUri(path: string): string {
  return pathToFileURL(path).href;
}

/** Normalises a URI so that the same file always has the same key (case of the drive letter, escapes). */
export function normalizeUri(uri: string): string {
  const path = uriToPath(uri);
  return path === undefined ? uri : pathToUri(path);
}
