// The `base64` module's host functions (binary-safe: bytes in, bytes out).
import type { HostFunction } from '../../module/host-api';
import { fail } from '../host-kit';
import { decodeBase64, encodeBase64 } from './codec';

export const base64Functions: Readonly<Record<string, HostFunction>> = {
  encode: (l) => {
    l.push(encodeBase64(l.checkBytes(1)));
    return 1;
  },
  decode: (l) => {
    const r = decodeBase64(l.checkString(1));
    if ('error' in r) return fail(l, 'INVALID', r.error);
    l.push(r.bytes);
    return 1;
  },
};
