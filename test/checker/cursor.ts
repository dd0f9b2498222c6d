// `$0` marks the cursor in test snippets (it never occurs in Lua): returns the text without it.
import { typeToString } from '../../src/types/print';
import type { AnalyzeOptions } from '../../src/checker/analyze';
import { check } from './env';

export function withCursor(src: string): { text: string; offset: number } {
  const offset = src.indexOf('$0');
  if (offset < 0) throw new Error('no $0 in snippet');
  return { text: src.slice(0, offset) + src.slice(offset + 2), offset };
}

/** The printed type at `$0`. */
export function typeAtCursor(src: string, options: Partial<AnalyzeOptions> = {}): string | undefined {
  const { text, offset } = withCursor(src);
  const t = check(text, options).typeAt(offset);
  return t && typeToString(t);
}
