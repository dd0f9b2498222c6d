// Tolerant parsing: luaparse (ranges, comments) plus a repair loop, so a document with a syntax
// error still yields a tree (and one `syntax-error`). Never throws. The grammar follows the Lua
// version: luaparse's own 5.1, 5.2, 5.3 and LuaJIT modes; 5.4 is 5.3 plus the `<const>`/`<close>`
// attributes (blanked before parsing, offsets kept, recorded in `attributes`); LuaJIT also accepts
// 5.1's unknown escapes (`"\?"`).
import { parse as luaparse } from 'luaparse';
import type { CallExpression, Chunk, Comment, Node, ReturnStatement } from 'luaparse';

/** One syntax error: Lua's wording (without luaparse's `[line:col]` prefix) and its offsets. */
export interface SyntaxErrorInfo {
  readonly message: string;
  readonly start: number;
  readonly end: number;
}

export interface ParseResult {
  /** The tree, with ranges in the ORIGINAL text's UTF-16 offsets (possibly repaired). */
  readonly chunk: Chunk;
  /** At most one error: the first one Lua would report. Empty when the text parses. */
  readonly syntaxErrors: readonly SyntaxErrorInfo[];
  readonly comments: readonly Comment[];
  /** True when the tree comes from a repaired text (or is empty because repair failed). */
  readonly repaired: boolean;
  /** Lua 5.4 attributes of local names (`local x <const> = 1`): the name's offsets. */
  readonly attributes: readonly LocalAttribute[];
}

export interface LocalAttribute {
  readonly name: string;
  readonly attribute: 'const' | 'close';
  /** Offsets of the name. */
  readonly start: number;
  readonly end: number;
}


const LUAPARSE_VERSION = { '5.1': '5.1', '5.2': '5.2', '5.3': '5.3', '5.4': '5.3', luajit: 'LuaJIT' } as const;
/** A name followed by a 5.4 attribute. */
const ATTRIBUTE = /([A-Za-z_][A-Za-z0-9_]*)(\s*)<\s*(const|close)\s*>/g;

/** The identifier the repair loop inserts where a name or expression was expected. */
export const HOLE = '__luamod_hole';

const MAX_REPAIRS = 24;
const TOKEN = /[A-Za-z_][A-Za-z0-9_]*|0[xX][0-9a-fA-F.pP+-]*|\d[\d.eE]*|\.\.\.|\.\.|==|~=|<=|>=|<<|>>|\/\/|::|"(?:[^"\\\n]|\\.)*"?|'(?:[^'\\\n]|\\.)*'?|\S/y;

/** How hard parseLua tries to get a tree out of a text with syntax errors. */
export interface ParseOptions {
  /** The Lua version (default 5.3). */
  readonly version?: '5.1' | '5.2' | '5.3' | '5.4' | 'luajit';
  /**
   * Most repair steps (default 24), each a full parse. A large document gets few: 24 parses of 4 MB
   * took 20 s; 0 gives the first error and an empty tree.
   */
  readonly maxRepairs?: number;
  /**
   * Only the syntax errors: no ranges or comments are recorded and the tree is dropped (an empty
   * chunk is returned), which halves the memory of a parse (`luamod check` on a large file).
   */
  readonly errorsOnly?: boolean;
}

