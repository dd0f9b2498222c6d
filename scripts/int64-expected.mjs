// Regenerates test/fengari/int64/*.expected: the output of native `lua5.3` (C Lua, 64-bit integers)
// for each snippet. Usage: node scripts/int64-expected.mjs  (needs /usr/bin/lua5.3: apt-get install lua5.3)
import { execFileSync } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = join(import.meta.dirname, '..', 'test', 'fengari', 'int64');
for (const name of readdirSync(dir).filter((f) => f.endsWith('.lua')).sort()) {
  const out = execFileSync('lua5.3', [name], { cwd: dir });
  writeFileSync(join(dir, name.replace(/\.lua$/, '.expected')), out);
  console.log(`${name}: ${out.toString('latin1').split('\n').length - 1} lines`);
}
