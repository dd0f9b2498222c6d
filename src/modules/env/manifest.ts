// The `env` module's manifest.
import { newManifest, type TypeManifest } from '../../types/manifest';
import { exportRecord, fn } from '../manifest-kit';

/** One line of summary, then the module's notes (markdown; shown on its docs page and on hover). */
export const ENV_DESCRIPTION = 'Read and set environment variables from the map the host gives the engine (the CLI passes the process environment).\n\n' +
  'Permission actions `env.get` / `env.set`, resource = the key; both are denied unless granted (`luamod run --allow env.get:HOME`, `--allow env.*`). `env.set` changes the calling process\'s own copy of the map only: other processes on the same engine and the host process environment never see it. An unset variable reads as `nil` without an error.';

/** Builds the manifest (pure; cheap). */
export function envManifest(): TypeManifest {
  const m = newManifest('env', ENV_DESCRIPTION);
  m.setExport(exportRecord('env', {
    get: fn({
      sig: 'fun(key: string) -> (string?, Error?)', description: 'The value of variable `key`; `nil` (and no error) when it is not set.',
      params: { key: 'The variable name (non-empty).' },
      returns: 'The value or `nil`; on failure `nil` and an error.',
      errors: ['INVALID', 'PERMISSION_DENIED'],
      example: 'local home = env.get("HOME") or "/tmp"',
    }),
    set: fn({
      sig: 'fun(key: string, value: string) -> (boolean?, Error?)', description: 'Sets variable `key` to `value` for the scripts of this engine.',
      params: { key: 'The variable name (non-empty, no `=`).', value: 'The new value.' },
      returns: '`true`, or `nil` and an error.',
      errors: ['INVALID', 'PERMISSION_DENIED'],
      example: 'local ok, err = env.set("MODE", "test")',
    }),
  }));
  return m;
}
