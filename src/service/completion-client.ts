// Completion shaped to what the client says it supports, so that clients without snippets, label
// details or `completionItem/resolve` (Neovim 0.7, many minimal clients) get usable items:
// - no `snippetSupport`: plain insert text (`parse` instead of a literal `parse(${1:layout})`);
// - no `labelDetailsSupport`: the parameter list moves into `detail`;
// - no `resolveSupport`: documentation is filled in right away (the client will never ask for it).
import { InsertTextFormat, type CompletionItem, type CompletionList } from 'vscode-languageserver-types';

/** The parts of the client's `textDocument.completion` capabilities that shape items. */
export interface CompletionClient {
  readonly snippetSupport?: boolean;
  readonly labelDetailsSupport?: boolean;
  /** The properties the client resolves lazily; undefined when it never sends completionItem/resolve. */
  readonly resolveProperties?: readonly string[];
}

/** Items resolved inline at most, for clients that never resolve (documentation costs a hover each). */
export const INLINE_RESOLVE_LIMIT = 200;

/** Reads the relevant capabilities from `initialize`'s ClientCapabilities (any shape tolerated). */
export function completionClientOf(capabilities: unknown): CompletionClient {
  const item = (capabilities as { textDocument?: { completion?: { completionItem?: Record<string, unknown> } } } | undefined)
    ?.textDocument?.completion?.completionItem ?? {};
  const resolve = item.resolveSupport as { properties?: unknown } | undefined;
  return {
    snippetSupport: item.snippetSupport === true,
    labelDetailsSupport: item.labelDetailsSupport === true,
    resolveProperties: Array.isArray(resolve?.properties) ? resolve.properties.filter((p): p is string => typeof p === 'string') : undefined,
  };
}

/** `name(${1:a}, ${2:b})$0` → `name`; other snippets keep their placeholder text. */
export function snippetAsPlainText(snippet: string): string {
  const call = /^([A-Za-z_][\w]*)\((.*)\)\$0$/.exec(snippet);
  if (call) return call[2] === '' ? `${call[1]}()` : call[1]!;
  return snippet
    .replace(/\$\{\d+:([^}]*)\}/g, '$1')
    .replace(/\$\{\d+\}|\$\d+/g, '')
    .replace(/\\([$}\\])/g, '$1');
}

/** Adapts a completion list to the client; `resolve` fills in an item's documentation. */
export function adaptCompletion(list: CompletionList, client: CompletionClient, resolve: (item: CompletionItem) => CompletionItem): CompletionList {
  const resolveInline = client.resolveProperties === undefined;
  if (client.snippetSupport && client.labelDetailsSupport && !resolveInline) return list;
  const items = list.items.map((original, i) => {
    let item = original;
    if (!client.snippetSupport && item.insertTextFormat === InsertTextFormat.Snippet) {
      const text = item.insertText ?? item.label;
      item = { ...item, insertText: snippetAsPlainText(text), insertTextFormat: InsertTextFormat.PlainText };
    }
    if (!client.labelDetailsSupport && item.labelDetails) {
      const { labelDetails, ...rest } = item;
      const params = labelDetails.detail ?? '';
      item = { ...rest, detail: rest.detail && params && !rest.detail.includes(params) ? `${params} ${rest.detail}` : rest.detail ?? params };
    }
    if (resolveInline && i < INLINE_RESOLVE_LIMIT && item.documentation === undefined && item.data !== undefined) item = resolve(item);
    return item;
  });
  return { ...list, items };
}
