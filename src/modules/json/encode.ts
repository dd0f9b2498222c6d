// Encodes host values (what LState.get gives for a Lua value) as compact JSON text. Object keys
// are sorted so that the output is deterministic; an empty table encodes as `[]`.
import type { LuaValue } from '../../module/host-api';
import { MAX_DEPTH } from './decode';

export type EncodeResult = { readonly text: string } | { readonly error: string };

class Fail extends Error {}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Encodes `value`; cycles, functions, userdata, NaN and infinities give an error naming the path. */
export function encodeJson(value: LuaValue): EncodeResult {
  try {
    return { text: encode(value, '$', new Set(), 0) };
  } catch (e) {
    if (e instanceof Fail) return { error: e.message };
    throw e;
  }
}

function encode(v: LuaValue, path: string, seen: Set<object>, depth: number): string {
  if (v === null || v === undefined) return 'null';
  switch (typeof v) {
    case 'boolean': return v ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(v)) throw new Fail(`cannot encode ${Number.isNaN(v) ? 'NaN' : 'an infinite number'} at ${path}`);
      return String(v);
    case 'bigint': return v.toString(); // a Lua integer beyond ±(2^53 - 1): exact digits
    case 'string': return JSON.stringify(v);
  }
  if (v instanceof Uint8Array) {
    try {
      return JSON.stringify(utf8.decode(v));
    } catch {
      throw new Fail(`cannot encode a string that is not valid UTF-8 at ${path}`);
    }
  }
  if ('opaque' in v && typeof v.opaque === 'string') {
    // The runtime hands a table already being converted (a cycle) over as `{opaque: 'cycle'}`.
    if (v.opaque === 'cycle') throw new Fail(`cannot encode a table that contains itself (cycle at ${path})`);
    throw new Fail(`cannot encode a ${v.opaque} at ${path}`);
  }
  if ('userdata' in v && typeof v.userdata === 'string' && 'value' in v) throw new Fail(`cannot encode a ${v.userdata} userdata at ${path}`);
  if (seen.has(v)) throw new Fail(`cannot encode a table that contains itself (cycle at ${path})`);
  if (depth >= MAX_DEPTH) throw new Fail(`cannot encode tables nested deeper than ${MAX_DEPTH} at ${path}`);
  seen.add(v);
  try {
    if (Array.isArray(v)) {
      return '[' + v.map((item, i) => encode(item, `${path}[${i + 1}]`, seen, depth + 1)).join(',') + ']';
    }
    const rec = v as { [key: string]: LuaValue };
    const keys = Object.keys(rec).sort();
    if (keys.length === 0) return '[]';
    const parts = keys.map((k) => JSON.stringify(k) + ':' + encode(rec[k], `${path}.${k}`, seen, depth + 1));
    return '{' + parts.join(',') + '}';
  } finally {
    seen.delete(v);
  }
}
