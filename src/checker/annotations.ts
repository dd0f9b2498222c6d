// LuaCATS-style annotations (`---@param`, `---@return`, `---@type`, `---@class`, `---@field`,
// `---@alias`, `---@deprecated`) read from comments, with types in the luamod notation.
import type { Comment } from 'luaparse';
import { tryParseType } from '../types/parse';
import { mapType } from '../types/walk';
import type { Field, FunctionType, RecordType, Type } from '../types/type';
import type { MessageArgs } from './messages';
import type { LineIndex } from './positions';
import { ANY, newTableType } from './type-ops';

/** The annotations written on the lines just above one statement. */
export interface AnnotationBlock {
  readonly params: Map<string, { type: Type; optional: boolean }>;
  readonly returns: Type[];
  type?: Type;
  /** The class this block declares (its fields are already in `classes`). */
  cls?: RecordType;
  deprecated?: string;
  /** `---@enum Name` on a table: Name is the type of its values. */
  enumName?: string;
  /** `---@generic T, U`: the function's type parameters. */
  generics?: string[];
  /** `---@overload fun(...)`: other signatures the function accepts. */
  overloads?: FunctionType[];
  /** Offset of the block's first comment. */
  readonly start: number;
  /** An LDoc/JSDoc block (`--- @param {string} name`): not LuaCATS, its tags are not read. */
  ldoc?: boolean;
}

/** LDoc's and JSDoc's typed tags: `@param {type} name`, `@tparam type name`, `@treturn type`. */
const LDOC_TAG = /^---?\s*@(?:param\s+\{|tparam\b|treturn\b|return\s+\{[^}]*[<*][^}]*\})/;

/** A type written in an annotation, with the offsets of its text (for annotation-error). */
export interface AnnotationType {
  readonly type: Type;
  readonly start: number;
  readonly end: number;
  /**
   * A lone name followed by prose (`---@param fn Callback to call`): older LuaDoc writes a
   * description where LuaCATS has a type. An unknown name here is reported only when it looks like
   * a typo of a known type (annotation-error.ts).
   */
  readonly prose?: boolean;
}

/**
 * `---@cast name T` (the local or global is a T from here on), `---@cast name -nil` (not nil), or
 * `---@cast name +T` (may also be a T). Applied before the first statement after the comment.
 */
export interface Cast {
  readonly name: string;
  readonly op: 'set' | 'add' | 'remove-nil';
  readonly type: Type;
  /** End of the comment: the cast applies from the next statement after it. */
  readonly at: number;
}

/** An annotation the checker could not read: offsets and the annotation-error message args. */
export interface AnnotationProblem {
  readonly start: number;
  readonly end: number;
  readonly args: MessageArgs;
}

export interface Annotations {
  /** Blocks by the 0-based line of the statement they annotate. */
  readonly byLine: Map<number, AnnotationBlock>;
  /** `---@class` and `---@alias` names of this file. */
  readonly userTypes: Map<string, Type>;
  /** Every type read from an annotation (their names are resolved once the file is checked). */
  readonly types: AnnotationType[];
  /** Annotations that could not be read (a type the notation rejects, a tag without its parts). */
  readonly problems: AnnotationProblem[];
  /** `---@cast` lines, in source order. */
  readonly casts: Cast[];
  /** `---@class Dog : Animal`: each class with parents → the parents' names. */
  readonly classParents: Map<RecordType, string[]>;
  /** Where each `---@alias` and `---@class` name is declared (its first declaration). */
  readonly declared: Map<string, { readonly kind: 'alias' | 'class'; readonly start: number; readonly end: number }>;
}

/** Reads every `---@` annotation of a file's comments. */
export function readAnnotations(comments: readonly Comment[], lines: LineIndex): Annotations {
  const out: Annotations = { byLine: new Map(), userTypes: new Map(), types: [], problems: [], casts: [], classParents: new Map(), declared: new Map() };
  let block: AnnotationBlock | undefined;
  let blockLine = -2;
  let marks = { problems: 0, types: 0 };
  for (const c of comments) {
    if (!c.raw.startsWith('--')) continue;
    const line = lines.lineOf(c.range[0]);
    if (lines.text.slice(lines.lineStarts[line], c.range[0]).trim() !== '') continue;
    const ldoc = LDOC_TAG.test(c.raw);
    // LDoc continues a `---` block with `--` lines: they belong to it (and may show it is LDoc).
    if (!c.raw.startsWith('---') && !(ldoc && block && line === blockLine + 1)) continue;
    if (!block || line !== blockLine + 1) {
      block = { params: new Map(), returns: [], start: c.range[0] };
      marks = { problems: out.problems.length, types: out.types.length };
    }
    blockLine = line;
    out.byLine.set(line + 1, block);
    out.byLine.delete(line);
    if (ldoc && !block.ldoc) {
      // Forget what the block's earlier lines were read as: their tags are LDoc's.
      block.ldoc = true;
      block.params.clear();
      block.returns.length = 0;
      block.type = undefined;
      out.problems.length = marks.problems;
      out.types.length = marks.types;
    }
    if (block.ldoc) continue;
    const raw = c.raw.trimEnd();
    const m = /^---\s*@(\w+)\s*/.exec(raw);
    if (m) readTag(m[1]!, raw.slice(m[0].length), c.range[0] + m[0].length, [c.range[0], c.range[0] + raw.length], block, out);
  }
  return out;
}

