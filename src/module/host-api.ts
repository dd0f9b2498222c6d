// The host-function API a module implements, declared apart from the fengari runtime so that
// modules, the checker and the docs can load a ModuleDef without loading a Lua VM.
// The runtime (`src/runtime/`) provides the implementation of LState.

/** A Lua value as seen from JS: what `LState.get` returns and `LState.push` accepts. */
export type LuaValue =
  | null | undefined | boolean | number | bigint | string | Uint8Array
  | LuaValue[] | { [key: string]: LuaValue } | LuaUserdataRef | LuaOpaque;

/** A userdata value passed back from Lua: its type name and the JS value it wraps. */
export interface LuaUserdataRef { readonly userdata: string; readonly value: unknown }
/** A Lua value the host cannot represent (function, thread, table by reference). */
export interface LuaOpaque { readonly opaque: string }

/** Error kinds of the structured `Error` value. */
export type ErrorKind =
  | 'NOT_FOUND' | 'ALREADY_EXISTS' | 'INVALID' | 'PERMISSION_DENIED' | 'UNAVAILABLE'
  | 'INTERNAL' | 'CANCELED' | 'CONFLICT' | 'TIMEOUT' | 'RATE_LIMITED' | 'UNKNOWN';

export const ERROR_KINDS: readonly ErrorKind[] = [
  'NOT_FOUND', 'ALREADY_EXISTS', 'INVALID', 'PERMISSION_DENIED', 'UNAVAILABLE',
  'INTERNAL', 'CANCELED', 'CONFLICT', 'TIMEOUT', 'RATE_LIMITED', 'UNKNOWN',
];

/**
 * The stack-based view of a call that a host function receives (the reference note's `*lua.LState`).
 * Arguments are 1-based. A host function returns how many values it pushed, or `l.yield(y)`.
 */
export interface LState {
  top(): number;
  get(n: number): LuaValue;
  checkAny(n: number): LuaValue;
  checkString(n: number): string;
  /** The raw bytes of a string argument (binary-safe). */
  checkBytes(n: number): Uint8Array;
  /**
   * An integer argument as a JS number: a Lua integer, or a float with an integral value, within
   * ±(2^53 - 1). Beyond that range (Lua integers are 64-bit) it raises an argument error: use
   * `checkInteger` to accept the full 64-bit range.
   */
  checkInt(n: number): number;
  /**
   * An integer argument, exact over Lua's 64-bit range: a JS number within ±(2^53 - 1), a bigint
   * beyond. A float with an integral value in [-2^63, 2^63) converts as in Lua (`2^60` gives 2n**60n).
   */
  checkInteger(n: number): number | bigint;
  checkNumber(n: number): number;
  checkBool(n: number): boolean;
  checkTable(n: number): { [key: string]: LuaValue } | LuaValue[];
  checkUserdata<T = unknown>(n: number, typeName: string): T;
  optString(n: number, def: string): string;
  optInt(n: number, def: number): number;
  optInteger(n: number, def: number | bigint): number | bigint;
  optNumber(n: number, def: number): number;
  optBool(n: number, def: boolean): boolean;
  optTable(n: number, def: { [key: string]: LuaValue } | LuaValue[]): { [key: string]: LuaValue } | LuaValue[];
  /**
   * Pushes a JS value converted to Lua: a safe-integer number and a bigint within [-2^63, 2^63) as
   * Lua integers, other numbers as floats (a bigint beyond 64 bits is an error).
   */
  push(value: LuaValue): void;
  /** Pushes a userdata of a registered type. */
  pushUserdata(value: unknown, typeName: string): void;
  /** Pushes a structured error value. */
  pushError(error: LuaErrorInit): void;
  /** The process context: actor, permissions, environment. */
  context(): ProcessContext;
  /** `tostring(value)` of argument n, honouring `__tostring` (Lua's `luaL_tolstring`). */
  toDisplayString(n: number): string;
  /** Raises `bad argument #n to 'fn' (message)`. */
  argError(n: number, message: string): never;
  /** Raises a Lua error (a string or a structured error). */
  raiseError(error: string | LuaErrorInit): never;
  /**
   * Suspends the script until the dispatcher handling `y.cmdId` answers. Always `return l.yield(y)`
   * (the host function must return this value; the suspension happens once it has returned).
   * Raises a Lua error naming the function where Lua cannot yield (a table.sort comparator, ...).
   */
  yield(y: Yield): number;
}

