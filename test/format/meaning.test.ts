// Formatting keeps the meaning: for a sample of real Lua (the bundled examples and, when installed,
// a fixed sample of Debian's Lua packages), the syntax tree is the same before and after, and
// formatting twice changes nothing. The whole corpus runs in `npm run bench format`.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { globSync } from 'tinyglobby';
import { describe, expect, it } from 'vitest';
import { astShape, bytesOf } from '../../src/format/ast-shape';
import { formatLua } from '../../src/format/format-lua';

const repo = resolve(__dirname, '../..');
const examples = globSync(['examples/**/*.lua'], { cwd: repo, absolute: true }).sort();
// Every 25th file of the installed corpus, so the sample is fixed for a given install.
const corpus = globSync(['**/*.lua'], { cwd: '/usr/share/lua', absolute: true }).sort().filter((_, i) => i % 25 === 0);

describe('formatting keeps the meaning', () => {
  it('has files to try', () => {
    expect(examples.length).toBeGreaterThan(10);
  });
  for (const file of [...examples, ...corpus]) {
    it(file.replace(repo + '/', ''), () => {
      const raw = readFileSync(file);
      const text = raw.toString('utf8');
      const before = astShape(raw.toString('latin1'));
      const once = formatLua(text, {});
      if (before === undefined) {
        expect(once.ok).toBe(false); // a file luaparse rejects is not formatted either
        return;
      }
      if (!once.ok) throw new Error(`${file}: ${once.message}`);
      expect(astShape(bytesOf(once.text))).toBe(before);
      const twice = formatLua(once.text, {});
      expect(twice).toEqual({ ok: true, text: once.text, changed: false });
    });
  }
});
