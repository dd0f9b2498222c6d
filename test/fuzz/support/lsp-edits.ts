// Random editor sessions for the server fuzzer: incremental edits (positions as fractions of the
// current text, so they shrink) interleaved with requests at random positions.
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';

export type Step =
  | { readonly kind: 'edit'; readonly changes: ReadonlyArray<{ readonly from: number; readonly to: number; readonly text: string; readonly beyond: boolean }> }
  | { readonly kind: 'replace-all'; readonly text: string }
  | { readonly kind: 'request'; readonly method: string; readonly at: number; readonly wait: boolean };

/** The requests interleaved with edits (all position- or document-based). */
export const METHODS = [
  'textDocument/completion', 'textDocument/hover', 'textDocument/definition', 'textDocument/rename',
  'textDocument/prepareRename', 'textDocument/semanticTokens/full', 'textDocument/semanticTokens/range',
  'textDocument/documentSymbol', 'textDocument/signatureHelp', 'textDocument/references',
  'textDocument/documentHighlight', 'textDocument/inlayHint', 'textDocument/codeAction',
  'textDocument/foldingRange', 'textDocument/selectionRange', 'textDocument/typeDefinition', 'textDocument/diagnostic',
] as const;

const pos = fc.integer({ min: 0, max: 1_000_000 });
const inserted = fc.oneof(
  fc.constantFrom('', 'local x = 1\n', 'end', 'function f(a, b)\n', 'x.', 'time:', '(', ')', '{', '}', '"', '--[[', ']]', '\r\n', '\n',
    'require("time")', 'print(', '😀', '\ud800', 'é', ' ', '\t', 'return', '---@param a string\n', 'then', 'if x '),
  fc.string({ maxLength: 8 }),
);

export const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('edit' as const), changes: fc.array(fc.record({ from: pos, to: pos, text: inserted, beyond: fc.boolean() }), { minLength: 1, maxLength: 3 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('replace-all' as const), text: fc.string({ maxLength: 40 }) }) },
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('request' as const), method: fc.constantFrom(...METHODS), at: pos, wait: fc.boolean() }) },
);

/** The LSP range of a change: ordered fractional offsets; `beyond` sometimes points past the line end. */
export function changeRange(doc: TextDocument, c: { from: number; to: number; beyond: boolean }) {
  const text = doc.getText();
  const [a, b] = [c.from, c.to].map((f) => Math.floor((f / 1_000_000) * text.length)).sort((x, y) => x - y) as [number, number];
  const start = doc.positionAt(a);
  const end = doc.positionAt(Math.min(text.length, a + Math.min(b - a, 40)));
  return c.beyond && b % 7 === 0 ? { start, end: { line: end.line, character: end.character + 3 } } : { start, end };
}

/** Request params for `method` at fractional offset `at` of `doc`. */
export function requestParams(method: string, uri: string, doc: TextDocument, at: number): unknown {
  const text = doc.getText();
  const position = doc.positionAt(Math.floor((at / 1_000_000) * text.length));
  const textDocument = { uri };
  const whole = { start: { line: 0, character: 0 }, end: doc.positionAt(text.length) };
  switch (method) {
    case 'textDocument/rename': return { textDocument, position, newName: 'renamed' };
    case 'textDocument/references': return { textDocument, position, context: { includeDeclaration: true } };
    case 'textDocument/semanticTokens/range': case 'textDocument/inlayHint': return { textDocument, range: { start: position, end: whole.end } };
    case 'textDocument/codeAction': return { textDocument, range: { start: position, end: position }, context: { diagnostics: [] } };
    case 'textDocument/selectionRange': return { textDocument, positions: [position, whole.end] };
    case 'textDocument/semanticTokens/full': case 'textDocument/documentSymbol': case 'textDocument/foldingRange': case 'textDocument/diagnostic':
      return { textDocument };
    default: return { textDocument, position };
  }
}
