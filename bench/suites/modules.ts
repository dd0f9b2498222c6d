// Built-in module cores against the JS baselines they replace (JSON, base64, dates), and module
// calls from Lua on the real VM against a plain Lua call of the same shape.
import { decodeBase64, encodeBase64 } from '../../src/modules/base64/codec';
import { decodeJson } from '../../src/modules/json/decode';
import { encodeJson } from '../../src/modules/json/encode';
import { makeInstant } from '../../src/modules/time/instant';
import { formatTime, RFC3339 } from '../../src/modules/time/layout-format';
import { parseTime } from '../../src/modules/time/layout-parse';
import { builtinModules } from '../../src/modules';
import { createTestScheduler } from '../../src/runtime/test-scheduler';
import type { LuaValue } from '../../src/module/host-api';
import { defineSuite } from '../harness';

/** A JSON document of ~20 KB: an array of small records. */
function document(): LuaValue {
  return Array.from({ length: 200 }, (_, i) => ({
    id: i, name: `item-${i}`, price: i * 1.25, tags: ['a', 'b', String(i % 7)], nested: { ok: i % 2 === 0, note: 'héllo "quoted"' },
  }));
}

export default defineSuite({
  name: 'modules',
  description: 'built-in module cores vs JS baselines; Lua -> module calls vs plain Lua calls',
  async run(b) {
    const doc = document();
    const text = JSON.stringify(doc);
    b.reference('JSON.stringify 20 KB', () => JSON.stringify(doc));
    b.bench('json encodeJson 20 KB', () => encodeJson(doc));
    b.reference('JSON.parse 20 KB', () => JSON.parse(text));
    b.bench('json decodeJson 20 KB', () => decodeJson(text));

    const bytes = new Uint8Array(64 * 1024).map((_, i) => (i * 31) & 255);
    const coded = Buffer.from(bytes).toString('base64');
    b.reference('Buffer base64 decode 64 KB', () => Buffer.from(coded, 'base64'));
    b.bench('base64 decodeBase64 64 KB (strict)', () => decodeBase64(coded));
    b.bench('base64 encodeBase64 64 KB', () => encodeBase64(bytes));

    const instants = Array.from({ length: 100 }, (_, i) => makeInstant(1_600_000_000 + i * 86_399, i * 1000, 0, 'UTC'));
    const dates = instants.map((t) => new Date(t.sec * 1000));
    const stamps = instants.map((t) => formatTime(t, RFC3339));
    b.reference('Date.toISOString x100', () => { for (const d of dates) d.toISOString(); });
    b.bench('time formatTime RFC3339 x100', () => { for (const t of instants) formatTime(t, RFC3339); });
    b.reference('Date.parse x100', () => { for (const s of stamps) Date.parse(s); });
    b.bench('time parseTime RFC3339 x100', () => { for (const s of stamps) parseTime(RFC3339, s); });

    const ts = createTestScheduler({ modules: builtinModules, output: () => undefined });
    const run = async (script: string) => {
      const r = await ts.run(script);
      if (r.error) throw new Error(r.error.message);
    };
    b.reference('lua: 1000 x tostring({})', () => run('local t = {} for i = 1, 1000 do local s = tostring(i) end'));
    b.bench('lua: 1000 x hash.sha256', () => run('for i = 1, 1000 do local s = hash.sha256("abc") end'));
    b.bench('lua: 1000 x json.encode small table', () => run('local t = { a = 1, b = { 1, 2 } } for i = 1, 1000 do local s = json.encode(t) end'));
    b.bench('lua: 1000 x time.now():unix()', () => run('for i = 1, 1000 do local s = time.now():unix() end'));
  },
});
