// The Lua files of a project, for the project layer's index of declared types and globals and for
// module-name completion (src/checker/workspace-modules.ts). Bounded: a root without a config may be
// any folder (a single file opened from a home directory), so the walk stops at a depth and a count.
import { globSync } from 'tinyglobby';

/** Folders never walked. */
const ALWAYS_IGNORED = ['**/node_modules/**', '**/.git/**'];
/** At most this many files are listed (the rest are still found by `require`, just not indexed). */
export const MAX_PROJECT_FILES = 20_000;
/** Folders deeper than this under the root are not walked. */
const MAX_DEPTH = 16;

/** Every `*.lua` file under `root` (absolute paths), minus `isExcluded` ones, bounded. */
export function projectLuaFiles(root: string, isExcluded: (file: string) => boolean = () => false): string[] {
  let found: string[];
  try {
    found = globSync(['**/*.lua'], { cwd: root, absolute: true, dot: false, ignore: ALWAYS_IGNORED, followSymbolicLinks: false, deep: MAX_DEPTH });
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const f of found) {
    if (isExcluded(f)) continue;
    out.push(f);
    if (out.length >= MAX_PROJECT_FILES) break;
  }
  return out;
}
