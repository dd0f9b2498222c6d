// `node bench/parse-files.cjs [--ranges] FILE...`: reads and parses each file with luaparse (Lua 5.3)
// and nothing else. The check suite runs it as a cold process: the least any luaparse-based
// `luamod check` of the same files could cost on this machine.
'use strict';
const { readFileSync } = require('node:fs');
const { parse } = require('luaparse');

const args = process.argv.slice(2);
const ranges = args[0] === '--ranges';
const options = ranges ? { luaVersion: '5.3', ranges: true, comments: true } : { luaVersion: '5.3' };
let failed = 0;
for (const file of ranges ? args.slice(1) : args) {
  try { parse(readFileSync(file, 'utf8'), options); } catch { failed++; }
}
process.stdout.write(`${failed} files did not parse\n`);
