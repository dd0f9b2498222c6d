// Hover: the type in the luamod notation, the manifest's description, the module's classes,
// whether a function yields, the error kinds it may return, its parameters and an example; on
// locals, the inferred type. Pure.
import type { Hover, MarkupContent, Position } from 'vscode-languageserver-types';
import { showType } from './show-type';
import type { Field, Type } from '../types/type';
import type { Snapshot } from './snapshot';
import { docCommentAbove } from './doc-comment';
import { occurrences } from './occurrences';
import { targetAt, typeName, typeOfNode, type Target } from './target';
import { asFunction } from './function-type';
import { annotationTypeAt, type AnnotationTypeName } from './annotation-type';
import { membersToLines } from '../types/print';
import { relative, sep } from 'node:path';

/** The hover at `pos`, or null when there is nothing to say. */
export function hover(snap: Snapshot, pos: Position): Hover | null {
  const offset = snap.offsetAt(pos);
  const named = annotationTypeAt(snap, offset);
  if (named) return { contents: { kind: 'markdown', value: typeNameHover(named) }, range: snap.rangeOf(named.start, named.end) };
  const t = targetAt(snap, offset);
  if (!t) return null;
  const range = snap.rangeOf(t.node.range[0], t.node.range[1]);
  let value: string | undefined;
  switch (t.kind) {
    case 'module':
      value = moduleHover(snap, t.name) ?? (t.file ? projectModuleHover(snap, t.name, t.file) : undefined) ?? code(`module ${t.name}`) + '\n\n*unknown module*';
      break;
    case 'local': {
      const type = snap.analysis.typeAt(t.node.range[1]) ?? t.symbol.type;
      const mod = moduleName(snap, type);
      const project = mod ? undefined : snap.project.workspace?.moduleOfType(type);
      if (mod) value = moduleHover(snap, mod, `local ${t.symbol.name}`);
      else if (project) value = projectModuleHover(snap, project.name, project.file, `local ${t.symbol.name}`);
      else value = withDoc(code(`${localLabel(t.symbol.kind)} ${t.symbol.name}: ${showType(type)}`), docCommentAbove(snap, t.symbol.symbol.decl.range[0]));
      break;
    }
    case 'member': {
      const type = t.field?.type ?? snap.analysis.typeAt(t.node.range[1]);
      if (!type) return null;
      const mod = moduleName(snap, type);
      if (mod && !t.field?.description) {
        value = moduleHover(snap, mod);
        break;
      }
      const owner = t.ownerName ? `${t.ownerName}${t.method ? ':' : '.'}` : '';
      value = memberHover(`${kindLabel(type, t.method)} ${owner}${t.name}`, type, t.field, t.module ? classesOf(snap, t.module) : undefined);
      if (!t.module && !t.field?.description) value = withDoc(value, userFieldDoc(snap, t));
      break;
    }
    case 'global': {
      const mod = moduleName(snap, t.type);
      if (mod && mod === t.name) value = moduleHover(snap, mod);
      else if (t.type) value = memberHover(`${kindLabel(t.type, false)} ${t.name}`, t.type, t.field, undefined, 'global');
      else value = code(`global ${t.name}: any`) + '\n\n*undefined global*';
      break;
    }
    case 'key': {
      const table = t.table ? typeOfNode(snap, t.table) : undefined;
      const raw = (table?.kind === 'record' ? table.fields[t.name]?.type : undefined) ?? typeOfNode(snap, t.value);
      const type = raw && widen(raw);
      value = code(`(field) ${t.name}: ${type ? showType(type) : 'any'}`);
      break;
    }
  }
  if (!value) return null;
  const shown = t.kind === 'local' ? snap.analysis.typeAt(t.node.range[1]) ?? t.symbol.type : t.kind === 'member' ? t.field?.type ?? snap.analysis.typeAt(t.node.range[1]) : undefined;
  const overloads = shown?.kind === 'function' ? snap.analysis.overloadsOf(shown) : [];
  if (overloads.length) value += '\n\n' + code(overloads.map((o) => `(overload) ${showType(o)}`).join('\n'));
  const contents: MarkupContent = { kind: 'markdown', value };
  return { contents, range };
}

/** A type named in an annotation: `(class) Point` with its fields, `(alias) Id = ...`, an interface's methods. */
function typeNameHover(n: AnnotationTypeName): string {
  const t = n.type;
  if (n.declared?.kind === 'alias' || n.declared?.kind === 'enum') return code(`(${n.declared.kind}) ${n.name} = ${showType(t)}`);
  if (t.kind === 'record' || t.kind === 'interface') {
    const label = n.declared?.kind === 'class' ? 'class' : t.kind === 'interface' ? 'interface' : 'record';
    const lines = membersToLines(t);
    return code(lines.length ? `(${label}) ${n.name} {\n${lines.map((l) => `  ${l}`).join('\n')}\n}` : `(${label}) ${n.name} {}`);
  }
  return code(`(type) ${n.name} = ${showType(t)}`);
}

