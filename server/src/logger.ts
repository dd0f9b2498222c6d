// The server's log: messages go to the client's output channel (window/logMessage) and, for
// errors, with their stack. The level is a setting (`luamod.trace.server`-like `logLevel`).
import type { Connection } from 'vscode-languageserver/node';

export type LogLevel = 'error' | 'warn' | 'info' | 'debug';

const order: Record<LogLevel, number> = { error: 0, warn: 1, info: 2, debug: 3 };

/** A small logger bound to one connection. */
export interface Logger {
  error(message: string, err?: unknown): void;
  warn(message: string): void;
  info(message: string): void;
  debug(message: string): void;
  setLevel(level: LogLevel): void;
}

/** Creates the logger that writes to `connection.console`. */
export function createLogger(connection: Connection, initial: LogLevel = 'info'): Logger {
  let level = initial;
  const enabled = (l: LogLevel) => order[l] <= order[level];
  const safe = (fn: () => void) => {
    try {
      fn();
    } catch {
      // The connection may already be closed (exit); logging must never throw.
    }
  };
  return {
    error(message, err) {
      const detail = err instanceof Error ? `\n${err.stack ?? err.message}` : err === undefined ? '' : `\n${String(err)}`;
      safe(() => connection.console.error(`${message}${detail}`));
    },
    warn(message) {
      if (enabled('warn')) safe(() => connection.console.warn(message));
    },
    info(message) {
      if (enabled('info')) safe(() => connection.console.info(message));
    },
    debug(message) {
      if (enabled('debug')) safe(() => connection.console.log(message));
    },
    setLevel(l) {
      level = l;
    },
  };
}
