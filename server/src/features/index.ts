// Every request the server handles, in one list: server.ts registers each under the safe wrapper
// and builds the `initialize` capabilities from the same list.
import type { RequestFeature } from '../feature';
import { codeActionFeature } from './codeAction';
import { completionFeature, completionResolveFeature } from './completion';
import { definitionFeature } from './definition';
import { diagnosticFeature } from './diagnostic';
import { documentHighlightFeature } from './documentHighlight';
import { documentLinkFeature } from './documentLink';
import { documentSymbolFeature } from './documentSymbol';
import { foldingRangeFeature } from './foldingRange';
import { formattingFeature } from './formatting';
import { hoverFeature } from './hover';
import { inlayHintFeature } from './inlayHint';
import { listModulesFeature, moduleMarkdownFeature } from './modules';
import { referencesFeature } from './references';
import { rangeFormattingFeature } from './rangeFormatting';
import { prepareRenameFeature, renameFeature } from './rename';
import { runScriptFeature } from './runScript';
import { selectionRangeFeature } from './selectionRange';
import { semanticTokensFullFeature, semanticTokensRangeFeature } from './semanticTokens';
import { signatureHelpFeature } from './signatureHelp';
import { typeDefinitionFeature } from './typeDefinition';
import { workspaceDiagnosticFeature } from './workspaceDiagnostic';
import { workspaceSymbolFeature } from './workspaceSymbol';

export const features: readonly RequestFeature[] = [
  diagnosticFeature,
  workspaceDiagnosticFeature,
  completionFeature,
  completionResolveFeature,
  hoverFeature,
  signatureHelpFeature,
  definitionFeature,
  typeDefinitionFeature,
  referencesFeature,
  documentHighlightFeature,
  prepareRenameFeature,
  renameFeature,
  documentSymbolFeature,
  documentLinkFeature,
  workspaceSymbolFeature,
  semanticTokensFullFeature,
  semanticTokensRangeFeature,
  inlayHintFeature,
  codeActionFeature,
  foldingRangeFeature,
  selectionRangeFeature,
  formattingFeature,
  rangeFormattingFeature,
  runScriptFeature,
  listModulesFeature,
  moduleMarkdownFeature,
];
