// textDocument/documentLink: `require("name")` links to the module's manifest or source.
import type { DocumentLinkParams } from 'vscode-languageserver/node';
import { documentLinks } from '../../../src/service/documentLink';
import { defineFeature, needsDocument, onSnapshot } from '../feature';

export const documentLinkFeature = defineFeature({
  method: 'textDocument/documentLink',
  capabilities: () => ({ documentLinkProvider: { resolveProvider: false } }),
  fallback: [],
  validate: needsDocument,
  handle: onSnapshot((snap, p: DocumentLinkParams) => documentLinks(snap)),
});
