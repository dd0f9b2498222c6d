// The safe wrapper every handler runs in: a throwing provider answers its fallback and logs the
// stack; explicit ResponseErrors pass through; invalid params and cancellation become errors.
import { describe, expect, it } from 'vitest';
import { CancellationTokenSource, ResponseError } from 'vscode-languageserver/node';
import type { Logger } from '../../server/src/logger';
import { runSafe, runSafeNotification } from '../../server/src/safe';

function memoryLog(): Logger & { lines: string[] } {
  const lines: string[] = [];
  return {
    lines,
    error: (m, e) => lines.push(`error ${m} ${e instanceof Error ? e.stack : ''}`),
    warn: (m) => lines.push(`warn ${m}`),
    info: (m) => lines.push(`info ${m}`),
    debug: (m) => lines.push(`debug ${m}`),
    setLevel: () => {},
  };
}

describe('runSafe', () => {
  it('answers the fallback and logs the stack when the provider throws', async () => {
    const log = memoryLog();
    const r = await runSafe(log, 'textDocument/hover', undefined, null, undefined, () => {
      throw new TypeError('boom in provider');
    });
    expect(r).toBeNull();
    expect(log.lines.join('\n')).toMatch(/textDocument\/hover failed[\s\S]*boom in provider/);
  });

  it('passes an explicit ResponseError through', async () => {
    const err = new ResponseError(-32600, 'cannot rename');
    expect(await runSafe(memoryLog(), 'textDocument/rename', undefined, null, undefined, () => { throw err; })).toBe(err);
  });

  it('answers InvalidParams without running the provider', async () => {
    let ran = false;
    const r = await runSafe(memoryLog(), 'textDocument/hover', undefined, null, 'params.position missing', () => { ran = true; return 1; });
    expect(ran).toBe(false);
    expect(r).toBeInstanceOf(ResponseError);
    expect((r as ResponseError<void>).code).toBe(-32602);
  });

  it('answers RequestCancelled for a cancelled request', async () => {
    const source = new CancellationTokenSource();
    source.cancel();
    const r = await runSafe(memoryLog(), 'textDocument/completion', source.token, [], undefined, () => [1]);
    expect((r as ResponseError<void>).code).toBe(-32800);
  });

  it('awaits async providers and replaces undefined by the fallback', async () => {
    expect(await runSafe(memoryLog(), 'x', undefined, [], undefined, async () => undefined)).toEqual([]);
    expect(await runSafe(memoryLog(), 'x', undefined, [], undefined, async () => [2])).toEqual([2]);
  });

  it('swallows and logs notification errors, sync or async', async () => {
    const log = memoryLog();
    runSafeNotification(log, 'didChange', () => { throw new Error('sync'); });
    runSafeNotification(log, 'didSave', async () => { throw new Error('async'); });
    await new Promise((r) => setTimeout(r, 10));
    expect(log.lines.filter((l) => l.startsWith('error')).length).toBe(2);
  });
});
