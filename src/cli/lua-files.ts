// The Lua files that command-line paths name: files as given, folders walked for `**/*.lua`
// (node_modules skipped), minus what the nearest `.luamodrc.json` excludes — unless the folder
// itself was named on the command line.
import { statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { globSync } from 'tinyglobby';
import { configFor, isExcluded, type ConfigResult } from '../config/config';

export interface LuaFiles {
  readonly files: readonly string[];
  /** Each file's root: the folder named on the command line that it was found in, else its own folder. */
  readonly roots: ReadonlyMap<string, string>;
  /** Paths that do not exist (already reported through `err`). */
  readonly missing: readonly string[];
}

/** Expands `paths` (not `-`) to the Lua files they name. */
export function luaFilesOf(paths: readonly string[], command: string, err: (s: string) => void, configOf: (file: string) => ConfigResult = configFor): LuaFiles {
  const files: string[] = [];
  const roots = new Map<string, string>();
  const missing: string[] = [];
  for (const p of paths) {
    let isDir: boolean;
    try { isDir = statSync(p).isDirectory(); } catch {
      err(`luamod ${command}: cannot read '${p}': no such file or folder\n`);
      missing.push(p);
      continue;
    }
    if (!isDir) {
      files.push(resolve(p));
      if (!roots.has(resolve(p))) roots.set(resolve(p), dirname(resolve(p)));
      continue;
    }
    const found = globSync(['**/*.lua'], { cwd: p, absolute: true, dot: false, ignore: ['**/node_modules/**'] }).sort();
    const rootConfig = configOf(resolve(p, '.luamodrc.json')).config;
    const named = rootConfig !== undefined && isExcluded(rootConfig, resolve(p));
    for (const f of found) {
      const c = configOf(f);
      // The file's own config excludes it, or the walked folder's does (e.g. a nested project with its own config).
      if (!named && ((c.config && isExcluded(c.config, f)) || (rootConfig && isExcluded(rootConfig, f)))) continue;
      files.push(resolve(f));
      if (!roots.has(resolve(f))) roots.set(resolve(f), resolve(p));
    }
  }
  return { files, roots, missing };
}
