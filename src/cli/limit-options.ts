// The limit and grant options `luamod run` and `luamod test` share: values in MiB with a minimum
// (0 means no limit), and the spellings of the fs root an absolute grant may use.
import { realpathSync } from 'node:fs';

/** The smallest --max-memory (MiB) other than 0: below it a value would round to 0, no limit. */
export const MIN_MEMORY_MIB = 8;

/**
 * A `--max-*` value in MiB as bytes (undefined when absent). 0 means no limit; any other value
 * below `minBytes` (which would otherwise round to 0, no limit) is an error, as are negatives.
 */
export function mebibytes(flag: string, value: string | undefined, minBytes: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < 0) throw new Error(`invalid ${flag} '${value}': expected a number of MiB (0: no limit)`);
  const bytes = Math.round(n * 1024 * 1024);
  if (n !== 0 && bytes < minBytes) {
    throw new Error(`invalid ${flag} '${value}': the smallest limit is ${minBytes >= 1024 * 1024 ? `${minBytes / 1024 / 1024} MiB` : `${minBytes} bytes`} (0 means no limit)`);
  }
  return bytes;
}

/** The fs root as given and as its real path (an absolute grant may use either). */
export function fsRootSpellings(root: string): string[] {
  try {
    const real = realpathSync(root);
    return real === root ? [root] : [root, real];
  } catch {
    return [root];
  }
}
