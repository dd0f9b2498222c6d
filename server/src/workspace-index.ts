// The background index of every `*.lua` file in the workspace folders: symbols for
// workspace/symbol, and snapshots of closed files on demand. Reports `$/progress` and
// `luamod/status`; honours the configuration's excluded globs; keeps no syntax trees.
import { statSync } from 'node:fs';
import { relative } from 'node:path';
import picomatch from 'picomatch';
import { glob } from 'tinyglobby';
import { FileChangeType, type Connection } from 'vscode-languageserver/node';
import { StatusNotification } from '../../src/protocol/luamod-protocol';
import { createSnapshot, type Snapshot } from '../../src/service/snapshot';
import type { Project } from '../../src/service/project';
import type { ServiceSettings } from '../../src/service/settings';
import { indexEntries, type IndexEntry } from '../../src/service/workspaceSymbol';
import type { Logger } from './logger';
import { pathToUri, uriToPath } from '../../src/service/uri';
import { readWorkspaceFile, readWorkspaceFileSync } from './read-workspace-file';

/** Files above this size are indexed by name only (their symbols and workspace diagnostics are skipped). */
export const MAX_INDEXED_BYTES = 2 * 1024 * 1024;
/** Closed files above this size are not read for requests (open them to work on them). */
const MAX_DISK_BYTES = 16 * 1024 * 1024;
const ALWAYS_EXCLUDED = ['**/node_modules/**', '**/.git/**'];

export interface WorkspaceIndex {
  /** Indexes every Lua file of `folders` (replacing the previous index); resolves with the count. */
  indexFolders(folders: readonly string[], connection: Connection): Promise<number>;
  /**
   * A watched `.lua` file was created, changed or deleted. Files outside the workspace folders or
   * excluded by the configuration are not indexed. Returns whether the file is indexed afterwards.
   */
  fileChanged(uri: string, type: FileChangeType): boolean;
  /** Whether `uri` is an indexed file. */
  has(uri: string): boolean;
  /** Whether an indexing run is in progress (the file list is incomplete meanwhile). */
  indexing(): boolean;
  /** Every indexed symbol, all files. */
  entries(): Iterable<IndexEntry>;
  /** Number of indexed files. */
  size(): number;
  /** URIs of every indexed file. */
  uris(): string[];
  /** The snapshot of a closed file read from disk (cached by mtime), or undefined. */
  diskSnapshot(uri: string): Snapshot | undefined;
  /** Forgets cached disk snapshots (configuration changed). */
  invalidateSnapshots(): void;
  /** Forgets the cached disk snapshot of one file (a module it requires changed). */
  forgetSnapshot(uri: string): void;
  dispose(): void;
}

