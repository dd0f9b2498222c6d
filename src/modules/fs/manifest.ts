// The `fs` module's manifest: every function yields to the fs dispatcher.
import { newManifest, type TypeManifest } from '../../types/manifest';
import { exportRecord, fn } from '../manifest-kit';

/** One line of summary, then the module's notes (markdown; shown on its docs page and on hover). */
export const FS_DESCRIPTION = 'Files under a root folder the host configures (CLI: `--fs-root DIR`, default the current folder).\n\n' +
  'Paths are relative to the root and `/`-separated; a path that leaves the root (`..` above it, an absolute path, or a symlink pointing outside) gives `PERMISSION_DENIED`, whether or not anything exists there; a missing file inside the root gives `NOT_FOUND`. Every call suspends the script while the I/O runs (other scripts keep going). Permission actions `fs.read` (read, exists, list) / `fs.write` (write, remove), resource = the normalised path relative to the root (`data/x.txt`); when a symlink leads elsewhere in the root, the path it leads to must be allowed too (a deny on `secret*` holds for `alias -> secret.txt`). Files and folders are checked again once opened, so swapping a symlink during a call cannot redirect it outside the root.';

/** Builds the manifest (pure; cheap). */
export function fsManifest(): TypeManifest {
  const m = newManifest('fs', FS_DESCRIPTION);
  m.setExport(exportRecord('fs', {
    read: fn({
      sig: 'fun(path: string) -> (string?, Error?)', yields: true, description: 'The contents of a file (bytes).',
      params: { path: 'File path relative to the root.' }, returns: 'The contents, or `nil` and an error.',
      errors: ['NOT_FOUND', 'PERMISSION_DENIED', 'INVALID', 'INTERNAL'],
      example: 'local text, err = fs.read("data/config.json")',
    }),
    write: fn({
      sig: 'fun(path: string, data: string) -> (boolean?, Error?)', yields: true,
      description: 'Writes `data` to a file, replacing it; creates missing parent folders.',
      params: { path: 'File path relative to the root.', data: 'The contents (bytes).' }, returns: '`true`, or `nil` and an error.',
      errors: ['PERMISSION_DENIED', 'INVALID', 'INTERNAL'],
      example: 'assert(fs.write("out/report.txt", "done\\n"))',
    }),
    exists: fn({
      sig: 'fun(path: string) -> boolean', yields: true,
      description: 'True when a file or folder exists at `path`. A path outside the root or not readable (`fs.read` denied) answers `false`.',
      params: { path: 'Path relative to the root.' }, returns: 'Whether it exists.',
      example: 'if not fs.exists("cache") then fs.write("cache/.keep", "") end',
    }),
    list: fn({
      sig: 'fun(dir: string) -> (string[]?, Error?)', yields: true,
      description: 'The names in a folder, sorted (folders end with `/`). Use `"."` for the root.',
      params: { dir: 'Folder path relative to the root.' }, returns: 'The names, or `nil` and an error.',
      errors: ['NOT_FOUND', 'PERMISSION_DENIED', 'INVALID', 'INTERNAL'],
      example: 'for _, name in ipairs(fs.list(".")) do print(name) end',
    }),
    remove: fn({
      sig: 'fun(path: string) -> (boolean?, Error?)', yields: true,
      description: 'Deletes a file or an empty folder.',
      params: { path: 'Path relative to the root.' }, returns: '`true`, or `nil` and an error.',
      errors: ['NOT_FOUND', 'PERMISSION_DENIED', 'INVALID', 'INTERNAL'],
      example: 'local ok, err = fs.remove("out/report.txt")',
    }),
  }));
  return m;
}
