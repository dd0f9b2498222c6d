// Completion inside `---@` annotation comments: the tags, the `---@diagnostic` actions and the
// diagnostic codes (from the one codes table, with their summaries). Pure.
import { CompletionItemKind, type CompletionItem } from 'vscode-languageserver-types';
import { DIAGNOSTICS } from '../checker/diagnostic-codes';

const TAGS: ReadonlyArray<[string, string]> = [
  ['param', '`---@param name type [description]`: the type of a parameter'],
  ['return', '`---@return type [name] [description]`: the type of a return value'],
  ['type', '`---@type type`: the type of the next local or field'],
  ['class', '`---@class Name`: names the table declared next; add `---@field`s'],
  ['field', '`---@field name type [description]`: a field of the `---@class` above'],
  ['alias', '`---@alias Name type`: a name for a type'],
  ['deprecated', '`---@deprecated [note]`: marks the next function as deprecated'],
  ['diagnostic', '`---@diagnostic disable-next-line: code`: suppresses diagnostics'],
];

const ACTIONS = ['disable-next-line', 'disable-line', 'disable', 'enable'];

/** Items for the annotation at the end of `before` (the line up to the cursor), or undefined. */
export function annotationCompletion(before: string): CompletionItem[] | undefined {
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
