// Tokenizer for the type notation (`fun(a: number) -> string?`, `{[string]: any}`, `"lit"`).
// Produces a flat token array with 1-based columns; parse.ts consumes it.

/** Raised for any malformed type text; `column` is 1-based, `expected` says what would fit. */
export class TypeParseError extends Error {
  constructor(
    readonly expected: string,
    readonly column: number,
    readonly found?: string,
  ) {
    super(`expected ${expected} at column ${column}${found === undefined ? '' : ` (found ${found})`}`);
    this.name = 'TypeParseError';
  }
}

export type TokenKind = 'ident' | 'string' | 'number' | 'punct' | 'eof';

export interface Token {
  readonly kind: TokenKind;
  /** Identifier name, punctuation text, or the decoded literal value as text. */
  readonly text: string;
  /** For numbers and strings: the literal value. */
  readonly value?: string | number;
  /** 1-based column of the first character. */
  readonly column: number;
}

const PUNCT = ['...', '->', '(', ')', '{', '}', '[', ']', '<', '>', ',', ':', '?', '|', '&', '.'];
const IDENT = /[A-Za-z_][A-Za-z0-9_]*/y;
const NUMBER = /-?(?:\d+(?:\.\d+)?|\.\d+)(?:[eE][+-]?\d+)?/y;
const SPACE = /\s/;
const ESCAPES: Record<string, string> = { '"': '"', "'": "'", '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

/** Splits `text` into tokens, ending with an `eof` token. Throws TypeParseError on a bad character. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    const code = text.charCodeAt(i);
    if (code === 32 || SPACE.test(ch)) { i++; continue; }
    const column = i + 1;
    if ((code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95) {
      IDENT.lastIndex = i;
      const name = IDENT.exec(text)![0];
      tokens.push({ kind: 'ident', text: name, column });
      i += name.length;
      continue;
    }
    if ((code >= 48 && code <= 57) || ((ch === '-' || ch === '.') && /\d/.test(text[i + 1] ?? ''))) {
      NUMBER.lastIndex = i;
      const num = NUMBER.exec(text);
      if (num) {
        tokens.push({ kind: 'number', text: num[0], value: globalThis.Number(num[0]), column });
        i += num[0].length;
        continue;
      }
    }
    if (ch === '"' || ch === "'") {
      const [value, end] = readString(text, i);
      tokens.push({ kind: 'string', text: text.slice(i, end), value, column });
      i = end;
      continue;
    }
    const punct = PUNCT.find((p) => text.startsWith(p, i));
    if (!punct) throw new TypeParseError('a type', column, `'${ch}'`);
    tokens.push({ kind: 'punct', text: punct, column });
    i += punct.length;
  }
  tokens.push({ kind: 'eof', text: '', column: text.length + 1 });
  return tokens;
}

/** Reads a quoted string starting at `start`; returns the decoded value and the index after it. */
function readString(text: string, start: number): [string, number] {
  const quote = text[start]!;
  let out = '';
  let i = start + 1;
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === quote) return [out, i + 1];
    if (ch === '\\') {
      const next = text[i + 1];
      if (next === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
        out += globalThis.String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16));
        i += 6;
        continue;
      }
      const esc = next === undefined ? undefined : ESCAPES[next];
      if (esc === undefined) throw new TypeParseError('a valid escape', i + 1, next === undefined ? 'end of text' : `'\\${next}'`);
      out += esc;
      i += 2;
      continue;
    }
    out += ch;
    i++;
  }
  throw new TypeParseError(`closing ${quote}`, text.length + 1, 'end of text');
}
