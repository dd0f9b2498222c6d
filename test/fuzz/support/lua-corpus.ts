// The Lua texts the fuzzers mutate: every examples/**/*.lua, plus files of the Debian corpus under
// /usr/share/lua when present (a few in `npm test`, all of them in the long run).
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { globSync } from 'tinyglobby';
import { loadCorpus } from '../../../bench/corpus';
import { isLongRun } from './config';

export interface LuaSample { readonly name: string; readonly text: string }

const ROOT = join(__dirname, '../../..');

/** The seed texts; `corpusFiles` picks that many corpus files spread evenly over the sorted list. */
export function luaSamples(corpusFiles = 6): LuaSample[] {
  const examples = globSync(['examples/**/*.lua'], { cwd: ROOT, absolute: true }).sort()
    .map((p) => ({ name: relative(ROOT, p), text: readFileSync(p, 'utf8') }));
  const corpus = loadCorpus({ install: false }).files.filter((f) => f.text.length < 60_000);
  const want = isLongRun() ? corpus.length : Math.min(corpusFiles, corpus.length);
  const step = want > 0 ? corpus.length / want : 0;
  const picked: LuaSample[] = [];
  for (let i = 0; i < want; i++) {
    const f = corpus[Math.floor(i * step)]!;
    picked.push({ name: f.path, text: f.text });
  }
  return [...examples, ...picked];
}
