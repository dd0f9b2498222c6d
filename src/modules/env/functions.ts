// The `env` module's host functions over the environment map the host gives the engine
// (`ProcessContext.host.env`, a Record<string, string>).
import type { HostFunction, LState } from '../../module/host-api';
import { fail, failWith } from '../host-kit';
import { permissionDenied } from '../../runtime/security';

/** The engine's environment map (an empty one when the host gave none). */
function envMap(l: LState): Record<string, string> {
  const env = l.context().host.env;
  return env && typeof env === 'object' ? (env as Record<string, string>) : {};
}

/** Checks the key and the permission; returns the number of values pushed on failure, else 0. */
function refuse(l: LState, action: 'env.get' | 'env.set', key: string): number {
  if (key === '') return fail(l, 'INVALID', 'empty environment variable name');
  if (key.includes('=') || key.includes('\0')) return fail(l, 'INVALID', `invalid environment variable name ${JSON.stringify(key)}`);
  if (!l.context().isAllowed(action, key)) return failWith(l, permissionDenied(action, key));
  return 0;
}

export const envFunctions: Readonly<Record<string, HostFunction>> = {
  get: (l) => {
    const key = l.checkString(1);
    const refused = refuse(l, 'env.get', key);
    if (refused) return refused;
    const map = envMap(l);
    l.push(Object.prototype.hasOwnProperty.call(map, key) ? map[key] : null);
    return 1;
  },
  set: (l) => {
    const key = l.checkString(1);
    const value = l.checkString(2);
    const refused = refuse(l, 'env.set', key);
    if (refused) return refused;
    const map = envMap(l);
    try {
      map[key] = value;
    } catch {
      // A frozen map throws in strict code and ignores the write otherwise; both are read-only.
    }
    if (map[key] !== value) return fail(l, 'PERMISSION_DENIED', 'the host environment map is read-only');
    l.push(true);
    return 1;
  },
};
