// LState over fengari's stack: the argument checks, conversions, errors and yields a host function
// uses. One instance per engine is rebound to the calling thread on every host call (no allocation).
import { lauxlib, lua, type lua_State } from 'fengari';
import type { LState, LuaErrorInit, LuaValue, ProcessContext, Yield } from '../module/host-api';
import { ERROR_TYPE, isErrorKind, ScriptError } from './errors';
import type { EngineState } from './state';
import { pushValue, toValue, typeNameAt, type UserdataData } from './values';

/** What a wrapped host function knows about itself (for messages). */
export interface HostInfo {
  /** The name Lua's messages use: `greet`, `add`. */
  readonly name: string;
  /** The qualified name: `mymodule.greet`, `time.Time:add`. */
  readonly qualified: string;
  /** Methods count arguments after `self`, like Lua's `luaL_argerror`. */
  readonly method: boolean;
}

/** What `LState.yield` returns; a host function must return it (`return l.yield(y)`). */
export const YIELD_REQUEST = -1;

const NO_CONTEXT: ProcessContext = Object.freeze({
  pid: '',
  isAllowed: () => false,
  host: Object.freeze({}),
});

type Table = { [key: string]: LuaValue } | LuaValue[];

/** The engine's LState implementation; `L` and `fn` are set by the host-function wrapper. */
export class LStateImpl implements LState {
  L!: lua_State;
  fn!: HostInfo;
  /** Set by `yield`: the wrapper then suspends the thread with this Yield. */
  yieldRequest: [Yield, HostInfo] | null = null;
  /** Userdata type names registered in this engine. */
  readonly types = new Set<string>();

  constructor(
    private readonly engine: EngineState,
    /** The continuation a yielding host function resumes in (set by the engine). */
    public continuation: (L: lua_State, status: number, ctx: unknown) => number = () => 0,
  ) {}

  bind(L: lua_State, fn: HostInfo): this {
    this.L = L;
    this.fn = fn;
    return this;
  }

  top(): number { return lua.lua_gettop(this.L); }
  get(n: number): LuaValue { return toValue(this.L, n); }

  checkAny(n: number): LuaValue {
    if (lua.lua_type(this.L, n) === lua.LUA_TNONE) this.argError(n, 'value expected');
    return toValue(this.L, n);
  }
  checkString(n: number): string {
    if (lua.lua_type(this.L, n) !== lua.LUA_TSTRING) this.typeError(n, 'string');
    return lua.lua_tojsstring(this.L, n) ?? '';
  }
  checkBytes(n: number): Uint8Array {
    if (lua.lua_type(this.L, n) !== lua.LUA_TSTRING) this.typeError(n, 'string');
    return (lua.lua_tostring(this.L, n) as Uint8Array).slice();
  }
  checkInt(n: number): number {
    const v = this.checkInteger(n);
    if (typeof v !== 'number') this.argError(n, 'integer out of range (beyond ±2^53)');
    return v;
  }
  checkInteger(n: number): number | bigint {
    if (lua.lua_type(this.L, n) !== lua.LUA_TNUMBER) this.typeError(n, 'number');
    const v = lua.lua_tointegerx(this.L, n);
    if (v === false) this.argError(n, 'number has no integer representation');
    return v;
  }
  checkNumber(n: number): number {
    if (lua.lua_type(this.L, n) !== lua.LUA_TNUMBER) this.typeError(n, 'number');
    return lua.lua_tonumber(this.L, n);
  }
  checkBool(n: number): boolean {
    if (lua.lua_type(this.L, n) !== lua.LUA_TBOOLEAN) this.typeError(n, 'boolean');
    return lua.lua_toboolean(this.L, n);
  }
  checkTable(n: number): Table {
    const t = lua.lua_type(this.L, n);
    const view = t === lua.LUA_TUSERDATA && (lua.lua_touserdata(this.L, n) as UserdataData).ro !== undefined;
    if (t !== lua.LUA_TTABLE && !view) this.typeError(n, 'table');
    const v = toValue(this.L, n);
    return (typeof v === 'object' && v !== null ? v : {}) as Table;
  }
  checkUserdata<T = unknown>(n: number, typeName: string): T {
    if (lua.lua_type(this.L, n) === lua.LUA_TUSERDATA) {
      const data = lua.lua_touserdata(this.L, n) as UserdataData;
      if (data.t === typeName) return data.v as T;
    }
    return this.typeError(n, typeName);
  }
  optString(n: number, def: string): string { return lua.lua_isnoneornil(this.L, n) ? def : this.checkString(n); }
  optInt(n: number, def: number): number { return lua.lua_isnoneornil(this.L, n) ? def : this.checkInt(n); }
  optInteger(n: number, def: number | bigint): number | bigint { return lua.lua_isnoneornil(this.L, n) ? def : this.checkInteger(n); }
  optNumber(n: number, def: number): number { return lua.lua_isnoneornil(this.L, n) ? def : this.checkNumber(n); }
  optBool(n: number, def: boolean): boolean { return lua.lua_isnoneornil(this.L, n) ? def : this.checkBool(n); }
  optTable(n: number, def: Table): Table { return lua.lua_isnoneornil(this.L, n) ? def : this.checkTable(n); }

