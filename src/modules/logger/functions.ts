// The `logger.Logger` userdata: each level method hands one entry (level, message, fields) to the
// process log sink (`ProcessContext.host.log`), which decides how to write it (the CLI: stderr).
import type { HostFunction, LState, LuaValue, UserdataTypeDef } from '../../module/host-api';

export const LOGGER_TYPE = 'logger.Logger';

/** The value behind a Logger userdata (immutable; `with` and `named` make new ones). */
export interface LoggerValue {
  readonly name: string;
  readonly fields: Readonly<Record<string, LuaValue>>;
}

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export type LogSink = (level: LogLevel, message: string, fields: Record<string, LuaValue>) => void;

export const rootLogger: LoggerValue = Object.freeze({ name: '', fields: Object.freeze({}) });

const checkLogger = (l: LState): LoggerValue => l.checkUserdata<LoggerValue>(1, LOGGER_TYPE);

/** Makes a fields table safe to serialise: functions, userdata and cycles become short strings. */
export function plainFields(v: LuaValue): Record<string, LuaValue> {
  // No prototype: a Lua key "__proto__" is then an ordinary field, not the object's prototype.
  const out: Record<string, LuaValue> = Object.create(null);
  if (v && typeof v === 'object' && !(v instanceof Uint8Array)) {
    const entries = Array.isArray(v) ? v.map((x, i) => [String(i + 1), x] as const) : Object.entries(v);
    for (const [k, x] of entries) out[k] = plain(x);
  }
  return out;
}

function plain(v: LuaValue): LuaValue {
  // A Lua integer beyond ±(2^53 - 1) arrives as a bigint, which JSON cannot hold: its exact digits.
  if (typeof v === 'bigint') return v.toString();
  if (v === null || v === undefined || typeof v !== 'object') return v ?? null;
  if (v instanceof Uint8Array) return Buffer.from(v).toString('utf8');
  if (Array.isArray(v)) return v.map(plain);
  if ('userdata' in v && typeof v.userdata === 'string') return `<${v.userdata}>`;
  if ('opaque' in v && typeof v.opaque === 'string') return `<${v.opaque}>`;
  return plainFields(v);
}

const level = (name: LogLevel): HostFunction => (l) => {
  const self = checkLogger(l);
  const message = l.checkString(2);
  const extra = plainFields(l.optTable(3, {}));
  const sink = l.context().host.log as LogSink | undefined;
  const fields: Record<string, LuaValue> = { ...(self.name ? { logger: self.name } : {}), ...self.fields, ...extra };
  sink?.(name, message, fields);
  return 0;
};

export const loggerType: UserdataTypeDef = {
  typeName: LOGGER_TYPE,
  methods: {
    debug: level('debug'),
    info: level('info'),
    warn: level('warn'),
    error: level('error'),
    with: (l) => {
      const self = checkLogger(l);
      const fields = { ...self.fields, ...plainFields(l.checkTable(2)) };
      l.pushUserdata(Object.freeze({ name: self.name, fields: Object.freeze(fields) }) satisfies LoggerValue, LOGGER_TYPE);
      return 1;
    },
    named: (l) => {
      const self = checkLogger(l);
      const name = l.checkString(2);
      l.pushUserdata(Object.freeze({ name: self.name ? `${self.name}.${name}` : name, fields: self.fields }) satisfies LoggerValue, LOGGER_TYPE);
      return 1;
    },
  },
  metamethods: {
    __tostring: (l) => {
      const self = checkLogger(l);
      l.push(self.name ? `Logger(${self.name})` : 'Logger');
      return 1;
    },
  },
};
