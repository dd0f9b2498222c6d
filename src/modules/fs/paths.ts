// Script paths for the fs module: relative, `/`-separated, confined to the root. Normalising is
// pure text work; symlinks are checked by the dispatcher against the real file system.

export type PathResult =
  | { readonly rel: string }
  | { readonly error: { readonly kind: 'INVALID' | 'PERMISSION_DENIED'; readonly message: string } };

/**
 * Normalises a script path to a relative path inside the root (`.` for the root itself).
 * Absolute paths and `..` that climb above the root are PERMISSION_DENIED; empty paths and NUL
 * bytes are INVALID.
 */
export function normalizeScriptPath(path: string): PathResult {
  if (path === '') return { error: { kind: 'INVALID', message: 'empty path' } };
  if (path.includes('\0')) return { error: { kind: 'INVALID', message: 'path contains a NUL byte' } };
  if (path.startsWith('/') || path.startsWith('\\') || /^[A-Za-z]:/.test(path)) {
    return { error: { kind: 'PERMISSION_DENIED', message: `absolute path ${JSON.stringify(path)} is outside the fs root` } };
  }
  const parts: string[] = [];
  for (const seg of path.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (parts.length === 0) {
        return { error: { kind: 'PERMISSION_DENIED', message: `path ${JSON.stringify(path)} leaves the fs root` } };
      }
      parts.pop();
      continue;
    }
    parts.push(seg);
  }
  return { rel: parts.length === 0 ? '.' : parts.join('/') };
}