  push(value: LuaValue): void {
    if (value instanceof ScriptError) return this.pushError(value);
    // A host function may push more results than the LUA_MINSTACK slots it starts with.
    if (!lua.lua_checkstack(this.L, 1)) throw new TypeError('too many values to return to Lua');
    const top = lua.lua_gettop(this.L);
    try {
      pushValue(this.L, value, this.pushUserdataBound);
    } catch (e) {
      lua.lua_settop(this.L, top);
      throw e;
    }
  }
  private readonly pushUserdataBound = (value: unknown, typeName: string): void => this.pushUserdata(value, typeName);

  pushUserdata(value: unknown, typeName: string): void {
    if (!this.types.has(typeName)) throw new Error(`userdata type '${typeName}' is not registered`);
    if (!lua.lua_checkstack(this.L, 2)) throw new TypeError('too many values to return to Lua');
    const data = lua.lua_newuserdata(this.L, 0) as UserdataData;
    data.t = typeName;
    data.v = value;
    lauxlib.luaL_setmetatable(this.L, typeName);
  }

  pushError(init: LuaErrorInit): void {
    const kind = isErrorKind(init.kind) ? init.kind : undefined;
    const err = init instanceof ScriptError ? init : new ScriptError(init.message, kind, init.retryable, init.details);
    if (err.stack === undefined) {
      const L = this.L;
      lauxlib.luaL_checkstack(L, 3, 'too many values to raise an error');
      lauxlib.luaL_where(L, 1);
      err.where = lua.lua_tojsstring(L, -1) ?? '';
      lauxlib.luaL_traceback(L, L, null, 1);
      err.stack = lua.lua_tojsstring(L, -1) ?? '';
      lua.lua_pop(L, 2);
    }
    this.pushUserdata(err, ERROR_TYPE);
  }

  toDisplayString(n: number): string {
    // __tostring may be another host function, which rebinds this LState: restore it after.
    const { L, fn } = this;
    lauxlib.luaL_tolstring(L, n);
    this.bind(L, fn);
    const s = lua.lua_tojsstring(L, -1) ?? '';
    lua.lua_pop(L, 1);
    return s;
  }

  context(): ProcessContext { return this.engine.current?.context ?? NO_CONTEXT; }

  argError(n: number, message: string): never {
    let arg = n;
    if (this.fn.method) {
      arg--;
      if (arg === 0) return this.raiseError(`calling '${this.fn.name}' on bad self (${message})`);
    }
    return this.raiseError(`bad argument #${arg} to '${this.fn.name}' (${message})`);
  }

  /** Raises `<expected> expected, got <actual>` for argument n. */
  typeError(n: number, expected: string): never {
    return this.argError(n, `${expected} expected, got ${typeNameAt(this.L, n)}`);
  }

  raiseError(error: string | LuaErrorInit): never {
    const L = this.L;
    if (typeof error === 'string') {
      lauxlib.luaL_where(L, 1);
      lua.lua_pushstring(L, error);
      lua.lua_concat(L, 2);
    } else {
      this.pushError(error);
    }
    return lua.lua_error(L);
  }

  yield(y: Yield): number {
    const p = this.engine.current;
    if (!p) return this.raiseError(`${this.fn.qualified}: cannot suspend: no process is running`);
    if (!lua.lua_isyieldable(this.L)) {
      return this.raiseError(
        `${this.fn.qualified}: cannot suspend the script here: Lua cannot yield inside a table.sort ` +
        'comparator, a string.gsub/gmatch callback, a load reader or a metamethod called from JS',
      );
    }
    p.outward = y;
    p.pendingName = this.fn.qualified;
    // The wrapper yields once the host function has returned (a throw through its try/catch
    // would cost more than the whole round trip otherwise).
    this.yieldRequest = [y, this.fn];
    return YIELD_REQUEST;
  }
}