/** Parses `text` as Lua of `options.version` (default 5.3). Never throws; see ParseResult. */
export function parseLua(text: string, options: ParseOptions = {}): ParseResult {
  const maxRepairs = options.maxRepairs ?? MAX_REPAIRS;
  const version = options.version ?? '5.3';
  const luaVersion = LUAPARSE_VERSION[version] ?? '5.3';
  // luaparse keeps the previous parse's lookahead token: a lexer error at the first token names that
  // stale token ("near '('" for `!`), or throws a TypeError on a process's first parse. Reset it.
  luaparse('', { luaVersion: '5.3', comments: false });
  let source = text.charCodeAt(0) === 0xfeff ? ' ' + text.slice(1) : text;
  if (source.startsWith('#')) source = blank(source, 0, lineEndOf(source, 0));
  const attributes: LocalAttribute[] = [];
  if (version === '5.4' && source.includes('<')) {
    source = source.replace(ATTRIBUTE, (all: string, name: string, space: string, attribute: 'const' | 'close', at: number) => {
      attributes.push({ name, attribute, start: at, end: at + name.length });
      return name + space + ' '.repeat(all.length - name.length - space.length);
    });
  }
  const inserts: Insert[] = [];
  let first: SyntaxErrorInfo | undefined;
  let lastKey = '';
  for (let attempt = 0; attempt <= maxRepairs; attempt++) {
    const calls: Array<CallExpression | ReturnStatement> = [];
    // Collecting calls costs a callback per node: only when the text may hold `(,` or `return ,`.
    const watch = attempt === 0 && mayHaveStrayComma(source);
    try {
      const chunk = luaparse(source, {
        luaVersion, ranges: !options.errorsOnly, locations: false, comments: !options.errorsOnly, scope: false,
        ...(watch ? {
          onCreateNode: (node: Node) => {
            if (node.type === 'CallExpression' || node.type === 'ReturnStatement') calls.push(node);
          },
        } : {}),
      });
      if (options.errorsOnly) return { chunk: emptyChunk(text), syntaxErrors: first ? [first] : [], comments: [], repaired: !!first, attributes };
      if (inserts.length) remapRanges(chunk, inserts);
      const errors = first ? [first] : strayCommas(text, calls, inserts.length === 0);
      return { chunk, syntaxErrors: errors, comments: chunk.comments ?? [], repaired: !!first, attributes };
    } catch (err) {
      const e = err as { message?: string; index?: number };
      if (typeof e.index !== 'number') throw err;
      // Lua writes `near <eof>` without quotes.
      const message = String(e.message).replace(/^\[\d+:\d+\]\s*/, '').replace("'<eof>'", '<eof>');
      const at = Math.min(e.index, source.length);
      const fixed = attempt < MAX_REPAIRS ? toleratedByVersion(version, message, source, at) : undefined;
      if (fixed !== undefined) { source = fixed; continue; }
      if (!first) {
        const start = toOriginal(at, inserts);
        first = { message, start, end: Math.min(text.length, start + tokenLength(source, at)) };
      }
      const key = `${message}@${at}`;
      const repeated = key === lastKey;
      lastKey = key;
      const next = repair(source, message, at, repeated, inserts);
      if (next === undefined) break;
      source = next;
    }
  }
  return { chunk: emptyChunk(text), syntaxErrors: first ? [first] : [], comments: [], repaired: true, attributes };
}

function emptyChunk(text: string): Chunk {
  return { type: 'Chunk', body: [], comments: [], range: [0, text.length] };
}

/**
 * Errors luaparse raises where the version's Lua does not (the text is fixed silently, offsets kept):
 * LuaJIT, like 5.1, reads an unknown escape `\?` as the character; luaparse's 5.1 and LuaJIT modes
 * reject `break;` (a `break` followed by its optional semicolon), which Lua 5.1 accepts.
 */
function toleratedByVersion(version: string, message: string, source: string, at: number): string | undefined {
  if (version === 'luajit' && message.startsWith('invalid escape sequence')) {
    const slash = source.lastIndexOf('\\', at);
    return slash >= 0 ? blank(source, slash, slash + 1) : undefined;
  }
  if ((version === '5.1' || version === 'luajit') && message.startsWith("'end' expected near ';'") && source[at] === ';' &&
      /\bbreak\s*$/.test(source.slice(Math.max(0, at - 40), at))) {
    return blank(source, at, at + 1);
  }
  return undefined;
}

const SPACE = /\s/;
const WORD = /\w/;

/**
 * Whether `source` matches /\(\s*,|\breturn\s*,/ (the same answer): from each comma, back over
 * white space to a `(` or a whole word `return`. Several times faster than the regex on long texts.
 */
function mayHaveStrayComma(source: string): boolean {
  for (let comma = source.indexOf(','); comma >= 0; comma = source.indexOf(',', comma + 1)) {
    let i = comma - 1;
    while (i >= 0 && SPACE.test(source[i]!)) i--;
    if (i < 0) continue;
    if (source.charCodeAt(i) === 0x28 /* ( */) return true;
    if (i >= 5 && source.startsWith('return', i - 5) && (i < 6 || !WORD.test(source[i - 6]!))) return true;
  }
  return false;
}

interface Insert { at: number; length: number }

