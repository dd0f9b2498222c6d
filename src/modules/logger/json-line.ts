// The one text form of a log entry: a JSON object on one line (time, level, logger, msg, then the
// fields), used by every sink that writes to a stream (the CLI's stderr).
import type { LogLevel } from './functions';

const CORE_KEYS = new Set(['time', 'level', 'logger', 'msg']);

/** Formats one log entry; the entry's own keys (time, level, logger, msg) win over fields of the same name. */
export function formatLogLine(level: LogLevel | string, message: string, fields: Readonly<Record<string, unknown>>, now: Date = new Date()): string {
  const entry: Record<string, unknown> = { time: now.toISOString(), level };
  if (fields.logger !== undefined) entry.logger = fields.logger;
  entry.msg = message;
  for (const [key, value] of Object.entries(fields)) if (!CORE_KEYS.has(key)) entry[key] = value;
  return JSON.stringify(entry, (_key, value: unknown) => (typeof value === 'number' && !Number.isFinite(value) ? String(value) : value)) + '\n';
}
