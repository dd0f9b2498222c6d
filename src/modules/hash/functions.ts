// The `hash` module's host functions (binary-safe: the bytes of the string are hashed).
import type { HostFunction } from '../../module/host-api';
import { digestHex, hmacSha256Hex, type DigestName } from './digest';

const digest = (name: DigestName): HostFunction => (l) => {
  l.push(digestHex(name, l.checkBytes(1)));
  return 1;
};

export const hashFunctions: Readonly<Record<string, HostFunction>> = {
  md5: digest('md5'),
  sha1: digest('sha1'),
  sha256: digest('sha256'),
  sha512: digest('sha512'),
  hmac_sha256: (l) => {
    l.push(hmacSha256Hex(l.checkBytes(1), l.checkBytes(2)));
    return 1;
  },
};
