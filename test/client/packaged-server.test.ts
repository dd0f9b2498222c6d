// The extension's bundled server (client/dist/server.js, with no node_modules beside it) starts and
// answers: every file it reads at run time (StyLua's and editorconfig's WebAssembly, manifests)
// must be copied next to it by scripts/package-extension.mjs. A missing one crashed the server in
// VS Code while the unbundled server's tests passed.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../server/lsp-client';

const root = resolve(__dirname, '../..');
let copy: string;

beforeAll(() => {
  execFileSync(process.execPath, [join(root, 'scripts/package-extension.mjs'), '--no-vsix'], { cwd: root, stdio: 'ignore', timeout: 120_000 });
  // Away from the repository, so nothing resolves from its node_modules.
  copy = mkdtempSync(join(tmpdir(), 'luamod-packaged-'));
  cpSync(join(root, 'client/dist'), copy, { recursive: true });
}, 180_000);

describe('the packaged server', () => {
  it('starts alone, and formats (StyLua), checks and hovers', async () => {
    const s = await startServer({ command: [join(copy, 'server.js'), '--stdio'] });
    try {
      const dir = mkdtempSync(join(tmpdir(), 'luamod-packaged-ws-'));
      const uri = pathToFileURL(join(dir, 'a.lua')).href;
      s.open(uri, 'local  x =  1\nprint(x)\n');
      const edits = await s.request<unknown[]>('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 4, insertSpaces: true } });
      expect(edits.length).toBeGreaterThan(0);
      const hover = await s.request<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 1 } });
      expect(hover?.contents.value).toContain('print');
      expect(s.logs.join('\n')).not.toMatch(/ENOENT|Cannot find module/);
    } finally {
      expect(await s.stop()).toBe(0);
    }
  }, 60_000);
});
