// Clients that pull diagnostics (textDocument/diagnostic) are not pushed the same diagnostics twice.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from './lsp-client';

let s: TestServer;
beforeAll(async () => {
  s = await startServer({ capabilities: { textDocument: { diagnostic: { dynamicRegistration: false } } } });
});
afterAll(async () => {
  await s?.stop();
});

describe('pull diagnostics', () => {
  it('answers textDocument/diagnostic and does not push', async () => {
    const uri = 'untitled:pull';
    const pushed = s.diagnostics(uri, undefined, 600).then(() => 'pushed', () => 'none');
    s.open(uri, 'local time = require("time")\nprint(time.noww())\n');
    const r = await s.request('textDocument/diagnostic', { textDocument: { uri } });
    expect(r.items.map((d: { code: string }) => d.code)).toEqual(['undefined-field']);
    expect(r.items[0].codeDescription.href).toMatch(/#undefined-field$/);
    expect(await pushed).toBe('none');
  });
});
