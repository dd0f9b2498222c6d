// Host profiles over the protocol: `.luamodrc.json` `runtime` chooses the library and grammar of a
// project's diagnostics, and the editor settings `luamod.runtime.*` override it.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from './lsp-client';

const SOURCE = 'local t = unpack({1})\nlocal limit <const> = 3\nprint(t, limit, io.write)\n';
const servers: TestServer[] = [];

async function codesFor(config: object | undefined, settings: object | undefined): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'luamod-profile-'));
  if (config) writeFileSync(join(dir, '.luamodrc.json'), JSON.stringify(config));
  const file = join(dir, 'a.lua');
  writeFileSync(file, SOURCE);
  const s = await startServer({ rootPath: dir, ...(settings ? { initializationOptions: { settings } } : {}) });
  servers.push(s);
  const uri = pathToFileURL(file).href;
  s.open(uri, SOURCE);
  const d = await s.diagnostics(uri);
  return d.diagnostics.map((x) => String(x.code)).sort();
}

describe('runtime profiles over LSP', () => {
  afterAll(async () => { for (const s of servers) await s.stop(); });

  it('the default (5.3 sandbox) rejects 5.4 attributes', async () => {
    expect(await codesFor(undefined, undefined)).toEqual(['syntax-error', 'undefined-global']);
  });

  it('.luamodrc.json runtime 5.4 + full: the attribute parses, io is there, unpack is not', async () => {
    expect(await codesFor({ runtime: { version: '5.4', library: 'full' } }, undefined)).toEqual(['undefined-global']);
  });

  it('the editor setting overrides the config file', async () => {
    expect(await codesFor({ runtime: { version: '5.1' } }, { runtime: { version: '5.4', library: 'full' } })).toEqual(['undefined-global']);
  });
});
