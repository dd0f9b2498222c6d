// Completion: module names inside `require("")`, members after `.` (fields and functions) and `:`
// (methods), otherwise locals, upvalues, globals, modules and keywords. Functions get call
// snippets; choosing a module that is not yet required adds the `require` line (auto-require).
// Works on text that does not parse (`time.` at the end of a line). Pure.
import { relative, sep } from 'node:path';
import { RECEIVER_CHARS } from '../checker/receiver';
import {
  CompletionItemKind,
  InsertTextFormat,
  type CompletionItem,
  type CompletionList,
  type Position,
  type TextEdit,
} from 'vscode-languageserver-types';
import type { MemberOwner } from '../checker/analyze';
import { showType } from './show-type';
import type { Field, FunctionType, Type } from '../types/type';
import { annotationCompletion } from './annotation-completion';
import { annotationTypeNames } from './annotation-type';
import { docCommentAbove } from './doc-comment';
import { memberHover, moduleHover } from './hover';
import { requireEdit } from './require-edit';
import type { ServiceSettings } from './settings';
import type { Snapshot } from './snapshot';
import { asFunction, isFunction } from './function-type';

export const KEYWORDS = [
  'and', 'break', 'do', 'else', 'elseif', 'end', 'false', 'for', 'function', 'goto', 'if', 'in',
  'local', 'nil', 'not', 'or', 'repeat', 'return', 'then', 'true', 'until', 'while',
];

/** What `resolveCompletion` needs to find an item's documentation again. */
interface ItemData {
  readonly uri: string;
  readonly offset: number;
  readonly source: 'member' | 'scope' | 'module';
  readonly name: string;
}

