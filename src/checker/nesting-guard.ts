// When a document nests deeper than the JS stack allows (10,000 `{` or `f(`), parsing or a tree walk
// overflows: analyze() then checks an empty tree and reports one `syntax-error` at the deepest point.
import type { ParseResult } from './parse';

/** Whether `e` is V8's stack overflow (`RangeError: Maximum call stack size exceeded`). */
export function isStackOverflow(e: unknown): boolean {
  return e instanceof RangeError && /call stack/i.test(e.message);
}

/** A parse result with an empty tree and one syntax error at the most deeply nested bracket. */
export function tooDeepParse(text: string): ParseResult {
  let depth = 0;
  let max = 0;
  let at = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 40 || c === 91 || c === 123) {
      if (++depth > max) { max = depth; at = i; }
    } else if (c === 41 || c === 93 || c === 125) {
      depth = Math.max(0, depth - 1);
    }
  }
  const message = max >= 100 ? `code is nested too deeply to check (${max} levels of brackets)` : 'code is nested too deeply to check';
  if (max < 100) at = 0;
  return {
    chunk: { type: 'Chunk', body: [], comments: [], range: [0, text.length] },
    syntaxErrors: [{ message, start: at, end: Math.min(text.length, at + 1) }],
    comments: [],
    repaired: true, attributes: [],
  };
}
