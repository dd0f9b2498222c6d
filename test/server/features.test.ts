// The feature list is the single source of handlers and capabilities: every feature file is
// listed, methods are unique, and every capability in `initialize` comes from a listed feature.
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RequestFeature } from '../../server/src/feature';
import { features } from '../../server/src/features';
import { buildCapabilities } from '../../server/src/server';

const dir = resolve(__dirname, '../../server/src/features');

describe('feature list', () => {
  it('lists every feature exported by the feature files', async () => {
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts') && f !== 'index.ts')) {
      const mod = (await import(resolve(dir, file))) as Record<string, RequestFeature>;
      for (const [name, f] of Object.entries(mod)) {
        if (typeof f === 'object' && f && 'method' in f) expect(features, `${file}: ${name}`).toContain(f);
      }
    }
  });

  it('has one handler per method', () => {
    const methods = features.map((f) => f.method);
    expect(new Set(methods).size).toBe(methods.length);
  });

  it('advertises only what the features declare (plus document sync and workspace folders)', () => {
    const caps = buildCapabilities({ textDocument: { rename: { prepareSupport: true } } });
    const declared = new Set(features.flatMap((f) => Object.keys(f.capabilities?.({}) ?? {})));
    for (const key of Object.keys(caps)) {
      if (key === 'textDocumentSync' || key === 'workspace') continue;
      expect(declared, key).toContain(key);
    }
    expect(caps.renameProvider).toEqual({ prepareProvider: true });
  });

  it('files are named after their LSP method', () => {
    for (const f of features) {
      if (f.method.startsWith('luamod/') || f.method === 'completionItem/resolve') continue;
      const [scope, name] = f.method.split('/') as [string, string];
      const file = scope === 'workspace' ? `workspace${name[0]!.toUpperCase()}${name.slice(1)}` : name === 'prepareRename' ? 'rename' : name;
      expect(readdirSync(dir), f.method).toContain(`${file}.ts`);
    }
  });
});
