// Mutations of Lua text as fast-check arbitraries (so failures shrink to few, small operations):
// token delete/duplicate/swap, cuts, random code units, very long lines and deep nesting.
import fc from 'fast-check';

/** Positions are fractions of the current length (0..1e6), so operations shrink independently. */
export type Mutation =
  | { readonly kind: 'delete'; readonly at: number }
  | { readonly kind: 'duplicate'; readonly at: number }
  | { readonly kind: 'swap'; readonly at: number; readonly with: number }
  | { readonly kind: 'cut'; readonly at: number }
  | { readonly kind: 'insert'; readonly at: number; readonly text: string }
  | { readonly kind: 'long-line'; readonly at: number; readonly piece: string; readonly repeat: number }
  | { readonly kind: 'nest'; readonly at: number; readonly shape: number; readonly depth: number; readonly closed: boolean };

const SCALE = 1_000_000;
const TOKEN = /\s+|--\[\[[\s\S]*?\]\]|--[^\n]*|\[\[[\s\S]*?\]\]|[A-Za-z_][A-Za-z0-9_]*|\d[\d.xXa-fA-F]*|\.\.\.|\.\.|==|~=|<=|>=|<<|>>|\/\/|::|"(?:[^"\\\n]|\\.)*"?|'(?:[^'\\\n]|\\.)*'?|[^]/gy;

/** Nesting shapes: [open, close]; `depth` copies of `open`, then (when closed) of `close`. */
export const NEST_SHAPES: ReadonlyArray<readonly [string, string]> = [
  ['{', '}'], ['f(', ')'], ['(', ')'], ['{a=', '}'], ['a[', ']'], ['function() return ', ' end'],
  ['if x then ', ' end'], ['do ', ' end'], ['while x do ', ' end'], ['not ', ''], ['- ', ''], ['1 + ', ''],
  ['', '.b'], ['', ':m()'], ['"s" .. ', ''], ['x and ', ''], ['repeat ', ' until x'], ['#', ''],
];

/** Splits Lua text into tokens, whitespace and comments (every character lands in one piece). */
export function luaPieces(text: string): string[] {
  const out: string[] = [];
  TOKEN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while (TOKEN.lastIndex < text.length && (m = TOKEN.exec(text))) out.push(m[0]);
  return out;
}

const codeUnit = fc.oneof(
  fc.constantFrom('\0', '\r', '\n', '\r\n', '\t', '"', "'", '[[', ']]', '[==[', '--', '--[[', '\\', '\\x', '\\u{',
    '\u2028', '\ufeff', '\ud800', '\udc00', '😀', 'é', '#!', '::', 'goto', '---@param', '---@type ', '--!workflow\n'),
  fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
  fc.constantFrom('local', 'function', 'end', 'return', 'then', 'require', '(', ')', '{', '}', '.', ':', '=', ',', '...'),
);

const pos = fc.integer({ min: 0, max: SCALE });

/** One mutation. `maxDepth` bounds nesting (10,000 in the checker fuzzer). */
export function mutation(maxDepth = 10_000, maxLine = 100_000): fc.Arbitrary<Mutation> {
  return fc.oneof(
    { weight: 3, arbitrary: fc.record({ kind: fc.constant('delete' as const), at: pos }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('duplicate' as const), at: pos }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('swap' as const), at: pos, with: pos }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('cut' as const), at: pos }) },
    { weight: 3, arbitrary: fc.record({ kind: fc.constant('insert' as const), at: pos, text: fc.array(codeUnit, { minLength: 1, maxLength: 12 }).map((a) => a.join('')) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('long-line' as const), at: pos, piece: fc.constantFrom('x', 'a = 1 ', '"', '-', ' ', 'é', '(', 'f(x) '), repeat: fc.integer({ min: 1000, max: maxLine }) }) },
    { weight: 1, arbitrary: fc.record({
      kind: fc.constant('nest' as const), at: pos, shape: fc.nat({ max: NEST_SHAPES.length - 1 }),
      depth: fc.oneof(fc.integer({ min: 1, max: 60 }), fc.integer({ min: 1000, max: maxDepth })), closed: fc.boolean(),
    }) },
  );
}

/** 1..`max` mutations. */
export function mutations(max = 4, maxDepth?: number, maxLine?: number): fc.Arbitrary<Mutation[]> {
  return fc.array(mutation(maxDepth, maxLine), { minLength: 1, maxLength: max });
}

const index = (at: number, n: number): number => (n <= 0 ? 0 : Math.min(n - 1, Math.floor((at / (SCALE + 1)) * n)));
const offset = (at: number, n: number): number => Math.min(n, Math.floor((at / SCALE) * n));

/** Applies one mutation to `text`. */
export function applyMutation(text: string, m: Mutation): string {
  switch (m.kind) {
    case 'delete': case 'duplicate': case 'swap': {
      const pieces = luaPieces(text);
      const tokens = pieces.map((p, i) => (/^\s/.test(p) ? -1 : i)).filter((i) => i >= 0);
      if (tokens.length === 0) return text;
      const i = tokens[index(m.at, tokens.length)]!;
      if (m.kind === 'delete') pieces.splice(i, 1);
      else if (m.kind === 'duplicate') pieces.splice(i, 0, pieces[i]!);
      else {
        const j = tokens[index(m.with, tokens.length)]!;
        [pieces[i], pieces[j]] = [pieces[j]!, pieces[i]!];
      }
      return pieces.join('');
    }
    case 'cut': return text.slice(0, offset(m.at, text.length));
    case 'insert': {
      const o = offset(m.at, text.length);
      return text.slice(0, o) + m.text + text.slice(o);
    }
    case 'long-line': {
      const o = offset(m.at, text.length);
      return text.slice(0, o) + m.piece.repeat(Math.ceil(m.repeat / m.piece.length)) + text.slice(o);
    }
    case 'nest': {
      const [open, close] = NEST_SHAPES[m.shape]!;
      const o = offset(m.at, text.length);
      const inner = open.repeat(m.depth) + 'x' + (m.closed ? close.repeat(m.depth) : '');
      return text.slice(0, o) + ` ${inner} ` + text.slice(o);
    }
  }
}

/** Applies mutations in order. */
export function applyMutations(text: string, ms: readonly Mutation[]): string {
  return ms.reduce(applyMutation, text);
}
