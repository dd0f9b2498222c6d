// os.date in local time for several time zones, against native lua5.3 run with the same TZ (modern
// dates: for old ones C's tzdata has abbreviations such as EWT or LMT that JS's Intl does not).
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { runSnippet } from '../conformance/run-snippet';

const hasLua = spawnSync('lua5.3', ['-v']).status === 0;
const ZONES = ['UTC', 'America/New_York', 'Europe/Berlin', 'Europe/London', 'Asia/Kolkata', 'Asia/Tokyo', 'Australia/Sydney', 'Africa/Johannesburg'];
const SOURCE = `
local convs = "aAbBcCdDeFgGhHIjmMnprRStTuUVwWxXyYzZ%"
for _, t in ipairs{0, 951782400, 1690000000, 1700000000, 1711846800, 1730000000} do
  local out = {}
  for c in convs:gmatch(".") do out[#out + 1] = os.date("%" .. c, t) end
  local d = os.date("*t", t)
  print(table.concat(out, "|"), d.hour, d.isdst, d.yday, os.time(d) == t)
end`;

describe.skipIf(!hasLua)('os.date in local time zones (vs native lua5.3)', () => {
  for (const zone of ZONES) {
    it(zone, async () => {
      const native = spawnSync('lua5.3', ['-'], { input: SOURCE, env: { PATH: process.env.PATH, TZ: zone, LC_ALL: 'C' } }).stdout.toString('latin1');
      const saved = process.env.TZ;
      process.env.TZ = zone;
      try {
        expect((await runSnippet(Buffer.from(SOURCE))).toString('latin1')).toBe(native);
      } finally {
        process.env.TZ = saved;
      }
    });
  }
});
