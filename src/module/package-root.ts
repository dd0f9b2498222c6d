// Finds the luamod package folder (the one holding its package.json), from the bundle in dist/ or
// from the sources, so bundled manifests/ can be found wherever luamod is installed.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { readRegularFileSync } from '../io/read-regular-file';

/** The nearest folder above `start` whose package.json is named `luamod`, or undefined. */
export function findPackageRoot(start: string = __dirname): string | undefined {
  let dir = start;
  for (;;) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg)) {
      try {
        const read = readRegularFileSync(pkg, 1024 * 1024);
        if (read.text !== undefined && (JSON.parse(read.text) as { name?: string }).name === 'luamod') return dir;
      } catch {
        // not ours; keep looking
      }
    }
    const up = dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
}