/** One repair step on `source` (in repaired coordinates); undefined when nothing more can be done. */
function repair(source: string, message: string, at: number, repeated: boolean, inserts: Insert[]): string | undefined {
  const insert = (s: string): string => {
    const piece = ` ${s} `;
    for (const ins of inserts) if (ins.at >= at) ins.at += piece.length;
    inserts.push({ at, length: piece.length });
    return source.slice(0, at) + piece + source.slice(at);
  };
  const atEof = /^\s*$/.test(source.slice(at));
  if (!repeated) {
    const expected = /^'([^']+)' expected/.exec(message);
    if (expected) return insert(expected[1]!);
    if (/^<(name|expression)> expected/.test(message)) return insert(HOLE);
    if (message.startsWith('function arguments expected')) return insert('()');
  }
  if (message.startsWith('unfinished')) {
    const long = message.includes('long');
    const from = long ? lastMatch(source, /\[=*\[/g, at) : Math.max(source.lastIndexOf('"', at), source.lastIndexOf("'", at));
    const start = from >= 0 && from < at ? from : at;
    const end = long ? source.length : Math.max(lineEndOf(source, start), at);
    return end > start ? blank(source, start, end) : undefined;
  }
  if (atEof) return undefined;
  if (message.startsWith('unexpected') && !repeated) return blank(source, at, Math.max(lineEndOf(source, at), at + tokenLength(source, at)));
  return blank(source, at, at + tokenLength(source, at));
}

function lastMatch(source: string, re: RegExp, before: number): number {
  let last = -1;
  for (const m of source.matchAll(re)) { if (m.index >= before) break; last = m.index; }
  return last;
}

function tokenLength(source: string, at: number): number {
  TOKEN.lastIndex = at;
  const m = TOKEN.exec(source);
  return m ? Math.max(1, m[0].length) : 1;
}

function lineEndOf(text: string, at: number): number {
  const nl = text.indexOf('\n', at);
  return nl < 0 ? text.length : nl;
}

/** Replaces [start, end) with spaces, keeping line breaks so offsets and lines stay put. */
function blank(text: string, start: number, end: number): string {
  return text.slice(0, start) + text.slice(start, end).replace(/[^\r\n]/g, ' ') + text.slice(end);
}

function toOriginal(offset: number, inserts: readonly Insert[]): number {
  let shift = 0;
  for (const ins of inserts) {
    if (ins.at + ins.length <= offset) shift += ins.length;
    else if (ins.at < offset) shift += offset - ins.at;
  }
  return offset - shift;
}

/** Maps every node range of a tree parsed from repaired text back to the original text. */
function remapRanges(root: unknown, inserts: readonly Insert[]): void {
  const stack: unknown[] = [root];
  const seen = new Set<unknown>();
  while (stack.length) {
    const node = stack.pop();
    if (!node || typeof node !== 'object' || seen.has(node)) continue;
    seen.add(node);
    if (Array.isArray(node)) { for (const n of node) stack.push(n); continue; }
    const n = node as { range?: [number, number] } & Record<string, unknown>;
    if (n.range) n.range = [toOriginal(n.range[0], inserts), toOriginal(n.range[1], inserts)];
    for (const key in n) {
      if (key === 'range') continue;
      const v = n[key];
      if (v && typeof v === 'object') stack.push(v);
    }
  }
}

/** luaparse 0.3.1 accepts `f(, x)` and `return , 1`; Lua does not. */
function strayCommas(text: string, nodes: ReadonlyArray<CallExpression | ReturnStatement>, exact: boolean): SyntaxErrorInfo[] {
  if (!exact) return [];
  let best: SyntaxErrorInfo | undefined;
  for (const node of nodes) {
    const firstArg = node.arguments[0];
    if (!firstArg) continue;
    const from = node.type === 'CallExpression' ? node.base.range[1] : node.range[0] + 6;
    const between = text.slice(from, firstArg.range[0]);
    const m = node.type === 'CallExpression' ? /^\s*\(\s*,/.exec(between) : /^\s*,/.exec(between);
    if (!m) continue;
    const start = from + m[0].length - 1;
    if (!best || start < best.start) best = { message: "unexpected symbol near ','", start, end: start + 1 };
  }
  return best ? [best] : [];
}