function withDoc(head: string, doc: string | undefined): string {
  return doc ? `${head}\n\n${doc}` : head;
}

/** The comment above the first definition of a field of the user's table (`function M.f()`). */
function userFieldDoc(snap: Snapshot, t: Target): string | undefined {
  const first = occurrences(snap, t).find((o) => o.write);
  if (!first) return undefined;
  // `function M.f()`: the comment sits above the statement, which starts before the name.
  const lineStart = snap.lines.lineStarts[snap.lines.lineOf(first.start)]!;
  const head = snap.text.slice(lineStart, first.start);
  const start = /^\s*(local\s+)?function\s+[\w.:]*$|^\s*[\w.]*$/.test(head) ? lineStart + (/^\s*/.exec(head)![0].length) : first.start;
  return docCommentAbove(snap, start);
}

/** The module a type denotes (its export record), if any. */
function moduleName(snap: Snapshot, type: Type | undefined): string | undefined {
  if (!type || type.kind !== 'record' || !type.name) return undefined;
  return snap.project.registry.get(type.name) ? type.name : undefined;
}

/** Markdown for a module: header, description, classes, exports count. */
export function moduleHover(snap: Snapshot, name: string, label?: string): string | undefined {
  const entry = snap.project.registry.get(name);
  if (!entry) return undefined;
  const parts = [code(`${label ? `${label}: ` : ''}module ${name}`)];
  if (entry.description) parts.push(entry.description);
  if (entry.classes.length) parts.push(`*classes:* ${entry.classes.map((c) => `\`${c}\``).join(', ')}`);
  return parts.join('\n\n');
}

/** Markdown for a project file required as a module: its name, its file and its members. */
export function projectModuleHover(snap: Snapshot, name: string, file: string, label?: string): string {
  const root = snap.project.workspace?.root;
  const shown = root ? relative(root, file).split(sep).join('/') : file;
  const members = [...(snap.project.workspace?.module(file)?.exports.members.keys() ?? [])];
  const parts = [code(`${label ? `${label}: ` : ''}module ${name}`), `*project file* \`${shown}\``];
  if (members.length) parts.push(`*members:* ${members.slice(0, 20).map((m) => `\`${m}\``).join(', ')}${members.length > 20 ? ', …' : ''}`);
  return parts.join('\n\n');
}

/** Markdown for a function or value with its documentation. */
export function memberHover(header: string, type: Type, field: Field | undefined, classes?: readonly string[], kind?: string): string {
  const parts = [code(`${header}: ${showType(type)}`)];
  if (field?.deprecated) parts.push(`**Deprecated:** ${field.deprecated}`);
  if (field?.description) parts.push(field.description);
  const fn = asFunction(type);
  const facts: string[] = [];
  if (fn?.yields) facts.push('**yields**: suspends the script until the host answers');
  if (classes?.length) facts.push(`*classes:* ${classes.map((c) => `\`${c}\``).join(', ')}`);
  if (kind) facts.push(`*${kind}*`);
  if (facts.length) parts.push(facts.join(' · '));
  if (fn && field?.params && Object.keys(field.params).length) {
    parts.push(['**Parameters**', ...fn.params.filter((p) => field.params?.[p.name]).map((p) => `- \`${p.name}\` — ${field.params![p.name]}`)].join('\n'));
  }
  if (field?.returns) parts.push(`**Returns** ${field.returns}`);
  if (field?.errors?.length) parts.push(`**Errors:** ${field.errors.map((e) => `\`${e}\``).join(', ')}`);
  if (field?.examples?.length) parts.push('**Example**\n```lua\n' + field.examples[0] + '\n```');
  return parts.join('\n\n');
}

/** A literal's base type: a table field holds any value of it later (`1` → integer). */
function widen(t: Type): Type {
  if (t.kind !== 'literal') return t;
  if (typeof t.value === 'string') return { kind: 'string' };
  if (typeof t.value === 'boolean') return { kind: 'boolean' };
  return Number.isInteger(t.value) ? { kind: 'integer' } : { kind: 'number' };
}

function classesOf(snap: Snapshot, module: string): readonly string[] | undefined {
  return snap.project.registry.get(module)?.classes;
}

function kindLabel(type: Type, method: boolean): string {
  if (method) return '(method)';
  if (asFunction(type)) return '(function)';
  if (typeName(type) && (type.kind === 'interface' || type.kind === 'ref')) return '(value)';
  return '(field)';
}

function localLabel(kind: string): string {
  return kind === 'param' || kind === 'self' ? '(parameter)' : kind === 'function' ? 'local function' : kind === 'for' ? '(loop variable)' : 'local';
}

function code(text: string): string {
  return '```luamod\n' + text + '\n```';
}
