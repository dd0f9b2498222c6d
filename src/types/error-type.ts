// ErrorInterface: the structured `Error` value every module returns in its `Error?` slot, as a
// type. `Error` resolves to it everywhere (registries and isAssignable fall back to it).
import type { Field, InterfaceType } from './type';

const method = (returns: Field['type'], description: string): Field => ({
  type: { kind: 'function', params: [{ name: 'self', type: { kind: 'self' } }], returns: [returns] },
  description,
});

/** The name scripts and manifests use for the structured error type. */
export const ERROR_TYPE_NAME = 'Error';

/**
 * `Error`: `kind()`, `message()`, `retryable()`, `details()`, `stack()`.
 * Functions that can fail return `(result?, Error?)`; scripts test `if err then ... end`.
 */
export const ErrorInterface: InterfaceType = Object.freeze({
  kind: 'interface',
  name: ERROR_TYPE_NAME,
  methods: Object.freeze({
    kind: method({ kind: 'string' },
      'The error kind: `NOT_FOUND`, `ALREADY_EXISTS`, `INVALID`, `PERMISSION_DENIED`, `UNAVAILABLE`, ' +
      '`INTERNAL`, `CANCELED`, `CONFLICT`, `TIMEOUT`, `RATE_LIMITED` or `UNKNOWN`.'),
    message: method({ kind: 'string' }, 'A human-readable description of what went wrong.'),
    retryable: method({ kind: 'optional', type: { kind: 'boolean' } },
      'Whether retrying the same operation may succeed; `nil` when the module does not say.'),
    details: method({ kind: 'optional', type: { kind: 'map', key: { kind: 'string' }, value: { kind: 'any' } } },
      'Structured context (e.g. `{path = "..."}`), or `nil`.'),
    stack: method({ kind: 'optional', type: { kind: 'string' } },
      'The Lua traceback where the error was created, when captured.'),
  }),
}) as InterfaceType;
