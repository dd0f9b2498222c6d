// Open documents (incremental sync through `TextDocuments`) and the immutable snapshots built from
// them, cached by (uri, version): a request never re-parses a document that did not change.
import { TextDocuments } from 'vscode-languageserver/node';
import type { Connection } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createSnapshot, type Snapshot } from '../../src/service/snapshot';
import type { Project } from '../../src/service/project';
import { normalizeUri, uriToPath } from '../../src/service/uri';

/** The open documents and their snapshots. */
export interface DocumentStore {
  /** The `TextDocuments` manager (already listening on the connection). */
  readonly documents: TextDocuments<TextDocument>;
  /** The snapshot of an open document at its current version, or undefined when it is not open. */
  snapshot(uri: string): Snapshot | undefined;
  /** Drops every cached snapshot (configuration or manifests changed). */
  invalidateAll(): void;
  /** URIs of every open document. */
  openUris(): string[];
  /** Whether `uri` is open (under this spelling or its normalised one). */
  isOpen(uri: string): boolean;
  /** The URI an open document is known by (the client's spelling), or undefined when it is not open. */
  openUri(uri: string): string | undefined;
  /** The current text of an open document (no snapshot is built), or undefined. */
  text(uri: string): string | undefined;
  /** Drops the cached snapshot of one document (a module it requires changed). */
  invalidate(uri: string): void;
}

/** Creates the store; `projectFor` gives the project (config, modules) a document belongs to. */
export function createDocumentStore(connection: Connection, projectFor: (uri: string) => Project): DocumentStore {
  const documents = new TextDocuments(TextDocument);
  const cache = new Map<string, Snapshot>();
  documents.onDidClose((e) => cache.delete(e.document.uri));
  documents.listen(connection);

  const find = (uri: string): TextDocument | undefined =>
    documents.get(uri) ?? documents.get(normalizeUri(uri));

  return {
    documents,
    snapshot(uri) {
      const doc = find(uri);
      if (!doc) return undefined;
      const cached = cache.get(doc.uri);
      if (cached && cached.version === doc.version) return cached;
      // A malformed didOpen (text not a string) must not break every later request on the document.
      const text: unknown = doc.getText();
      const snap = createSnapshot(doc.uri, doc.version, typeof text === 'string' ? text : '', projectFor(doc.uri), uriToPath(doc.uri));
      cache.set(doc.uri, snap);
      return snap;
    },
    invalidateAll() {
      cache.clear();
    },
    openUris() {
      return documents.keys();
    },
    isOpen: (uri) => find(uri) !== undefined,
    openUri: (uri) => find(uri)?.uri,
    text(uri) {
      const text: unknown = find(uri)?.getText();
      return typeof text === 'string' ? text : undefined;
    },
    invalidate(uri) {
      const doc = find(uri);
      if (doc) cache.delete(doc.uri);
    },
  };
}
