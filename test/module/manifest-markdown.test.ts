import { describe, expect, it } from 'vitest';
import { loadManifestJson } from '../../src/manifests';
import { manifestToMarkdown, manifestToText } from '../../src/module/manifest-markdown';

const { manifest } = loadManifestJson(JSON.stringify({
  name: 'kv',
  description: 'Key-value store.\n\nLonger text.',
  class: ['storage', 'io'],
  types: {
    Entry: { methods: { value: { type: 'fun(self) -> string', description: 'The value.' } }, description: 'A stored entry.' },
    Key: 'string',
  },
  export: { fields: {
    get: {
      type: 'fun(key: Key, opts?: {[string]: any}, ...any) -> (Entry?, Error?)',
      description: 'Reads a key.',
      params: { key: 'The key to read.' },
      returns: 'The entry, or an error.',
      examples: ['local e, err = kv.get("a")'],
      deprecated: 'Use `kv.read`.',
      yields: true,
      errors: ['NOT_FOUND', 'TIMEOUT'],
    },
    LIMIT: { type: 'integer', readonly: true },
  } },
  globals: { KV: 'kv' },
}), 'kv.json');
const mod = { name: 'kv', description: 'Key-value store.\n\nLonger text.', classes: ['storage', 'io'], manifest: manifest! };

describe('manifestToMarkdown', () => {
  const md = manifestToMarkdown(mod);
  it('has every part of every member', () => {
    expect(md).toMatch(/^# `kv`\n\nKey-value store\.\n\nLonger text\.\n/);
    expect(md).toContain('**Classes:** `storage`, `io` — not usable in workflows.');
    expect(md).toContain('### `kv.get`');
    expect(md).toContain('kv.get: fun(key: Key, opts?: {[string]: any}, ...any) -> (Entry?, Error?)');
    expect(md).toContain('> **Deprecated.** Use `kv.read`.');
    expect(md).toContain('- `key`: `Key` — The key to read.');
    expect(md).toContain('- `opts?`: `{[string]: any}`');
    expect(md).toContain('**Returns:** `Entry?`, `Error?` — The entry, or an error.');
    expect(md).toContain('**Errors:** `NOT_FOUND`, `TIMEOUT`');
    expect(md).toContain('**Yields:**');
    expect(md).toContain('```lua\nlocal e, err = kv.get("a")\n```');
    expect(md).toContain('*Read-only.*');
    expect(md).toContain('### `kv.Entry`\n\nA stored entry.');
    expect(md).toContain('#### `Entry:value`');
    expect(md).toContain('Key = string');
    expect(md).toContain('## Globals');
    expect(md).not.toMatch(/\n\n\n/);
  });
});

describe('manifestToText', () => {
  it('one signature per line, flags for yields and deprecation', () => {
    const text = manifestToText(mod);
    expect(text).toContain('kv — Key-value store.');
    expect(text).toContain('classes: storage, io\n');
    expect(text).toContain('  get: fun(key: Key, opts?: {[string]: any}, ...any) -> (Entry?, Error?)  [yields, deprecated]');
    expect(text).toContain('  readonly LIMIT: integer');
    expect(text).toContain('  Entry (interface):\n    value: fun(self) -> string');
    expect(text).toContain('  Key = string');
  });
});
