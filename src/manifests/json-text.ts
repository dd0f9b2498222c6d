// JSON text with positions: parses with jsonc-parser (strict JSON: no comments, no trailing commas),
// reports syntax errors with line/column, and finds the position of any JSON path.
import { findNodeAtLocation, getNodeValue, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';

/** 0-based line and character, as the language server wants them. */
export interface TextPosition {
  readonly line: number;
  readonly character: number;
}

export interface JsonSyntaxError {
  readonly message: string;
  /** 1-based. */
  readonly line: number;
  /** 1-based. */
  readonly column: number;
}

export interface ParsedJson {
  readonly value: unknown;
  readonly syntaxErrors: readonly JsonSyntaxError[];
  /** Position of the property key (or array element) at `path`, or undefined. */
  locate(path: readonly (string | number)[]): TextPosition | undefined;
}

const MESSAGES: Record<string, string> = {
  InvalidSymbol: 'unexpected character', InvalidNumberFormat: 'bad number', PropertyNameExpected: 'expected a property name',
  ValueExpected: 'expected a value', ColonExpected: "expected ':'", CommaExpected: "expected ','",
  CloseBraceExpected: "expected '}'", CloseBracketExpected: "expected ']'", EndOfFileExpected: 'expected end of file',
  InvalidCommentToken: 'comments are not allowed in JSON', UnexpectedEndOfComment: 'unterminated comment',
  UnexpectedEndOfString: 'unterminated string', UnexpectedEndOfNumber: 'unterminated number',
  InvalidUnicode: 'bad unicode escape', InvalidEscapeCharacter: 'bad escape character', InvalidCharacter: 'bad character in string',
};

/** Parses `text` as strict JSON. Never throws. The position tree is built only when needed. */
export function parseJsonText(text: string): ParsedJson {
  let lineStarts: number[] | undefined;
  const position = (offset: number): TextPosition => {
    if (!lineStarts) {
      lineStarts = [0];
      // Line breaks as editors count them: \n, \r\n and a lone \r.
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) lineStarts.push(i + 1);
      }
    }
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid]! <= offset) lo = mid; else hi = mid - 1;
    }
    return { line: lo, character: offset - lineStarts[lo]! };
  };
  let tree: { root: Node | undefined; errors: ParseError[] } | undefined;
  const getTree = (): { root: Node | undefined; errors: ParseError[] } => {
    if (!tree) {
      const errors: ParseError[] = [];
      try {
        const root = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
        tree = { root, errors };
      } catch {
        tree = { root: undefined, errors: [] }; // nested too deeply for a recursive parser
      }
    }
    return tree;
  };
  const locate = (path: readonly (string | number)[]): TextPosition | undefined => {
    const { root } = getTree();
    if (!root) return undefined;
    const node = findNodeAtLocation(root, [...path]);
    if (!node) return undefined;
    const anchor = node.parent?.type === 'property' ? node.parent.children![0]! : node;
    return position(anchor.offset);
  };
  try {
    // The fast path: valid JSON needs no tree until someone asks for a position.
    return { value: JSON.parse(text) as unknown, syntaxErrors: [], locate };
  } catch {
    const { root, errors } = getTree();
    const syntaxErrors = errors.map((e) => {
      const pos = position(e.offset);
      const code = printParseErrorCode(e.error);
      return { message: MESSAGES[code] ?? code, line: pos.line + 1, column: pos.character + 1 };
    });
    if (!syntaxErrors.length) syntaxErrors.push({ message: 'invalid JSON (or nested too deeply)', line: 1, column: 1 });
    return { value: root && !errors.length ? getNodeValue(root) : undefined, syntaxErrors, locate };
  }
}

/** `["export", "fields", "join"]` → `export.fields.join`; array indices print as `[0]`. */
export function formatJsonPath(path: readonly (string | number)[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += out === '' ? seg : `.${seg}`;
  }
  return out;
}
