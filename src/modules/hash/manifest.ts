// The `hash` module's manifest.
import { newManifest, type TypeManifest } from '../../types/manifest';
import { exportRecord, fn } from '../manifest-kit';

/** One line of summary, then the module's notes (markdown; shown on its docs page and on hover). */
export const HASH_DESCRIPTION = 'Message digests (MD5, SHA-1, SHA-256, SHA-512) and HMAC-SHA256 as lowercase hex.\n\n' +
  'Binary-safe: the bytes of the string are hashed.';

/** Builds the manifest (pure; cheap). */
export function hashManifest(): TypeManifest {
  const m = newManifest('hash', HASH_DESCRIPTION);
  const digest = (name: string, bits: number, note: string) => fn({
    sig: 'fun(data: string) -> string', description: `The ${name} digest of \`data\`${note}.`,
    params: { data: 'Any string (bytes).' }, returns: `${bits / 4} lowercase hex characters.`,
    example: `print(hash.${name.toLowerCase().replace('-', '')}("abc"))`,
  });
  m.setExport(exportRecord('hash', {
    md5: digest('MD5', 128, ' (not for security: use it for checksums only)'),
    sha1: digest('SHA-1', 160, ' (not for security: use it for checksums only)'),
    sha256: digest('SHA-256', 256, ''),
    sha512: digest('SHA-512', 512, ''),
    hmac_sha256: fn({
      sig: 'fun(data: string, secret: string) -> string', description: 'The HMAC-SHA256 of `data` keyed with `secret`.',
      params: { data: 'The message (bytes).', secret: 'The key (bytes).' }, returns: '64 lowercase hex characters.',
      example: 'local sig = hash.hmac_sha256(body, secret)',
    }),
  }));
  return m;
}
