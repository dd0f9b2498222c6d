// A luaparse instance of its own for a benchmark's reference rows. V8 keeps type feedback and
// optimized code per loaded copy of a module: once analyze() has run luaparse with its options
// (ranges, comments, callbacks), the shared copy parses bare text 1.5–2× slower than a fresh
// process does, which flatters every ratio against it. A private copy never sees analyze's calls.
import { createRequire } from 'node:module';

type Luaparse = typeof import('luaparse');

/** Loads a fresh copy of luaparse (its own module instance, so its own compiled code). */
export function privateLuaparse(): Luaparse {
  const req = createRequire(__filename);
  const path = req.resolve('luaparse');
  const shared = req.cache[path];
  delete req.cache[path];
  try {
    return req(path) as Luaparse;
  } finally {
    if (shared) req.cache[path] = shared;
    else delete req.cache[path];
  }
}
