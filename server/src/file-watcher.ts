// A file watcher inside the server, for clients that cannot watch files for it (no dynamic
// registration of workspace/didChangeWatchedFiles: Neovim 0.7, many minimal clients). Node 20's
// recursive fs.watch on each workspace folder; events for *.lua and *.json files are coalesced for
// a short moment and delivered as the same FileEvents a client would send.
import { existsSync, watch, type FSWatcher } from 'node:fs';
import { join, sep } from 'node:path';
import { FileChangeType, type FileEvent } from 'vscode-languageserver/node';
import { pathToUri } from '../../src/service/uri';

/** Folders never watched (besides the config's excludes, which the handlers apply). */
const SKIPPED = [`${sep}node_modules${sep}`, `${sep}.git${sep}`];
const DELAY_MS = 50;

export interface ServerFileWatcher { close(): void }

/** Watches `folders` and calls `deliver` with batches of changes; errors go to `warn`, never thrown. */
export function watchFolders(folders: readonly string[], deliver: (changes: FileEvent[]) => void, warn: (message: string) => void): ServerFileWatcher {
  const watchers: FSWatcher[] = [];
  const pending = new Map<string, boolean>(); // path → seen as a 'rename' (created or deleted)
  let timer: NodeJS.Timeout | undefined;
  const flush = () => {
    timer = undefined;
    const changes: FileEvent[] = [];
    for (const [path, renamed] of pending) {
      const exists = existsSync(path);
      changes.push({ uri: pathToUri(path), type: !exists ? FileChangeType.Deleted : renamed ? FileChangeType.Created : FileChangeType.Changed });
    }
    pending.clear();
    if (changes.length > 0) deliver(changes);
  };
  for (const folder of folders) {
    try {
      const w = watch(folder, { recursive: true, persistent: false }, (event, name) => {
        if (!name) return;
        const path = join(folder, name.toString());
        if (!/\.(lua|json)$/.test(path) || SKIPPED.some((s) => path.includes(s))) return;
        pending.set(path, (pending.get(path) ?? false) || event === 'rename');
        timer ??= setTimeout(flush, DELAY_MS);
      });
      w.on('error', (e) => warn(`file watcher on ${folder} stopped: ${e.message}`));
      watchers.push(w);
    } catch (e) {
      warn(`cannot watch ${folder}: ${(e as Error).message} (changes on disk are seen when files are opened)`);
    }
  }
  return {
    close() {
      if (timer) clearTimeout(timer);
      for (const w of watchers) w.close();
    },
  };
}
