// Formatting throughput on the Debian corpus (StyLua's WebAssembly via luamod's formatLua) next to
// a bare luaparse parse of the same files; before timing, the whole-corpus meaning check: every file
// that parses formats to the same syntax tree, and formatting twice changes nothing.
import * as luaparse from 'luaparse';
import { astShape, bytesOf } from '../../src/format/ast-shape';
import { formatLua } from '../../src/format/format-lua';
import { loadCorpus } from '../corpus';
import { defineSuite } from '../harness';

export default defineSuite({
  name: 'format',
  description: 'luamod fmt (StyLua WebAssembly) on the Debian corpus, against bare luaparse',
  run(b) {
    const corpus = loadCorpus();
    const texts = corpus.files.map((f) => f.text);
    let parsed = 0;
    let formatted = 0;
    let sameTree = 0;
    let stable = 0;
    const problems: string[] = [];
    for (const f of corpus.files) {
      const before = astShape(Buffer.from(f.text, 'utf8').toString('latin1'));
      const once = formatLua(f.text, {});
      if (before === undefined) continue;
      parsed++;
      if (!once.ok) { problems.push(`${f.path}: not formatted: ${once.message}`); continue; }
      formatted++;
      if (astShape(bytesOf(once.text)) === before) sameTree++; else problems.push(`${f.path}: tree changed`);
      const twice = formatLua(once.text, {});
      if (twice.ok && !twice.changed) stable++; else problems.push(`${f.path}: not stable`);
    }
    process.stdout.write(`format: ${corpus.files.length} files (${corpus.lines} lines); ${parsed} parse, ${formatted} formatted, ` +
      `${sameTree} same tree, ${stable} stable${corpus.note ? ` (${corpus.note})` : ''}\n`);
    for (const p of problems.slice(0, 20)) process.stdout.write(`  ${p}\n`);

    b.reference(`luaparse.parse of ${texts.length} files`, () => {
      for (const t of texts) { try { luaparse.parse(t, { comments: false }); } catch { /* counted above */ } }
    });
    b.bench(`formatLua of ${texts.length} files`, () => { for (const t of texts) formatLua(t, {}); });
  },
});
