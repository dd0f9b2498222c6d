// The one place where offsets become LSP positions (0-based line, UTF-16 character) and back.
// luaparse works on JS strings, so its ranges are UTF-16 code-unit offsets already.

/** A 0-based line and UTF-16 character, as in the Language Server Protocol. */
export interface Position { readonly line: number; readonly character: number }
/** A half-open span of positions. */
export interface Range { readonly start: Position; readonly end: Position }

/** Line starts of one text, for fast offset ↔ position conversion (binary search). */
export class LineIndex {
  /** Offset of the first character of each line. */
  readonly lineStarts: readonly number[];

  constructor(readonly text: string) {
    const starts = [0];
    let nl = text.indexOf('\n');
    let cr = text.indexOf('\r');
    while (nl >= 0 || cr >= 0) {
      if (cr < 0 || (nl >= 0 && nl < cr)) {
        starts.push(nl + 1);
        nl = text.indexOf('\n', nl + 1);
      } else {
        const next = text.charCodeAt(cr + 1) === 10 ? cr + 2 : cr + 1;
        starts.push(next);
        if (nl >= 0 && nl < next) nl = text.indexOf('\n', next);
        cr = text.indexOf('\r', next);
      }
    }
    this.lineStarts = starts;
  }

  get lineCount(): number { return this.lineStarts.length; }

  /** The line holding `offset` (0-based). */
  lineOf(offset: number): number {
    const starts = this.lineStarts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  positionAt(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    const line = this.lineOf(o);
    // An offset between the \r and \n of a CRLF belongs at the end of its line, not past it.
    return { line, character: Math.min(o, this.lineEnd(line)) - this.lineStarts[line]! };
  }

  offsetAt(pos: Position): number {
    if (pos.line < 0) return 0;
    if (pos.line >= this.lineStarts.length) return this.text.length;
    const start = this.lineStarts[pos.line]!;
    const end = this.lineEnd(pos.line);
    return Math.min(start + Math.max(0, pos.character), end);
  }

  rangeOf(start: number, end: number): Range {
    return { start: this.positionAt(start), end: this.positionAt(end) };
  }

  /** Offset just past the last character of `line` (before its line break). */
  lineEnd(line: number): number {
    let end = line + 1 < this.lineStarts.length ? this.lineStarts[line + 1]! : this.text.length;
    while (end > this.lineStarts[line]! && (this.text.charCodeAt(end - 1) === 10 || this.text.charCodeAt(end - 1) === 13)) end--;
    return end;
  }

  /** The text of `line` without its line break. */
  lineText(line: number): string {
    return this.text.slice(this.lineStarts[line] ?? this.text.length, this.lineEnd(line));
  }
}

const utf8 = new TextDecoder('utf-8');
const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', f: '\f', v: '\v', '\\': '\\', '"': '"', "'": "'", '\n': '\n', '\r': '\n' };

/**
 * Decodes the raw text of a Lua string literal (quotes or long brackets included) to the JS string
 * it denotes. Escapes follow Lua 5.3: `\n`, `\ddd`, `\xXX`, `\u{XXX}`, `\z`, line continuations.
 * Byte escapes above 0x7F that form UTF-8 sequences are decoded as UTF-8.
 */
export function decodeLuaString(raw: string): string {
  if (raw.startsWith('[')) {
    const open = raw.indexOf('[', 1);
    let body = raw.slice(open + 1, raw.length - (open + 1));
    if (body.startsWith('\r\n')) body = body.slice(2);
    else if (body.startsWith('\n') || body.startsWith('\r')) body = body.slice(1);
    return body;
  }
  const body = raw.slice(1, raw.length > 1 ? raw.length - 1 : 1);
  if (!body.includes('\\')) return body;
  const bytes: number[] = [];
  let out = '';
  const flush = (): void => {
    if (bytes.length) { out += utf8.decode(Uint8Array.from(bytes)); bytes.length = 0; }
  };
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    if (ch !== '\\') { flush(); out += ch; continue; }
    const n = body[++i];
    if (n === undefined) break;
    if (n in ESCAPES) {
      flush(); out += ESCAPES[n];
      if ((n === '\n' && body[i + 1] === '\r') || (n === '\r' && body[i + 1] === '\n')) i++;
    } else if (n === 'x') {
      bytes.push(parseInt(body.slice(i + 1, i + 3), 16) || 0); i += 2;
    } else if (n === 'z') {
      while (i + 1 < body.length && /\s/.test(body[i + 1]!)) i++;
    } else if (n === 'u') {
      const close = body.indexOf('}', i);
      const cp = parseInt(body.slice(i + 2, close), 16);
      flush();
      out += Number.isFinite(cp) && cp <= 0x10ffff ? String.fromCodePoint(cp) : '\ufffd';
      i = close < 0 ? body.length : close;
    } else if (n >= '0' && n <= '9') {
      let digits = n;
      while (digits.length < 3 && body[i + 1]! >= '0' && body[i + 1]! <= '9') digits += body[++i];
      const v = parseInt(digits, 10);
      if (v < 128) { flush(); out += String.fromCharCode(v); } else bytes.push(v & 255);
    } else {
      flush(); out += n;
    }
  }
  flush();
  return out;
}
