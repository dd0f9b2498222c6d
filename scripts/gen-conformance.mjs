// Regenerates test/conformance/snippets/*.expected from native C Lua 5.3 (`lua5.3`, Debian's
// package): each snippet of a `.lua` file (a `-- @@ name` line starts one) runs alone as
// `snippet.lua` with TZ=UTC and LC_ALL=C; its stdout bytes, plus `error: <message>` when it
// fails, are the expected output. Usage: node scripts/gen-conformance.mjs [area...]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { splitSnippets, joinExpected } from '../test/conformance/snippet-file.mjs';

const dir = 'test/conformance/snippets';
const lua = process.env.LUA ?? 'lua5.3';
const only = process.argv.slice(2);
const work = mkdtempSync(join(tmpdir(), 'luamod-conformance-'));
try {
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.lua')).sort()) {
    const area = file.slice(0, -4);
    if (only.length > 0 && !only.includes(area)) continue;
    const snippets = splitSnippets(readFileSync(join(dir, file)), file);
    const outputs = snippets.map((s) => {
      writeFileSync(join(work, 'snippet.lua'), s.source);
      const r = spawnSync(lua, ['snippet.lua'], { cwd: work, env: { PATH: process.env.PATH, TZ: 'UTC', LC_ALL: 'C' }, timeout: 20000 });
      if (r.error) throw new Error(`${file}: ${s.name}: cannot run ${lua}: ${r.error.message}`);
      let out = r.stdout;
      if (r.status !== 0) {
        const first = r.stderr.toString('latin1').split('\n')[0].replace(/^lua5\.3: /, '');
        out = Buffer.concat([out, Buffer.from(`error: ${first}\n`, 'latin1')]);
      }
      return { name: s.name, output: out };
    });
    writeFileSync(join(dir, `${area}.expected`), joinExpected(outputs));
    process.stdout.write(`${area}: ${snippets.length} snippets\n`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
