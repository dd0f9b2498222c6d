// A strict JSON (RFC 8259) parser producing host values, with errors that name the position
// (line, column and byte-free character offset). `null` becomes `null` (nil in Lua).
import type { LuaValue } from '../../module/host-api';

/** Deepest nesting accepted (arrays and objects). */
export const MAX_DEPTH = 512;

export interface JsonSyntaxError {
  readonly message: string;
  /** 0-based character offset into the text. */
  readonly offset: number;
  /** 1-based. */
  readonly line: number;
  /** 1-based. */
  readonly column: number;
}

export type DecodeResult = { readonly value: LuaValue } | { readonly error: JsonSyntaxError };

class Fail extends Error {
  constructor(message: string, readonly offset: number) { super(message); }
}

/** Parses JSON text; objects become plain records, arrays JS arrays (nulls kept as `null`). */
export function decodeJson(text: string, maxDepth: number = MAX_DEPTH): DecodeResult {
  const p = new JsonParser(text, maxDepth);
  try {
    p.ws();
    const value = p.value(0);
    p.ws();
    if (p.pos < text.length) throw new Fail(`unexpected ${describe(text[p.pos])} after the value`, p.pos);
    return { value };
  } catch (e) {
    if (!(e instanceof Fail)) throw e;
    const before = text.slice(0, e.offset);
    const line = before.split('\n').length;
    const column = e.offset - (before.lastIndexOf('\n') + 1) + 1;
    return { error: { message: `${e.message} at line ${line}, column ${column}`, offset: e.offset, line, column } };
  }
}

const describe = (c: string | undefined): string => (c === undefined ? 'end of input' : JSON.stringify(c));

class JsonParser {
  pos = 0;
  /** A run of characters that need no escape handling inside a string (sticky; per parser). */
  private readonly plain = /[^"\\\u0000-\u001f]*/y;
  constructor(private readonly s: string, private readonly maxDepth: number) {}

  ws(): void {
    while (this.pos < this.s.length && ' \t\n\r'.includes(this.s[this.pos])) this.pos++;
  }

  value(depth: number): LuaValue {
    const c = this.s[this.pos];
    switch (c) {
      case '{': return this.object(depth + 1);
      case '[': return this.array(depth + 1);
      case '"': return this.string();
      case 't': return this.word('true', true);
      case 'f': return this.word('false', false);
      case 'n': return this.word('null', null);
      default:
        if (c === '-' || (c >= '0' && c <= '9')) return this.number();
        throw new Fail(`unexpected ${describe(c)}, expected a value`, this.pos);
    }
  }

  private word<T extends LuaValue>(word: string, value: T): T {
    if (!this.s.startsWith(word, this.pos)) throw new Fail(`invalid literal, expected ${word}`, this.pos);
    this.pos += word.length;
    return value;
  }

  /**
   * A whole number that a double cannot hold exactly but 64 bits can decodes as a bigint (a Lua
   * integer, exact); every other number as a JS number (a Lua integer when it is a safe integer).
   */
  private number(): number | bigint {
    const m = /-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y;
    m.lastIndex = this.pos;
    const r = m.exec(this.s);
    if (!r) throw new Fail('invalid number', this.pos);
    const next = this.s[this.pos + r[0].length];
    if (next !== undefined && /[\d.eE+-]/.test(next)) throw new Fail('invalid number', this.pos);
    this.pos += r[0].length;
    const n = Number(r[0]);
    if (r[2] === undefined && r[3] === undefined && !Number.isSafeInteger(n)) {
      const big = BigInt(r[0]);
      if (big !== BigInt(n) && big >= -(2n ** 63n) && big < 2n ** 63n) return big;
    }
    return n;
  }

  private string(): string {
    const start = this.pos++;
    let out = '';
    for (;;) {
      const c = this.s[this.pos];
      if (c === undefined) throw new Fail('unterminated string', start);
      if (c === '"') { this.pos++; return out; }
      if (c < ' ') throw new Fail('control character in string', this.pos);
      if (c !== '\\') {
        this.plain.lastIndex = this.pos;
        this.plain.test(this.s);
        out += this.s.slice(this.pos, this.plain.lastIndex);
        this.pos = this.plain.lastIndex;
        continue;
      }
      const e = this.s[this.pos + 1];
      const simple: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
      if (e !== undefined && e in simple) { out += simple[e]; this.pos += 2; continue; }
      if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(this.s.slice(this.pos + 2, this.pos + 6))) {
        out += String.fromCharCode(parseInt(this.s.slice(this.pos + 2, this.pos + 6), 16));
        this.pos += 6;
        continue;
      }
      throw new Fail('invalid escape in string', this.pos);
    }
  }

  private array(depth: number): LuaValue[] {
    if (depth > this.maxDepth) throw new Fail(`nesting deeper than ${this.maxDepth}`, this.pos);
    this.pos++;
    const out: LuaValue[] = [];
    this.ws();
    if (this.s[this.pos] === ']') { this.pos++; return out; }
    for (;;) {
      this.ws();
      out.push(this.value(depth));
      this.ws();
      const c = this.s[this.pos++];
      if (c === ']') return out;
      if (c !== ',') throw new Fail(`unexpected ${describe(c)}, expected ',' or ']'`, this.pos - 1);
    }
  }

  private object(depth: number): { [key: string]: LuaValue } {
    if (depth > this.maxDepth) throw new Fail(`nesting deeper than ${this.maxDepth}`, this.pos);
    this.pos++;
    const out: { [key: string]: LuaValue } = Object.create(null);
    this.ws();
    if (this.s[this.pos] === '}') { this.pos++; return out; }
    for (;;) {
      this.ws();
      if (this.s[this.pos] !== '"') throw new Fail(`unexpected ${describe(this.s[this.pos])}, expected a property name`, this.pos);
      const key = this.string();
      this.ws();
      if (this.s[this.pos] !== ':') throw new Fail(`unexpected ${describe(this.s[this.pos])}, expected ':'`, this.pos);
      this.pos++;
      this.ws();
      out[key] = this.value(depth);
      this.ws();
      const c = this.s[this.pos++];
      if (c === '}') return out;
      if (c !== ',') throw new Fail(`unexpected ${describe(c)}, expected ',' or '}'`, this.pos - 1);
    }
  }
}