const REQUIRE_ARG = /\brequire\s*\(?\s*(["'])([\w.\-/]*)$/;

/** The completion list at `pos`. */
export function completion(snap: Snapshot, pos: Position, settings: ServiceSettings): CompletionList {
  const offset = snap.offsetAt(pos);
  const line = snap.lines.lineText(pos.line);
  // The end of the line before the cursor only: the patterns below are quadratic on long lines
  // (`local local local …` over 300 KB), and nothing they look for is longer than this.
  const end = Math.min(pos.character, line.length);
  const before = line.slice(Math.max(0, end - RECEIVER_CHARS), end);
  const req = REQUIRE_ARG.exec(before);
  if (req) return { isIncomplete: false, items: moduleItems(snap, offset, pos, req[2]!) };
  const annotation = annotationCompletion(before, () => annotationTypeNames(snap));
  if (annotation) return { isIncomplete: false, items: annotation };
  if (openStringOrComment(before) || inCommentOrString(snap, offset)) return { isIncomplete: false, items: [] };
  const owner = snap.analysis.memberOwnerAt(offset);
  if (owner) return { isIncomplete: false, items: memberItems(snap, offset, owner, settings) };
  if (/[.:]\s*[A-Za-z_]*$/.test(before) && !/\.\.\s*[A-Za-z_]*$/.test(before)) return { isIncomplete: false, items: [] };
  if (/\d$/.test(before) || /(^|[^\w])function\s+[\w.:]*$/.test(before) || /\blocal\s+[\w,\s]*$/.test(before) && !/=/.test(before)) {
    return { isIncomplete: false, items: [] }; // naming something new, or a number
  }
  return { isIncomplete: false, items: scopeItems(snap, offset, settings) };
}

/** Adds documentation (markdown) and the signature to an item. */
export function resolveCompletion(snap: Snapshot, item: CompletionItem): CompletionItem {
  const data = item.data as ItemData | undefined;
  if (!data || typeof data.name !== 'string' || typeof data.offset !== 'number') return item;
  let doc: string | undefined;
  if (data.source === 'module') doc = moduleHover(snap, data.name);
  else if (data.source === 'member') {
    const owner = snap.analysis.memberOwnerAt(Math.min(data.offset, snap.text.length));
    const m = owner?.members.find((x) => x.name === data.name);
    if (m) doc = memberHover(`${m.method ? '(method)' : isFunction(m.field.type) ? '(function)' : '(field)'} ${owner!.receiver}${owner!.accessor}${m.name}`, m.field.type, m.field);
  } else {
    const v = snap.analysis.scopeAt(Math.min(data.offset, snap.text.length)).find((x) => x.name === data.name);
    if (v?.kind === 'module') doc = moduleHover(snap, data.name);
    else if (v) {
      doc = memberHover(`${v.symbol ? 'local' : 'global'} ${v.name}`, v.type, v.field);
      const comment = v.symbol && docCommentAbove(snap, v.symbol.decl.range[0]);
      if (comment) doc += `\n\n${comment}`;
    }
  }
  return doc ? { ...item, documentation: { kind: 'markdown', value: doc } } : item;
}

/** Host modules and manifests, then the project's own files in dotted form (not the file being edited). */
function moduleItems(snap: Snapshot, offset: number, pos: Position, prefix: string): CompletionItem[] {
  const range = { start: { line: pos.line, character: pos.character - prefix.length }, end: pos };
  const items: CompletionItem[] = snap.project.registry.list()
    .filter((e) => e.manifest.exportType !== undefined)
    .map((e) => ({
      label: e.name,
      kind: CompletionItemKind.Module,
      detail: firstLine(e.description),
      textEdit: { range, newText: e.name },
      data: { uri: snap.uri, offset, source: 'module', name: e.name } satisfies ItemData,
    }));
  const ws = snap.project.workspace;
  if (!ws) return items;
  const taken = new Set(items.map((i) => i.label));
  const self = snap.path ? ws.moduleNameOf(snap.path) : undefined;
  for (const name of ws.moduleNames()) {
    if (taken.has(name) || name === self) continue;
    const r = ws.resolve(name);
    items.push({
      label: name,
      kind: CompletionItemKind.File,
      detail: r.kind === 'file' ? relative(ws.root, r.file).split(sep).join('/') : 'project module',
      textEdit: { range, newText: name },
      sortText: `~${name}`,
    });
  }
  return items;
}

function memberItems(snap: Snapshot, offset: number, owner: MemberOwner, settings: ServiceSettings): CompletionItem[] {
  const items: CompletionItem[] = [];
  // On strings, every string-library function is a method (`s:upper()`).
  const onString = isStringType(owner.type);
  for (const m of owner.members) {
    const fn = asFunction(m.field.type);
    const isMethod = m.method || fn?.params[0]?.name === 'self' || (onString && fn !== undefined);
    if (owner.accessor === ':' ? !isMethod : m.method) continue;
    const item: CompletionItem = {
      label: m.name,
      kind: isMethod ? CompletionItemKind.Method : fn ? CompletionItemKind.Function : CompletionItemKind.Field,
      detail: showType(m.field.type),
      sortText: `0${m.name}`,
      data: { uri: snap.uri, offset, source: 'member', name: m.name } satisfies ItemData,
    };
    if (m.field.deprecated) item.tags = [1];
    if (fn) item.labelDetails = { detail: paramList(fn, owner.accessor === ':' || m.method) };
    if (fn && settings.completion.callSnippets) Object.assign(item, callSnippet(m.name, fn, owner.accessor === ':' || m.method));
    items.push(item);
  }
  return items;
}

function scopeItems(snap: Snapshot, offset: number, settings: ServiceSettings): CompletionItem[] {
  const items: CompletionItem[] = [];
  const bound = new Set(snap.analysis.moduleBindings.filter((b) => b.name !== b.module || b.start < offset).map((b) => b.module));
  for (const v of snap.analysis.scopeAt(offset)) {
    const fn = asFunction(v.type);
    const item: CompletionItem = {
      label: v.name,
      kind: v.kind === 'module' ? CompletionItemKind.Module : v.symbol ? (fn ? CompletionItemKind.Function : CompletionItemKind.Variable) : fn ? CompletionItemKind.Function : CompletionItemKind.Variable,
      detail: v.kind === 'module' ? `module ${v.name}` : showType(v.type),
      sortText: `${v.symbol ? 0 : v.kind === 'module' ? 2 : 1}${v.name}`,
      data: { uri: snap.uri, offset, source: 'scope', name: v.name } satisfies ItemData,
    };
    if (v.field?.deprecated) item.tags = [1];
    if (fn) item.labelDetails = { detail: paramList(fn, false) };
    if (fn && settings.completion.callSnippets) Object.assign(item, callSnippet(v.name, fn, false));
    if (v.kind === 'module' && settings.completion.autoRequire && !bound.has(v.name) && !hasLocal(snap, v.name)) {
      const edit: TextEdit | undefined = requireEdit(snap, v.name);
      if (edit) {
        item.additionalTextEdits = [edit];
        item.detail = `module ${v.name} (adds require)`;
      }
    }
    items.push(item);
  }
  // Modules that are not visible as globals (`globalModules: false`) are still offered with their require.
  if (settings.completion.autoRequire) {
    const listed = new Set(items.map((i) => i.label));
    for (const e of snap.project.registry.list()) {
      if (listed.has(e.name) || !e.manifest.exportType || bound.has(e.name) || hasLocal(snap, e.name)) continue;
      const edit = requireEdit(snap, e.name);
      if (!edit) continue;
      items.push({
        label: e.name,
        kind: CompletionItemKind.Module,
        detail: `module ${e.name} (adds require)`,
        sortText: `2${e.name}`,
        additionalTextEdits: [edit],
        data: { uri: snap.uri, offset, source: 'module', name: e.name } satisfies ItemData,
      });
    }
  }
  for (const k of KEYWORDS) items.push({ label: k, kind: CompletionItemKind.Keyword, sortText: `3${k}` });
  return items;
}

/** `(a, b?, ...)`: the parameter names shown next to a function's label. */
function paramList(fn: FunctionType, method: boolean): string {
  const names = fn.params
    .filter((p, i) => !(method && i === 0 && (p.name === 'self' || p.type.kind === 'self')))
    .map((p) => `${p.name}${p.optional ? '?' : ''}`);
  if (fn.variadic) names.push('...');
  return `(${names.join(', ')})`;
}

/** `name(${1:a}, ${2:b})` for the required parameters (without `self` for method calls). */
function callSnippet(name: string, fn: FunctionType, method: boolean): Partial<CompletionItem> {
  const params = fn.params.filter((p, i) => !(method && i === 0 && (p.name === 'self' || p.type.kind === 'self')) && !p.optional);
  const args = params.map((p, i) => `\${${i + 1}:${p.name.replace(/[$}\\]/g, '')}}`).join(', ');
  return { insertText: `${name}(${args})$0`, insertTextFormat: InsertTextFormat.Snippet };
}

function isStringType(t: Type): boolean {
  if (t.kind === 'string' || (t.kind === 'literal' && typeof t.value === 'string')) return true;
  if (t.kind === 'optional') return isStringType(t.type);
  if (t.kind === 'union') return t.types.length > 0 && t.types.every(isStringType);
  return false;
}

function hasLocal(snap: Snapshot, name: string): boolean {
  return snap.analysis.symbols.some((s) => s.name === name);
}

/** True when the text before the cursor on its line ends inside a quoted string or a `--` comment. */
export function openStringOrComment(before: string): boolean {
  let quote: string | undefined;
  for (let i = 0; i < before.length; i++) {
    const c = before[i]!;
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '-' && before[i + 1] === '-') return true;
  }
  return quote !== undefined;
}

function inCommentOrString(snap: Snapshot, offset: number): boolean {
  for (const c of snap.analysis.parse.comments) if (c.range[0] < offset && offset <= c.range[1]) return true;
  const node = snap.analysis.nodeAt(offset);
  return node?.type === 'StringLiteral' && node.range[0] < offset && offset < node.range[1];
}

function firstLine(s: string): string {
  return s.split('\n')[0] ?? '';
}

export type { Field };
