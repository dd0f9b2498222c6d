// Regression (own file, so that luaparse's module state is fresh): `!` as the first text a process
// ever checks made luaparse throw a TypeError out of analyze() (its lookahead token was undefined);
// later, the message named the previous document's token. Fix: parseLua resets luaparse first.
import { expect, test } from 'vitest';
import { analyze } from '../../src/checker/analyze';
import { testEnv } from '../checker/env';

test('the first document checked is `!`: a syntax error, the same after other documents', () => {
  const env = testEnv();
  const first = analyze('!', { env }).diagnostics.map((d) => d.message);
  expect(first).toEqual(["unexpected symbol '!' near <eof>"]);
  analyze('local x = f(a, b)\nprint(x)', { env });
  expect(analyze('!', { env }).diagnostics.map((d) => d.message)).toEqual(first);
});
