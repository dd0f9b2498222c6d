// Completion inside `---@` annotation comments: the tags, the type names where a type is written
// (built-in types, the file's classes and aliases, the modules' types), the `---@diagnostic` actions
// and the diagnostic codes (from the one codes table, with their summaries). Pure.
import { CompletionItemKind, type CompletionItem } from 'vscode-languageserver-types';
import { BUILTIN_TYPE_NAMES } from '../checker/builtin-type-names';
import { DIAGNOSTICS } from '../checker/diagnostic-codes';

const TAGS: ReadonlyArray<[string, string]> = [
  ['param', '`---@param name type [description]`: the type of a parameter'],
  ['return', '`---@return type [name] [description]`: the type of a return value'],
  ['type', '`---@type type`: the type of the next local or field'],
  ['class', '`---@class Name`: names the table declared next; add `---@field`s'],
  ['field', '`---@field name type [description]`: a field of the `---@class` above'],
  ['alias', '`---@alias Name type`: a name for a type'],
  ['deprecated', '`---@deprecated [note]`: marks the next function as deprecated'],
  ['cast', '`---@cast name type` (or `-nil`, `+type`): the type of a local or global from this line on'],
  ['vararg', '`---@vararg type`: the type of `...` (the same as `---@param ... type`)'],
  ['overload', '`---@overload fun(x: T): R`: another signature the next function accepts'],
  ['generic', '`---@generic T`: a type parameter of the next function (bound by each call)'],
  ['enum', '`---@enum Name`: the next table is an enumeration; `Name` is the type of its values'],
  ['diagnostic', '`---@diagnostic disable-next-line: code`: suppresses diagnostics'],
];

const ACTIONS = ['disable-next-line', 'disable-line', 'disable', 'enable'];

/** Built-in names offered in a type (`never` and `self` are left out: nobody writes them there). */
const OFFERED_TYPES = BUILTIN_TYPE_NAMES.filter(([name]) => name !== 'never' && name !== 'self' && name !== 'lightuserdata');

/**
 * The tag part of an annotation line that a type follows (`---@param name `, `---@type `, ...), then
 * the type written so far. A type name is offered at the start of the type, or after `|`, `(`, `<`,
 * `,`, `:`, `{` or `...` inside it; after a space that ends the type the text is its description.
 */
const TYPE_SLOT = /^\s*---@(?:type|return|param\s+(?:\.\.\.|[A-Za-z_]\w*)\??|field\s+(?:(?:public|private|protected|package)\s+)?[A-Za-z_]\w*\??|alias\s+[A-Za-z_][\w.]*)\s+(.*)$/;
const AT_TYPE_NAME = /(?:^|[|(<,:{]\s*|\.\.\.)[A-Za-z_.\w]*$/;

/**
 * Items for the annotation at the end of `before` (the line up to the cursor), or undefined.
 * `typeNames` lists the named types in scope (the file's classes and aliases, the modules' types).
 */
export function annotationCompletion(before: string, typeNames: () => ReadonlyArray<{ name: string; detail: string }> = () => []): CompletionItem[] | undefined {
  const slot = TYPE_SLOT.exec(before);
  if (slot && AT_TYPE_NAME.test(slot[1]!)) {
    return [
      ...OFFERED_TYPES.map(([label, doc]): CompletionItem => ({ label, kind: CompletionItemKind.Keyword, detail: doc })),
      ...typeNames().map(({ name, detail }): CompletionItem => ({ label: name, kind: CompletionItemKind.Class, detail })),
    ];
  }
  if (/---@diagnostic\s+[\w-]+\s*:\s*(?:[\w-]+\s*,\s*)*[\w-]*$/.test(before)) {
    return Object.values(DIAGNOSTICS).map((d) => ({
      label: d.code,
      kind: CompletionItemKind.EnumMember,
      detail: d.severity,
      documentation: { kind: 'markdown', value: d.summary },
    }));
  }
  if (/---@diagnostic\s+[\w-]*$/.test(before)) {
    return ACTIONS.map((a) => ({ label: a, kind: CompletionItemKind.Keyword }));
  }
  if (/^\s*---@\w*$/.test(before)) {
    return TAGS.map(([label, doc]) => ({ label, kind: CompletionItemKind.Keyword, documentation: { kind: 'markdown', value: doc } }));
  }
  return undefined;
}
