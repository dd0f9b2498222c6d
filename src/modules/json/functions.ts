// The `json` module's host functions.
import type { HostFunction } from '../../module/host-api';
import { fail } from '../host-kit';
import { decodeJson } from './decode';
import { encodeJson } from './encode';

/** Deepest nesting `decode` accepts: the runtime passes values at most this deep into Lua
 *  (src/runtime/values.ts refuses deeper ones), so deeper JSON is INVALID rather than a crash. */
export const LUA_NESTING_LIMIT = 64;

export const jsonFunctions: Readonly<Record<string, HostFunction>> = {
  encode: (l) => {
    const r = encodeJson(l.checkAny(1));
    if ('error' in r) return fail(l, 'INVALID', r.error);
    l.push(r.text);
    return 1;
  },
  decode: (l) => {
    const r = decodeJson(l.checkString(1), LUA_NESTING_LIMIT);
    if ('error' in r) {
      const { message, line, column, offset } = r.error;
      return fail(l, 'INVALID', `invalid JSON: ${message}`, { line, column, offset });
    }
    l.push(r.value);
    return 1;
  },
};
