// Runs Lua source in luamod's runtime in-process (the real fengari engine and sandbox, no host
// modules) and returns what a native `lua5.3 snippet.lua` run is compared with.
import { runScript } from '../../src/runtime/run-script';
import { normalizeOutput } from './snippet-file.mjs';

/** Runs a snippet as `snippet.lua`; its output bytes, plus `error: snippet.lua:LINE: message` as `lua5.3` shows a failure. */
export async function runSnippet(source: Buffer, timeoutMs = 60_000): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  const r = await runScript({ source, chunkName: 'snippet.lua', modules: [], onOutputBytes: (b) => chunks.push(b), timeoutMs });
  let out = Buffer.concat(chunks);
  if (r.error) {
    const where = r.error.line !== undefined ? `snippet.lua:${r.error.line}: ` : '';
    out = Buffer.concat([out, Buffer.from(`error: ${where}${r.error.message}\n`, 'latin1')]);
  }
  return normalizeOutput(out);
}

