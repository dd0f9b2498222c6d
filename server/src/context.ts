// The state every handler receives: the connection, the log, settings, the open documents and the
// workspace index. Built once in server.ts; handlers read it and never keep their own state.
import type { ClientCapabilities, Connection } from 'vscode-languageserver/node';
import type { Snapshot } from '../../src/service/snapshot';
import type { ServiceSettings } from '../../src/service/settings';
import type { Project } from '../../src/service/project';
import type { DocumentStore } from './documents';
import type { WorkspaceIndex } from './workspace-index';
import type { WorkspaceDiagnostics } from './workspace-diagnostics';
import type { Logger } from './logger';

export interface ServerContext {
  readonly connection: Connection;
  readonly log: Logger;
  readonly documents: DocumentStore;
  readonly index: WorkspaceIndex;
  /** Diagnostics of every workspace file (set right after the context is built). */
  readonly workspaceDiagnostics: WorkspaceDiagnostics;
  /** The client's capabilities from `initialize` (empty before it). */
  client(): ClientCapabilities;
  /** The current settings (initializationOptions merged with workspace/configuration). */
  settings(): ServiceSettings;
  /** The workspace folders (paths): the server reads files from disk only inside them. */
  workspaceFolders(): readonly string[];
  /** The project (config + modules) that owns a document. */
  projectFor(uri: string): Project;
  /**
   * The snapshot of a document: the open buffer when it is open, else the file on disk (indexed),
   * else undefined (unknown document).
   */
  snapshot(uri: string): Snapshot | undefined;
}