/** Reads one tag; `rest` is the text after the tag, starting at document offset `at`. */
function readTag(tag: string, rest: string, at: number, comment: [number, number], block: AnnotationBlock, out: Annotations): void {
  const missing = (what: string): void => {
    out.problems.push({ start: comment[0], end: comment[1], args: { variant: 'missing', tag, what } });
  };
  switch (tag) {
    case 'param': {
      // `---@param a` alone (LDoc style): a documented parameter without a type.
      if (/^(\.\.\.|[A-Za-z_]\w*)\??$/.test(rest)) return;
      const m = /^(\.\.\.|[A-Za-z_]\w*)(\?)?\s+/.exec(rest);
      if (!m) { missing('a parameter name and a type (---@param name type)'); return; }
      const t = leadingType(rest.slice(m[0].length), at + m[0].length, tag, out, block.generics);
      block.params.set(m[1]!, { type: t, optional: !!m[2] || t.kind === 'optional' });
      return;
    }
    case 'return': {
      if (rest === '') { missing('a type'); return; }
      const t = leadingType(rest, at, tag, out, block.generics);
      if (t.kind === 'tuple') block.returns.push(...t.elements);
      else block.returns.push(t);
      return;
    }
    case 'type':
      if (rest === '') { missing('a type'); return; }
      block.type = leadingType(rest, at, tag, out, block.generics);
      return;
    case 'vararg': {
      // LuaCATS's older spelling of `---@param ... T`.
      if (rest === '') { missing('a type'); return; }
      const t = leadingType(rest, at, tag, out, block.generics);
      block.params.set('...', { type: t, optional: true });
      return;
    }
    case 'cast': {
      const m = /^([A-Za-z_]\w*)\s+([+-]?)\s*/.exec(rest);
      if (!m) { missing('a name and a type (---@cast name type, -nil or +type)'); return; }
      const typeText = rest.slice(m[0].length);
      if (m[2] === '-') {
        if (!/^nil\b/.test(typeText)) { missing('-nil (only nil can be taken away)'); return; }
        out.casts.push({ name: m[1]!, op: 'remove-nil', type: ANY, at: comment[1] });
        return;
      }
      if (typeText === '') { missing('a type'); return; }
      const t = leadingType(typeText, at + m[0].length, tag, out, block.generics);
      out.casts.push({ name: m[1]!, op: m[2] === '+' ? 'add' : 'set', type: t, at: comment[1] });
      return;
    }
    case 'class': {
      // `---@class Dog : Animal, Named`: the parents' members are the class's too (classes.ts).
      // LuaCATS generic classes `---@class Stack<T>`: T is any inside (the class is used as declared).
      const m = /^((?:\(\w+\)\s*)?)([A-Za-z_][\w.]*)(\s*<[\w\s,]*>)?(?:\s*:\s*(.*))?$/s.exec(rest);
      if (!m) { missing('a class name'); return; }
      const name = m[2]!;
      if (!out.declared.has(name)) out.declared.set(name, { kind: 'class', start: at + m[1]!.length, end: at + m[1]!.length + name.length });
      if (m[3]) for (const g of m[3].replace(/[<>]/g, '').split(',')) if (g.trim()) out.userTypes.set(g.trim(), ANY);
      const existing = out.userTypes.get(name);
      const cls = existing?.kind === 'record' ? existing : newTableType(name);
      out.userTypes.set(name, cls);
      block.cls = cls;
      if (m[4] !== undefined) {
        const parentsAt = at + rest.indexOf(m[4], m[1]!.length + name.length);
        const parents: string[] = [];
        // A parent's generic arguments (`table<string, integer>`) are not parents; `table` itself is
        // the builtin table type (nothing to inherit).
        const parentText = m[4].replace(/<[^<>]*>/g, (g) => ' '.repeat(g.length));
        for (const p of parentText.matchAll(/[A-Za-z_][\w.]*/g)) {
          if (p[0] === 'table') continue;
          parents.push(p[0]);
          out.types.push({ type: { kind: 'ref', name: p[0] }, start: parentsAt + p.index, end: parentsAt + p.index + p[0].length });
        }
        if (parents.length) out.classParents.set(cls, parents);
      }
      return;
    }
    case 'field': {
      // `---@field [string] V`: the class's indexer.
      const ix = /^(?:(?:public|private|protected|package)\s+)?\[([^\]]+)\]\s+/.exec(rest);
      if (ix) {
        if (!block.cls) return;
        const key = leadingType(ix[1]!, at + rest.indexOf(ix[1]!), tag, out, block.generics);
        const value = leadingType(rest.slice(ix[0].length), at + ix[0].length, tag, out, block.generics);
        (block.cls as { indexer?: RecordType['indexer'] }).indexer = { key, value };
        return;
      }
      const m = /^(?:(?:public|private|protected|package)\s+)?([A-Za-z_]\w*)(\?)?\s+/.exec(rest);
      if (!m) { missing('a field name and a type (---@field name type)'); return; }
      if (!block.cls) return;
      const t = leadingType(rest.slice(m[0].length), at + m[0].length, tag, out, block.generics);
      const field: Field = { type: t, optional: !!m[2] || t.kind === 'optional' };
      (block.cls.fields as Record<string, Field>)[m[1]!] = field;
      return;
    }
    case 'alias': {
      const m = /^([A-Za-z_][\w.]*)\s+/.exec(rest);
      if (!m) { missing('a name and a type'); return; }
      if (!out.declared.has(m[1]!)) out.declared.set(m[1]!, { kind: 'alias', start: at, end: at + m[1]!.length });
      out.userTypes.set(m[1]!, leadingType(rest.slice(m[0].length), at + m[0].length, tag, out, block.generics));
      return;
    }
    case 'deprecated':
      block.deprecated = rest.trim();
      return;
    case 'enum': {
      const m = /^([A-Za-z_][\w.]*)/.exec(rest);
      if (!m) { missing('a name (---@enum Name above a table of values)'); return; }
      block.enumName = m[1]!;
      // Known as a name at once (any until its table is checked), so annotations may use it anywhere.
      if (!out.userTypes.has(m[1]!)) out.userTypes.set(m[1]!, ANY);
      return;
    }
    case 'generic': {
      // `---@generic T, K : Base`: the names (constraints are not checked).
      const names = [...rest.matchAll(/([A-Za-z_]\w*)(?:\s*:\s*[^,]+)?\s*(?:,|$)/g)].map((m) => m[1]!);
      if (names.length === 0) { missing('a type parameter name'); return; }
      (block.generics ??= []).push(...names);
      return;
    }
    case 'overload': {
      if (rest === '') { missing('a function type (---@overload fun(x: string): integer)'); return; }
      const t = leadingType(rest, at, tag, out, block.generics);
      if (t.kind === 'function') (block.overloads ??= []).push(t);
      else if (t.kind !== 'any') missing('a function type (---@overload fun(x: string): integer)');
      return;
    }
    default:
  }
}