export interface LuaErrorInit {
  readonly message: string;
  readonly kind?: ErrorKind;
  readonly retryable?: boolean;
  readonly details?: { [key: string]: LuaValue };
}

/** What a host function may consult about the running process. */
export interface ProcessContext {
  readonly pid: string;
  readonly actor?: { readonly id: string; readonly metadata?: Record<string, unknown> };
  /** Answers whether `action` on `resource` is allowed (deny wins; nothing matching denies). */
  isAllowed(action: string, resource: string, meta?: Record<string, unknown>): boolean;
  /**
   * Host-provided values. The runtime always sets `env` (Record<string, string>, the environment map
   * the embedding passes; `process.env` for the CLI), `fsRoot` (string | undefined: the directory the
   * `fs` module is confined to) and `log` ((level, message, fields) => void: the log sink).
   */
  readonly host: Readonly<Record<string, unknown>>;
}

export type HostFunction = (l: LState) => number;

/** A pending async operation a host function hands to the scheduler. */
export interface Yield {
  readonly cmdId: string;
  toCommand(): unknown;
  /** Turns the handler's outcome into the Lua return values; pushes them and returns their count.
   *  Default: the data as the values; an error as `nil, err`. */
  handleResult?(l: LState, data: unknown, err: LuaErrorInit | Error | undefined): number;
}

/** What a command handler learns about the process that issued the command. */
export interface HandlerContext {
  readonly pid: string;
  readonly process: ProcessContext;
}

/**
 * Handles one command: returns the data (or a Promise of it); throwing or rejecting hands the error
 * to `Yield.handleResult` (default: the script gets `nil, err`).
 */
export type CommandHandler = (command: unknown, ctx: HandlerContext) => unknown;

/** A set of command handlers (the reference note's dispatcher), registered by command id. */
export interface Dispatcher {
  /** Named in start-up errors (e.g. two handlers for one command). */
  readonly name: string;
  registerAll(register: (cmdId: string, handler: CommandHandler) => void): void;
}

/** Declares a yield a module may issue (the reference note's `YieldType`). */
export interface YieldType { readonly cmdId: string; readonly description?: string }

export type ModuleValue = HostFunction | number | string | boolean | { readonly [key: string]: ModuleValue };

/** A userdata type with one cached, immutable metatable per engine. */
export interface UserdataTypeDef {
  /** Matches the manifest's interface name, e.g. `time.Time`. */
  readonly typeName: string;
  readonly metamethods?: Readonly<Record<string, HostFunction>>;
  readonly methods: Readonly<Record<string, HostFunction>>;
}

export interface ModuleBuild {
  /** The module table (made immutable by the runtime). */
  readonly table: { readonly [key: string]: ModuleValue };
  readonly yields?: readonly YieldType[];
  readonly userdata?: readonly UserdataTypeDef[];
  /** Dispatchers handling this module's yields; the runtime registers them with the scheduler. */
  readonly dispatchers?: readonly Dispatcher[];
  /** When set, the module value itself is a userdata of this type wrapping `value` (e.g. `logger`). */
  readonly value?: { readonly typeName: string; readonly value: unknown };
}

/**
 * The reference note's `RegisterTypeMethods`, declarative: describes a userdata type for
 * `ModuleBuild.userdata`; the runtime registers one cached, locked metatable per type and engine.
 * @example build: () => ({ table, userdata: [registerTypeMethods('greet.Counter', { __tostring }, { inc, get })] })
 */
export function registerTypeMethods(
  typeName: string,
  metamethods: Readonly<Record<string, HostFunction>>,
  methods: Readonly<Record<string, HostFunction>>,
): UserdataTypeDef {
  return { typeName, metamethods, methods };
}

/** The reference note's `pushUserdata(l, value, typeName)`: same as `l.pushUserdata(value, typeName)`. */
export function pushUserdata(l: LState, value: unknown, typeName: string): void {
  l.pushUserdata(value, typeName);
}

/** The reference note's `checkUserdata(l, n, typeName)`: same as `l.checkUserdata(n, typeName)`. */
export function checkUserdata<T = unknown>(l: LState, n: number, typeName: string): T {
  return l.checkUserdata<T>(n, typeName);
}
