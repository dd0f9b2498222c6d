import { describe, expect, it } from 'vitest';
import { formatLogLine } from '../../../src/modules/logger/json-line';

describe('formatLogLine', () => {
  const at = new Date('2026-01-02T03:04:05.000Z');
  it('writes one JSON object per line: time, level, logger, msg, then fields', () => {
    const line = formatLogLine('warn', 'card expires', { logger: 'billing', months: 1 }, at);
    expect(line.endsWith('\n')).toBe(true);
    expect(line.slice(0, -1)).not.toContain('\n');
    expect(line).toBe('{"time":"2026-01-02T03:04:05.000Z","level":"warn","logger":"billing","msg":"card expires","months":1}\n');
  });
  it('core keys win over fields of the same name; non-finite numbers stay valid JSON', () => {
    const entry = JSON.parse(formatLogLine('info', 'real', { msg: 'fake', level: 'x', n: NaN }, at));
    expect(entry).toEqual({ time: '2026-01-02T03:04:05.000Z', level: 'info', msg: 'real', n: 'NaN' });
  });
  it('escapes newlines in messages so an entry stays one line', () => {
    expect(formatLogLine('info', 'a\nb', {}, at).split('\n')).toHaveLength(2);
  });
});