export function createWorkspaceIndex(
  log: Logger,
  projectFor: (uri: string) => Project,
  settings: () => ServiceSettings,
  workspaceFolders: () => readonly string[] = () => [],
): WorkspaceIndex {
  const files = new Map<string, readonly IndexEntry[]>();
  const disk = new Map<string, { mtimeMs: number; snap: Snapshot }>();
  let generation = 0;
  let running = 0;
  let indexedFolders: readonly string[] = [];

  /** Whether a path belongs to the index: under a workspace folder and not excluded. */
  function indexable(path: string): boolean {
    for (const folder of indexedFolders) {
      const rel = relative(folder, path).split('\\').join('/');
      if (rel === '' || rel === '..' || rel.startsWith('../') || /^[a-zA-Z]:/.test(rel) || rel.startsWith('/')) continue;
      const project = projectFor(pathToUri(folder + '/.luamod-index'));
      const isExcluded = picomatch([...ALWAYS_EXCLUDED, ...project.excludeGlobs(folder)], { dot: true });
      return !isExcluded(rel);
    }
    return false;
  }

  function indexText(uri: string, text: string): void {
    if (text.length > MAX_INDEXED_BYTES) {
      files.set(uri, []);
      return;
    }
    try {
      files.set(uri, indexEntries(createSnapshot(uri, -1, text, projectFor(uri), uriToPath(uri))));
    } catch (err) {
      log.error(`indexing ${uri} failed`, err);
      files.set(uri, []);
    }
  }

  async function indexNow(folders: readonly string[], connection: Connection): Promise<number> {
    const mine = ++generation;
    files.clear();
    indexedFolders = settings().indexWorkspace ? [...folders] : [];
    if (!settings().indexWorkspace || folders.length === 0) {
      connection.sendNotification(StatusNotification, { state: 'ready', files: 0 });
      return 0;
    }
    const progress = await connection.window.createWorkDoneProgress().catch(() => undefined);
    progress?.begin('luamod: indexing', 0, 'finding Lua files', false);
    connection.sendNotification(StatusNotification, { state: 'indexing', files: 0 });
    const paths: string[] = [];
    for (const folder of folders) {
      const project = projectFor(pathToUri(folder + '/.luamod-index'));
      try {
        paths.push(
          ...(await glob('**/*.lua', {
            cwd: folder,
            absolute: true,
            ignore: [...ALWAYS_EXCLUDED, ...project.excludeGlobs(folder)],
            followSymbolicLinks: false,
          })),
        );
      } catch (err) {
        log.error(`listing ${folder} failed`, err);
      }
    }
    let done = 0;
    let lastReport = 0;
    for (const path of paths) {
      if (mine !== generation) return done; // a newer indexing run took over
      // Very large files are listed without symbols, and not even read; devices and FIFOs are skipped.
      const read = await readWorkspaceFile(path, folders, MAX_INDEXED_BYTES);
      if (read.error?.kind === 'too-large') files.set(pathToUri(path), []);
      else if (read.error) log.warn(`cannot read ${path}: ${read.error.message}`);
      else indexText(pathToUri(path), read.text);
      done++;
      const now = Date.now();
      if (now - lastReport > 100) {
        lastReport = now;
        progress?.report(Math.round((done / paths.length) * 100), `${done}/${paths.length} files`);
        connection.sendNotification(StatusNotification, { state: 'indexing', files: done, total: paths.length });
      }
      await new Promise((r) => setImmediate(r)); // let waiting requests through after every file
    }
    progress?.done();
    connection.sendNotification(StatusNotification, { state: 'ready', files: done });
    log.info(`indexed ${done} Lua files`);
    return done;
  }

  return {
    async indexFolders(folders, connection) {
      running++;
      try {
        return await indexNow(folders, connection);
      } finally {
        running--;
      }
    },
    fileChanged(uri, type) {
      disk.delete(uri);
      const path = uriToPath(uri);
      if (type === FileChangeType.Deleted || !path || !indexable(path)) {
        files.delete(uri);
        return false;
      }
      const read = readWorkspaceFileSync(path, indexedFolders, MAX_INDEXED_BYTES);
      if (read.error?.kind === 'too-large') files.set(uri, []);
      else if (read.error) {
        files.delete(uri);
        return false;
      } else indexText(uri, read.text);
      return true;
    },
    has: (uri) => files.has(uri),
    indexing: () => running > 0,
    *entries() {
      for (const list of files.values()) yield* list;
    },
    size: () => files.size,
    uris: () => [...files.keys()],
    diskSnapshot(uri) {
      const path = uriToPath(uri);
      if (!path) return undefined;
      try {
        // Only inside a workspace folder, only a regular file (a client may name any URI).
        const st = statSync(path);
        if (!st.isFile() || st.size > MAX_DISK_BYTES) return undefined;
        const cached = disk.get(uri);
        if (cached && cached.mtimeMs === st.mtimeMs) return cached.snap;
        const project = projectFor(uri);
        const read = readWorkspaceFileSync(path, workspaceFolders(), Math.min(MAX_DISK_BYTES, project.maxFileSize));
        if (read.error) return undefined;
        const snap = createSnapshot(uri, -1, read.text, project, path);
        if (disk.size > 32) disk.clear();
        disk.set(uri, { mtimeMs: st.mtimeMs, snap });
        return snap;
      } catch {
        return undefined;
      }
    },
    invalidateSnapshots() {
      disk.clear();
    },
    forgetSnapshot(uri) {
      disk.delete(uri);
    },
    dispose() {
      generation++;
      disk.clear();
    },
  };
}
