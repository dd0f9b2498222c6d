// The `uuid` module's host functions.
import type { HostFunction } from '../../module/host-api';
import { fail } from '../host-kit';
import { isValidUuid, uuidV4, uuidV7, uuidVersion } from './uuid';

export const uuidFunctions: Readonly<Record<string, HostFunction>> = {
  v4: (l) => (l.push(uuidV4()), 1),
  v7: (l) => (l.push(uuidV7()), 1),
  /** Never raises: anything but a UUID string answers false. */
  validate: (l) => {
    const v = l.get(1);
    l.push(typeof v === 'string' && isValidUuid(v));
    return 1;
  },
  version: (l) => {
    const s = l.checkString(1);
    const version = uuidVersion(s);
    if (version === undefined) return fail(l, 'INVALID', `not a UUID: ${JSON.stringify(s.length > 60 ? s.slice(0, 60) + '…' : s)}`);
    l.push(version);
    return 1;
  },
};
