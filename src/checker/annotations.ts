// LuaCATS-style annotations (`---@param`, `---@return`, `---@type`, `---@class`, `---@field`,
// `---@alias`, `---@deprecated`) read from comments, with types in the luamod notation.
import type { Comment } from 'luaparse';
import { tryParseType } from '../types/parse';
import type { Field, RecordType, Type } from '../types/type';
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
  /** Offset of the block's first comment. */
  readonly start: number;
}

export interface Annotations {
  /** Blocks by the 0-based line of the statement they annotate. */
  readonly byLine: Map<number, AnnotationBlock>;
  /** `---@class` and `---@alias` names of this file. */
  readonly userTypes: Map<string, Type>;
}

/** Reads every `---@` annotation of a file's comments. */
export function readAnnotations(comments: readonly Comment[], lines: LineIndex): Annotations {
  const byLine = new Map<number, AnnotationBlock>();
  const userTypes = new Map<string, Type>();
  let block: AnnotationBlock | undefined;
  let blockLine = -2;
  for (const c of comments) {
    if (!c.raw.startsWith('---')) continue;
    const line = lines.lineOf(c.range[0]);
    if (lines.text.slice(lines.lineStarts[line], c.range[0]).trim() !== '') continue;
    if (!block || line !== blockLine + 1) block = { params: new Map(), returns: [], start: c.range[0] };
    blockLine = line;
    byLine.set(line + 1, block);
    byLine.delete(line);
    const m = /^---\s*@(\w+)\s*(.*)$/s.exec(c.raw.trimEnd());
    if (m) readTag(m[1]!, m[2]!, block, userTypes);
  }
  return { byLine, userTypes };
}

function readTag(tag: string, rest: string, block: AnnotationBlock, userTypes: Map<string, Type>): void {
  switch (tag) {
    case 'param': {
      const m = /^(\.\.\.|[A-Za-z_]\w*)(\?)?\s+(.*)$/s.exec(rest);
      if (!m) return;
      const t = leadingType(m[3]!);
      block.params.set(m[1]!, { type: t, optional: !!m[2] || t.kind === 'optional' });
      return;
    }
    case 'return': {
      const t = leadingType(rest);
      if (t.kind === 'tuple') block.returns.push(...t.elements);
      else block.returns.push(t);
      return;
    }
    case 'type':
      block.type = leadingType(rest);
      return;
    case 'class': {
      const m = /^([A-Za-z_][\w.]*)/.exec(rest);
      if (!m) return;
      const existing = userTypes.get(m[1]!);
      const cls = existing?.kind === 'record' ? existing : newTableType(m[1]!);
      userTypes.set(m[1]!, cls);
      block.cls = cls;
      return;
    }
    case 'field': {
      const m = /^(?:(?:public|private|protected|package)\s+)?([A-Za-z_]\w*)(\?)?\s+(.*)$/s.exec(rest);
      if (!m || !block.cls) return;
      const t = leadingType(m[3]!);
      const field: Field = { type: t, optional: !!m[2] || t.kind === 'optional' };
      (block.cls.fields as Record<string, Field>)[m[1]!] = field;
      return;
    }
    case 'alias': {
      const m = /^([A-Za-z_][\w.]*)\s+(.*)$/s.exec(rest);
      if (m) userTypes.set(m[1]!, leadingType(m[2]!));
      return;
    }
    case 'deprecated':
      block.deprecated = rest.trim();
      return;
    default:
  }
}

/**
 * The longest leading part of `text`, ending at a space, that parses as a type (the rest is a
 * description). A type the notation cannot read is `any`.
 */
export function leadingType(text: string): Type {
  const words = text.trim().split(/(\s+)/);
  for (let n = words.length; n > 0 && words.length - n < 12; n -= 2) {
    const r = tryParseType(words.slice(0, n).join(''));
    if (r.type) return r.type;
  }
  return ANY;
}
