// Message digests and HMAC over raw bytes, as lowercase hex (node:crypto).
import { createHash, createHmac } from 'node:crypto';

export type DigestName = 'md5' | 'sha1' | 'sha256' | 'sha512';

/** Hex digest of `data`. */
export function digestHex(algorithm: DigestName, data: Uint8Array): string {
  return createHash(algorithm).update(data).digest('hex');
}

/** Hex HMAC-SHA256 of `data` keyed with `secret`. */
export function hmacSha256Hex(data: Uint8Array, secret: Uint8Array): string {
  return createHmac('sha256', secret).update(data).digest('hex');
}
