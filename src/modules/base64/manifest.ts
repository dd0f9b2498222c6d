// The `base64` module's manifest.
import { newManifest, type TypeManifest } from '../../types/manifest';
import { exportRecord, fn } from '../manifest-kit';

/** One line of summary, then the module's notes (markdown; shown on its docs page and on hover). */
export const BASE64_DESCRIPTION = 'Standard base64 (RFC 4648, `+/` alphabet, `=` padding) over the bytes of a string.\n\n' +
  'Binary-safe: any byte string encodes and decodes unchanged. Decoding is strict: no whitespace, no URL-safe alphabet (`-_`); the `=` padding may be left out.';

/** Builds the manifest (pure; cheap). */
export function base64Manifest(): TypeManifest {
  const m = newManifest('base64', BASE64_DESCRIPTION);
  m.setExport(exportRecord('base64', {
    encode: fn({
      sig: 'fun(data: string) -> string', description: 'Encodes the bytes of `data` as padded base64.',
      params: { data: 'Any string (bytes).' }, returns: 'The base64 text.',
      example: 'print(base64.encode("hello")) --> aGVsbG8=',
    }),
    decode: fn({
      sig: 'fun(data: string) -> (string?, Error?)',
      description: 'Decodes base64 text. Strict: whitespace and the URL-safe alphabet are rejected; padding may be left out.',
      params: { data: 'The base64 text.' }, returns: 'The decoded bytes, or `nil` and an `INVALID` error naming the bad character.',
      errors: ['INVALID'],
      example: 'local s, err = base64.decode("aGVsbG8=")\nassert(s == "hello")',
    }),
  }));
  return m;
}
