// What one LSP feature declares: its method, the capabilities it advertises, its fallback result
// and its handler. `features/index.ts` lists them; `initialize` is built from that list.
import type { CancellationToken, ClientCapabilities, ServerCapabilities } from 'vscode-languageserver/node';
import type { Snapshot } from '../../src/service/snapshot';
import type { ServerContext } from './context';

/** A request handler together with everything the server needs to advertise and protect it. */
export interface RequestFeature<P = any, R = any> {
  /** The LSP (or `luamod/…`) method name. */
  readonly method: string;
  /** The part of `ServerCapabilities` this feature contributes (merged into `initialize`). */
  readonly capabilities?: (client: ClientCapabilities) => ServerCapabilities;
  /** Returned when the document is unknown or the handler throws. */
  readonly fallback: R;
  /** A fallback computed from the params (e.g. completionItem/resolve answers the item unchanged). */
  readonly fallbackFor?: (params: P) => R;
  /** Returns a message when `params` are malformed (the request then fails with InvalidParams). */
  readonly validate?: (params: unknown) => string | undefined;
  /** Does the work; may throw: `safe.ts` turns errors into the fallback and a log line. */
  readonly handle: (params: P, ctx: ServerContext, token: CancellationToken) => R | Promise<R>;
}

/** Declares a feature with its types inferred (identity; keeps feature files short). */
export function defineFeature<P, R>(feature: RequestFeature<P, R>): RequestFeature<P, R> {
  return feature;
}

/**
 * A handler for params naming a document: runs `fn` on the document's snapshot. An unknown document
 * answers `undefined`, which `safe.ts` turns into the feature's fallback.
 */
export function onSnapshot<P extends { textDocument: { uri: string } }, R>(
  fn: (snap: Snapshot, params: P, ctx: ServerContext, token: CancellationToken) => R,
): (params: P, ctx: ServerContext, token: CancellationToken) => R | undefined {
  return (params, ctx, token) => {
    const snap = ctx.snapshot(params.textDocument.uri);
    return snap ? fn(snap, params, ctx, token) : undefined;
  };
}

/** Validator for params that carry `textDocument.uri`. */
export function needsDocument(params: unknown): string | undefined {
  const p = params as { textDocument?: { uri?: unknown } } | null | undefined;
  if (typeof p !== 'object' || p === null) return 'params must be an object';
  if (typeof p.textDocument !== 'object' || p.textDocument === null || typeof p.textDocument.uri !== 'string') {
    return 'params.textDocument.uri must be a string';
  }
  return undefined;
}

/** Validator for `TextDocumentPositionParams`. */
export function needsPosition(params: unknown): string | undefined {
  const doc = needsDocument(params);
  if (doc) return doc;
  return isPosition((params as { position?: unknown }).position) ? undefined : 'params.position must be {line, character} with non-negative integers';
}

/** Validator for params with `textDocument` and `range`. */
export function needsRange(params: unknown): string | undefined {
  const doc = needsDocument(params);
  if (doc) return doc;
  const r = (params as { range?: { start?: unknown; end?: unknown } }).range;
  return r && isPosition(r.start) && isPosition(r.end) ? undefined : 'params.range must be {start, end} positions';
}

function isPosition(p: unknown): boolean {
  const q = p as { line?: unknown; character?: unknown } | null | undefined;
  return (
    typeof q === 'object' && q !== null &&
    Number.isInteger(q.line) && (q.line as number) >= 0 &&
    Number.isInteger(q.character) && (q.character as number) >= 0
  );
}
