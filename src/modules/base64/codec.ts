// Standard base64 (RFC 4648 §4, `+/` alphabet, `=` padding) over raw bytes. Decoding is strict:
// no whitespace, no URL-safe alphabet; padding may be omitted but must be right when present.

/** Encodes bytes as padded base64 text. */
export function encodeBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
}

export type Base64Result = { readonly bytes: Uint8Array } | { readonly error: string };

const BODY = /^[A-Za-z0-9+/]*$/;
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Decodes base64 text; returns an error naming the first bad character or the bad length. */
export function decodeBase64(text: string): Base64Result {
  const body = text.replace(/={1,2}$/, '');
  const padding = text.length - body.length;
  if (!BODY.test(body)) {
    const at = [...body].findIndex((c) => !/[A-Za-z0-9+/]/.test(c));
    return { error: `invalid base64: unexpected ${JSON.stringify(body[at] ?? '=')} at position ${at + 1}` };
  }
  if (body.length % 4 === 1) return { error: 'invalid base64: truncated input (length leaves 1 extra character)' };
  if (padding > 0 && (body.length + padding) % 4 !== 0) return { error: 'invalid base64: wrong padding' };
  // Reject non-canonical trailing bits so that decode(encode(x)) is the only way to get x: the last
  // character of a 2- or 3-character final group carries 4 or 2 unused (must be zero) bits.
  const rest = body.length % 4;
  if (rest > 1 && (ALPHABET.indexOf(body[body.length - 1]) & (rest === 2 ? 0x0f : 0x03)) !== 0) {
    return { error: 'invalid base64: non-zero trailing bits' };
  }
  const bytes = Buffer.from(body, 'base64');
  return { bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) };
}
