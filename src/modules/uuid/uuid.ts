// UUID generation (v4 random, v7 Unix-time ordered, RFC 9562) and validation of the canonical
// 8-4-4-4-12 hex text form.
import { randomBytes } from 'node:crypto';

const CANONICAL = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function toText(b: Uint8Array): string {
  const hex = Buffer.from(b).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** A random (version 4) UUID. */
export function uuidV4(random: Uint8Array = randomBytes(16)): string {
  const b = Uint8Array.from(random.subarray(0, 16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  return toText(b);
}

/** A time-ordered (version 7) UUID: 48-bit Unix milliseconds, then random bits. */
export function uuidV7(epochMs: number = Date.now(), random: Uint8Array = randomBytes(10)): string {
  const b = new Uint8Array(16);
  let ms = Math.max(0, Math.floor(epochMs));
  for (let i = 5; i >= 0; i--) {
    b[i] = ms % 256;
    ms = Math.floor(ms / 256);
  }
  b.set(random.subarray(0, 10), 6);
  b[6] = (b[6] & 0x0f) | 0x70;
  b[8] = (b[8] & 0x3f) | 0x80;
  return toText(b);
}

/** True for the canonical text form (any version or variant, either case; the nil UUID too). */
export function isValidUuid(s: string): boolean {
  return CANONICAL.test(s);
}

/** The version nibble of a valid UUID (0 for the nil UUID, 15 for the max UUID), else undefined. */
export function uuidVersion(s: string): number | undefined {
  return isValidUuid(s) ? parseInt(s[14], 16) : undefined;
}
