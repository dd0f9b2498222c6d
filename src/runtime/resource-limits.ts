// Resource limits beyond time and instructions: the memory an engine's scripts may add (checked by
// the count hook) and the size of one string a library call may build (string-builders.ts), with
// their defaults.
import { getHeapStatistics } from 'node:v8';

/** Default memory limit: 256 MiB of heap growth (V8 heap + external buffers, where strings live). */
export const DEFAULT_MEMORY_BYTES = 256 * 1024 * 1024;
/** Default largest string a library function may build: 16 MiB. */
export const DEFAULT_STRING_BYTES = 16 * 1024 * 1024;

/** Bytes in use by this JS process: the V8 heap plus external memory (fengari strings are Uint8Arrays). */
export function usedMemoryBytes(): number {
  const h = getHeapStatistics() as ReturnType<typeof getHeapStatistics> & { external_memory?: number };
  return h.used_heap_size + (h.external_memory ?? 0);
}

/** `256 MiB` for messages. */
export function formatBytes(n: number): string {
  return n % (1024 * 1024) === 0 ? `${n / (1024 * 1024)} MiB` : `${n} bytes`;
}
