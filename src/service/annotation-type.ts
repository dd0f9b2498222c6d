// Type names written in `---@` annotations (`---@param p Point`, `---@type time.Time`): which name
// the cursor is on, what it resolves to, and where this file declares it (`---@class`/`---@alias`);
// and the names a type may use (for completion). Hover, go-to-definition and completion use it. Pure.
import { relative, sep } from 'node:path';
import type { Comment } from 'luaparse';
import type { Type } from '../types/type';
import type { Snapshot } from './snapshot';

export interface AnnotationTypeName {
  readonly name: string;
  /** Offsets of the name in the document. */
  readonly start: number;
  readonly end: number;
  readonly type: Type;
  /** `class`, `alias` or `enum` when this file declares the name; offsets of the declared name. */
  readonly declared?: { readonly kind: 'class' | 'alias' | 'enum'; readonly start: number; readonly end: number };
}

const NAME_CHAR = /[\w.]/;

/** The resolvable type name under `offset` inside a `---@` comment, if any. */
export function annotationTypeAt(snap: Snapshot, offset: number): AnnotationTypeName | undefined {
  const comment = commentAt(snap.analysis.parse.comments, offset);
  if (!comment || !/^---\s*@/.test(comment.raw)) return undefined;
  const text = snap.text;
  let start = offset;
  let end = offset;
  while (start > comment.range[0] && NAME_CHAR.test(text[start - 1]!)) start--;
  while (end < comment.range[1] && NAME_CHAR.test(text[end]!)) end++;
  // Names start with a letter or `_`; the tag itself (`@param`) is not a type.
  while (start < end && text[start] === '.') start++;
  while (end > start && text[end - 1] === '.') end--;
  if (start === end || !/^[A-Za-z_]/.test(text[start]!) || text[start - 1] === '@') return undefined;
  const name = text.slice(start, end);
  const type = snap.analysis.resolveType(name);
  if (!type) return undefined;
  return { name, start, end, type, declared: declarationOf(snap.analysis.parse.comments, name) };
}

function commentAt(comments: readonly Comment[], offset: number): Comment | undefined {
  let lo = 0;
  let hi = comments.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const c = comments[mid]!;
    if (offset < c.range[0]) hi = mid - 1;
    else if (offset > c.range[1]) lo = mid + 1;
    else return c;
  }
  return undefined;
}

/** Every named type an annotation of this file may use: its own classes and aliases, the modules' types, `Error`. */
export function annotationTypeNames(snap: Snapshot): Array<{ name: string; detail: string }> {
  const out: Array<{ name: string; detail: string }> = [];
  for (const c of snap.analysis.parse.comments) {
    const m = DECLARATION.exec(c.raw);
    if (m) out.push({ name: m[3]!, detail: `${m[2]} in this file` });
  }
  for (const entry of snap.project.registry.list()) {
    for (const name of entry.manifest.types.keys()) out.push({ name: `${entry.name}.${name}`, detail: `type of module ${entry.name}` });
  }
  const ws = snap.project.workspace;
  const own = new Set(out.map((o) => o.name));
  const root = ws?.root;
  for (const t of ws?.declaredTypes() ?? []) {
    if (!own.has(t.name)) out.push({ name: t.name, detail: `declared in ${root ? relative(root, t.file).split(sep).join('/') : t.file}` });
  }
  out.push({ name: 'Error', detail: 'the structured error of every module (kind, message)' });
  return out;
}

const DECLARATION = /^(---\s*@(class|alias|enum)\s+)([A-Za-z_][\w.]*)/;

/** Where `---@class name`, `---@alias name` or `---@enum name` declares `name` in this file. */
function declarationOf(comments: readonly Comment[], name: string): AnnotationTypeName['declared'] {
  for (const c of comments) {
    const m = DECLARATION.exec(c.raw);
    if (m && m[3] === name) {
      const start = c.range[0] + m[1]!.length;
      return { kind: m[2] as 'class' | 'alias' | 'enum', start, end: start + name.length };
    }
  }
  return undefined;
}