/**
 * The longest leading part of `text` (at document offset `at`), ending at a space, that parses as a
 * type; the rest is a description. A type the notation cannot read is `any`, and a problem.
 */
function leadingType(text: string, at: number, tag: string, out: Annotations, generics?: readonly string[]): Type {
  // LuaCATS backtick generics (`` `T` ``, a type parameter captured from a string literal) read as T.
  text = text.replace(/`([A-Za-z_]\w*)`/g, ' $1 ').replace(/^ /, '');
  const words = text.split(/(\s+)/);
  // Longest first (`fun(x: string): integer` has spaces), from at most 12 words: the rest is prose.
  for (let n = Math.min(words.length, 23); n > 0; n -= 2) {
    const typeText = words.slice(0, n).join('');
    const r = tryParseType(typeText);
    if (r.type) {
      // `---@generic T` above: T is the function's type parameter, not a name to resolve.
      const type = generics?.length ? mapType(r.type, (x) => (x.kind === 'ref' && generics.includes(x.name) ? { kind: 'typeparam', name: x.name } : x)) : r.type;
      // `(function, optional)` before a parameter's description: LuaDoc's way to say its kinds.
      if (tag === 'param' && type.kind === 'tuple') return ANY;
      const prose = type.kind === 'ref' && /^[A-Za-z_]\w*$/.test(typeText) && /\s\S/.test(text.slice(typeText.length));
      out.types.push({ type, start: at, end: at + typeText.length, ...(prose ? { prose } : {}) });
      return type;
    }
  }
  // LuaCATS `name type: description`: the type ends at a ':' before white space.
  const colon = /^(\S+):(?=\s|$)/.exec(text);
  if (colon && tryParseType(colon[1]!).type) return leadingType(colon[1]!, at, tag, out, generics);
  // Older LuaDoc prose where the type would be (`(function, optional) Response handler`,
  // `|readfile()|-style list`): a description, not a type to report (it types nothing).
  if ((tag === 'param' || tag === 'return') && /\s\S/.test(text.trim()) && !/fun\s*[(<]|->|[{}<>]/.test(text)) return ANY;
  const error = tryParseType(text).error;
  out.problems.push({ start: at, end: at + Math.max(1, text.length), args: { variant: 'syntax', tag, message: error?.message ?? 'not a type' } });
  return ANY;
}
