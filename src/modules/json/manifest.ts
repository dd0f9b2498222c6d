// The `json` module's manifest.
import { newManifest, type TypeManifest } from '../../types/manifest';
import { exportRecord, fn } from '../manifest-kit';

/** One line of summary, then the module's notes (markdown; shown on its docs page and on hover). */
export const JSON_DESCRIPTION = 'Encode Lua values as JSON text and decode JSON text into Lua values.\n\n' +
  '- A table whose keys are exactly 1..n encodes as an array; any other table (including one with holes) as an object with its keys sorted, so the output is deterministic.\n- **An empty table encodes as `[]`.**\n- JSON `null` decodes to `nil`: an object member set to `null` is absent, a `null` array element leaves a hole.\n- Numbers decode to integers when they are whole and safe integers (|x| <= 2^53 - 1), otherwise to floats, except a whole number that a double cannot hold exactly but 64 bits can (`9007199254740993`), which decodes as the exact integer. Integers beyond 2^53 encode as their exact digits.\n- Nesting is limited to 64 levels (deeper tables are reported as cycles, deeper JSON is `INVALID`).\n- Errors are `INVALID`: for `decode` with the line and column (`err:details()` has `line`, `column`, `offset`), for `encode` with the path of the bad value (`$.items[2]`).';

/** Builds the manifest (pure; cheap). */
export function jsonManifest(): TypeManifest {
  const m = newManifest('json', JSON_DESCRIPTION);
  m.setExport(exportRecord('json', {
    encode: fn({
      sig: 'fun(value: any) -> (string?, Error?)',
      description: 'Encodes `value` as compact JSON (strings are read as UTF-8). Tables that contain themselves, functions, userdata, NaN and infinities cannot be encoded.',
      params: { value: 'A nil, boolean, number, string or table of those.' },
      returns: 'The JSON text, or `nil` and an `INVALID` error naming the path of the bad value (e.g. `$.items[2]`).',
      errors: ['INVALID'],
      example: 'local s = json.encode({ name = "ada", tags = { "x", "y" } })\n--> {"name":"ada","tags":["x","y"]}',
    }),
    decode: fn({
      sig: 'fun(s: string) -> (any, Error?)',
      description: 'Decodes JSON text (RFC 8259, strict: no comments or trailing commas). Objects and arrays become tables; `null` becomes `nil`.',
      params: { s: 'The JSON text.' },
      returns: 'The value, or `nil` and an `INVALID` error with the line and column of the problem (also in `err:details()`).',
      errors: ['INVALID'],
      example: 'local v, err = json.decode(\'{"n": [1, 2, 3]}\')\nif err then error(err) end\nprint(#v.n) --> 3',
    }),
  }));
  return m;
}
