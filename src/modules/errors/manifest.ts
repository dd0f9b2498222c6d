// The `errors` library's manifest: new, wrap, is and the kind constants. The `Error` type itself is
// the shared ErrorInterface (src/types/error-type.ts) every registry resolves `Error` to.
import { ERROR_KINDS } from '../../module/host-api';
import { newManifest, type TypeManifest } from '../../types/manifest';
import type { Field } from '../../types/type';
import { constant, exportRecord, fn } from '../manifest-kit';

export const ERRORS_DESCRIPTION = 'Structured errors: create, wrap and classify `Error` values.\n\n' +
  'Module functions that can fail return their value on success and `nil, err` on failure; `err` is an ' +
  '`Error` with `kind()`, `message()`, `retryable()`, `details()` and `stack()`. `tostring(err)` is the ' +
  'message, and `"x" .. err` / `err .. "x"` work. `errors` is a global in every script (no `require` needed).';

const KIND_DOCS: Record<string, string> = {
  NOT_FOUND: 'The thing asked for does not exist.',
  ALREADY_EXISTS: 'The thing to create exists already.',
  INVALID: 'The input is malformed or out of range.',
  PERMISSION_DENIED: 'The security policy does not allow the operation.',
  UNAVAILABLE: 'A dependency is down or unreachable; retrying may help.',
  INTERNAL: 'A bug or unexpected failure in the host.',
  CANCELED: 'The operation (or the process) was canceled.',
  CONFLICT: 'The operation conflicts with the current state.',
  TIMEOUT: 'A deadline or the script\'s time limit passed.',
  RATE_LIMITED: 'Too many requests; retry later.',
  UNKNOWN: 'The kind of an error created without one.',
};

/** Builds the manifest (pure; cheap). */
export function errorsManifest(): TypeManifest {
  const m = newManifest('errors', ERRORS_DESCRIPTION);
  const fields: Record<string, Field> = {
    new: fn({
      sig: 'fun(init: string | {message: string, kind?: string, retryable?: boolean, details?: {[string]: any}}) -> Error',
      description: 'Creates an error from a message, or from a table with `message`, `kind` (one of the kind constants), `retryable` and `details`.',
      params: { init: 'The message, or `{message=, kind=, retryable=, details=}`.' },
      returns: 'The new error (kind `UNKNOWN` unless given).',
      errors: ['INVALID'],
      example: 'return nil, errors.new{message = "no such user", kind = errors.NOT_FOUND, details = {id = id}}',
    }),
    wrap: fn({
      sig: 'fun(err: Error | string | nil, context: string) -> Error?',
      description: 'Adds context in front of an error\'s message (`"context: message"`), keeping its kind, retryable flag and details. `nil` stays `nil`.',
      params: { err: 'The error to wrap (a string becomes an `UNKNOWN` error).', context: 'What was being done.' },
      returns: 'The wrapped error, or `nil` when `err` is `nil`.',
      example: 'local data, err = fs.read(path)\nif err then return nil, errors.wrap(err, "loading config") end',
    }),
    is: fn({
      sig: 'fun(err: any, kind: string) -> boolean',
      description: 'Whether `err` is an `Error` of the given kind.',
      params: { err: 'Any value.', kind: 'A kind constant such as `errors.NOT_FOUND`.' },
      returns: '`true` for an `Error` of that kind.',
      example: 'if errors.is(err, errors.NOT_FOUND) then return default end',
    }),
  };
  for (const kind of ERROR_KINDS) {
    fields[kind] = constant(`"${kind}"`, KIND_DOCS[kind] ?? kind, `errors.is(err, errors.${kind})`);
  }
  m.setExport(exportRecord('errors', fields));
  m.classes = ['deterministic'];
  return m;
}
