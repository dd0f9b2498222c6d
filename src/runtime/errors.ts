// The structured error value scripts see (`Error` userdata: kind(), message(), retryable(),
// details(), stack()) and the global `errors` library (new, wrap, is, kind constants).
// Written against the host API only (no fengari): the engine installs it in every state.
import { ERROR_KINDS, type ErrorKind, type LState, type LuaErrorInit, type LuaValue, type ModuleBuild, type UserdataTypeDef } from '../module/host-api';

/** The userdata type name of structured errors (the manifest's `Error`). */
export const ERROR_TYPE = 'Error';

/** A structured error as the runtime holds it; `where` is the `chunk:line:` it was created at. */
export class ScriptError implements LuaErrorInit {
  constructor(
    readonly message: string,
    readonly kind?: ErrorKind,
    readonly retryable?: boolean,
    readonly details?: { [key: string]: LuaValue },
    public stack?: string,
    public where?: string,
  ) {}
}

/** True for the eleven kinds of the `Error` type. */
export function isErrorKind(value: unknown): value is ErrorKind {
  return typeof value === 'string' && (ERROR_KINDS as readonly string[]).includes(value);
}

/** Lua's type name for a converted value (for messages). */
export function luaTypeOf(v: LuaValue): string {
  if (v === null || v === undefined) return 'nil';
  if (typeof v === 'object') {
    if (v instanceof Uint8Array) return 'string';
    if ('userdata' in v && typeof v.userdata === 'string') return v.userdata;
    if ('opaque' in v && typeof v.opaque === 'string') return v.opaque === 'cycle' ? 'table' : v.opaque;
    return 'table';
  }
  return typeof v;
}

const self = (l: LState): ScriptError => l.checkUserdata<ScriptError>(1, ERROR_TYPE);

/** Method and metamethod bindings of the `Error` userdata. */
export const errorType: UserdataTypeDef = {
  typeName: ERROR_TYPE,
  methods: {
    kind: (l) => { l.push(self(l).kind ?? 'UNKNOWN'); return 1; },
    message: (l) => { l.push(self(l).message); return 1; },
    retryable: (l) => { l.push(self(l).retryable ?? null); return 1; },
    details: (l) => { l.push(self(l).details ?? {}); return 1; },
    stack: (l) => { l.push(self(l).stack ?? null); return 1; },
  },
  metamethods: {
    __tostring: (l) => { l.push(self(l).message); return 1; },
    __concat: (l) => { l.push(concatPart(l, 1) + concatPart(l, 2)); return 1; },
    __eq: (l) => {
      const a = l.get(1), b = l.get(2);
      l.push(isErrorRef(a) && isErrorRef(b) && a.value === b.value);
      return 1;
    },
  },
};

function isErrorRef(v: LuaValue): v is { userdata: string; value: ScriptError } {
  return typeof v === 'object' && v !== null && 'userdata' in v && v.userdata === ERROR_TYPE;
}

function concatPart(l: LState, n: number): string {
  const v = l.get(n);
  if (isErrorRef(v)) return v.value.message;
  if (typeof v === 'string' || typeof v === 'number') return l.toDisplayString(n);
  return l.raiseError(`attempt to concatenate a ${luaTypeOf(v)} value`);
}

/** `errors.new("msg")` or `errors.new{message=, kind=, retryable=, details=}`. */
function errorsNew(l: LState): number {
  const arg = l.get(1);
  if (typeof arg === 'string') {
    l.pushError(new ScriptError(arg));
    return 1;
  }
  if (typeof arg !== 'object' || arg === null || Array.isArray(arg) || 'userdata' in arg || 'opaque' in arg || arg instanceof Uint8Array) {
    return l.argError(1, `string or table expected, got ${luaTypeOf(arg)}`);
  }
  const { message, kind, retryable, details } = arg as { [key: string]: LuaValue };
  if (typeof message !== 'string') return l.argError(1, `field 'message' must be a string, got ${luaTypeOf(message)}`);
  if (kind !== undefined && kind !== null && !isErrorKind(kind)) {
    return l.argError(1, `unknown error kind '${String(kind)}' (expected one of ${ERROR_KINDS.join(', ')})`);
  }
  if (retryable !== undefined && retryable !== null && typeof retryable !== 'boolean') {
    return l.argError(1, `field 'retryable' must be a boolean, got ${luaTypeOf(retryable)}`);
  }
  if (details !== undefined && details !== null && (typeof details !== 'object' || luaTypeOf(details) !== 'table')) {
    return l.argError(1, `field 'details' must be a table, got ${luaTypeOf(details)}`);
  }
  l.pushError(new ScriptError(
    message,
    (kind ?? undefined) as ErrorKind | undefined,
    (retryable ?? undefined) as boolean | undefined,
    (Array.isArray(details) ? { ...details } : (details ?? undefined)) as { [key: string]: LuaValue } | undefined,
  ));
  return 1;
}

/** `errors.wrap(err, "context")`: a new error "context: message" keeping kind, retryable, details. */
function errorsWrap(l: LState): number {
  const err = l.get(1);
  const context = l.checkString(2);
  if (err === null) { l.push(null); return 1; }
  if (isErrorRef(err)) {
    const e = err.value;
    l.pushError(new ScriptError(`${context}: ${e.message}`, e.kind, e.retryable, e.details));
  } else {
    l.pushError(new ScriptError(`${context}: ${l.toDisplayString(1)}`));
  }
  return 1;
}

/** `errors.is(err, kind)`: whether `err` is an `Error` of that kind. */
function errorsIs(l: LState): number {
  const err = l.get(1);
  const kind = l.checkString(2);
  l.push(isErrorRef(err) && (err.value.kind ?? 'UNKNOWN') === kind);
  return 1;
}

/** The `errors` library's table (the `Error` userdata type, `errorType`, every engine registers itself). */
export function errorsBuild(): ModuleBuild {
  const table: Record<string, ModuleBuildValue> = { new: errorsNew, wrap: errorsWrap, is: errorsIs };
  for (const kind of ERROR_KINDS) table[kind] = kind;
  return { table };
}

type ModuleBuildValue = ModuleBuild['table'][string];
