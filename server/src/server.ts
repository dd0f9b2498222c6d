// Wires one connection: initialize (capabilities built from the feature list), documents, settings,
// diagnostics, the workspace index, watched files, and every feature under the safe wrapper.
import {
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  type ClientCapabilities,
  type FileEvent,
  type Connection,
  type InitializeParams,
  type InitializeResult,
  type ServerCapabilities,
  TextDocumentSyncKind,
} from 'vscode-languageserver/node';
import { StatusNotification } from '../../src/protocol/luamod-protocol';
import { defaultSettings, mergeSettings, type ServiceSettings } from '../../src/service/settings';
import type { ServerContext } from './context';
import { createDocumentStore } from './documents';
import { createDiagnosticsScheduler } from './diagnostics-scheduler';
import { features } from './features';
import { createLogger } from './logger';
import { createProjects } from './projects';
import { runSafe, runSafeNotification } from './safe';
import { createWorkspaceIndex } from './workspace-index';
import { watchFolders, type ServerFileWatcher } from './file-watcher';
import { createWorkspaceDiagnostics, type WorkspaceDiagnostics } from './workspace-diagnostics';
import { basename } from 'node:path';
import { readFileSync, statSync } from 'node:fs';
import type { ProjectSources } from '../../src/service/project';
import { normalizeUri, pathToUri, uriToPath } from '../../src/service/uri';
import { version } from '../../package.json';

/** Starts serving on `connection` (already created for stdio or IPC); returns when listening. */
export function startServer(connection: Connection): void {
  const log = createLogger(connection);
  let clientCaps: ClientCapabilities = {};
  let initOptions: unknown = {};
  let settings: ServiceSettings = defaultSettings;
  let folders: string[] = [];
  let fileWatcher: ServerFileWatcher | undefined;

  // Project files are read for `require` from their open buffer when there is one, else from disk.
  const sources: ProjectSources = {
    read: (file) => documents.text(pathToUri(file)) ?? readSmallFile(file),
    isFile: (file) => documents.isOpen(pathToUri(file)) || isFileOnDisk(file),
  };
  const projects = createProjects(log, () => settings, () => folders, sources);
  const documents = createDocumentStore(connection, (uri) => projects.forUri(uri));
  const index = createWorkspaceIndex(log, (uri) => projects.forUri(uri), () => settings, () => folders);
  let workspaceDiagnostics: WorkspaceDiagnostics | undefined;
  const ctx: ServerContext = {
    connection,
    log,
    documents,
    index,
    client: () => clientCaps,
    settings: () => settings,
    workspaceFolders: () => folders,
    projectFor: (uri) => projects.forUri(uri),
    snapshot: (uri) => documents.snapshot(uri) ?? index.diskSnapshot(uri),
    get workspaceDiagnostics() {
      return workspaceDiagnostics!;
    },
  };
  const diagnostics = createDiagnosticsScheduler(ctx);
  const workspace = (workspaceDiagnostics = createWorkspaceDiagnostics(ctx));

  /** Indexes the workspace folders, then checks every indexed file (workspace diagnostics). */
  async function indexWorkspace(): Promise<void> {
    await index.indexFolders(folders, connection);
    if (!index.indexing()) workspace.start(); // else a newer run follows and starts it
  }

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    clientCaps = params.capabilities ?? {};
    initOptions = params.initializationOptions ?? {};
    settings = mergeSettings(defaultSettings, settingsSection(initOptions));
    log.setLevel(settings.logLevel);
    folders = workspaceFolders(params);
    return { capabilities: buildCapabilities(clientCaps), serverInfo: { name: 'luamod', version } };
  });

  connection.onInitialized(() => {
    runSafeNotification(log, 'initialized', async () => {
      connection.sendNotification(StatusNotification, { state: 'starting' });
      if (clientCaps.workspace?.didChangeConfiguration?.dynamicRegistration) {
        void connection.client.register(DidChangeConfigurationNotification.type, { section: 'luamod' });
      }
      if (clientCaps.workspace?.didChangeWatchedFiles?.dynamicRegistration) {
        void connection.client.register(DidChangeWatchedFilesNotification.type, {
          watchers: [{ globPattern: '**/.luamodrc.json' }, { globPattern: '**/*.json' }, { globPattern: '**/*.lua' }],
        });
      } else {
        // The client cannot watch files for us (Neovim 0.7, ...): watch the workspace folders ourselves.
        fileWatcher = watchFolders(folders, (changes) => runSafeNotification(log, 'file watcher', () => filesChanged(changes)), (m) => log.warn(m));
        log.info(`watching ${folders.length} workspace folder(s) for changes (the client does not watch files)`);
      }
      await pullSettings();
      if (clientCaps.workspace?.workspaceFolders) {
        connection.workspace.onDidChangeWorkspaceFolders((e) => {
          runSafeNotification(log, 'workspace/didChangeWorkspaceFolders', () => {
            const removed = new Set(e.removed.map((f) => uriToPath(f.uri)));
            folders = folders.filter((f) => !removed.has(f)).concat(e.added.map((f) => uriToPath(f.uri)).filter(isString));
            projects.invalidate();
            void indexWorkspace();
          });
        });
      }
      await indexWorkspace();
    });
  });

  /** Reads the `luamod` section when the client supports workspace/configuration. */
  async function pullSettings(): Promise<void> {
    if (!clientCaps.workspace?.configuration) return;
    try {
      const [section] = await connection.workspace.getConfiguration([{ section: 'luamod' }]);
      applySettings(section);
    } catch (err) {
      log.warn(`workspace/configuration failed: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  function applySettings(section: unknown): void {
    settings = mergeSettings(mergeSettings(defaultSettings, settingsSection(initOptions)), section);
    log.setLevel(settings.logLevel);
    projects.invalidate();
    documents.invalidateAll();
    diagnostics.refreshAll();
    workspace.recheckAll();
  }

  connection.onDidChangeConfiguration((change) => {
    runSafeNotification(log, 'workspace/didChangeConfiguration', async () => {
      const pushed = settingsSection(change.settings);
      if (clientCaps.workspace?.configuration) await pullSettings();
      else applySettings(pushed);
    });
  });

  connection.onDidChangeWatchedFiles((change) => {
    runSafeNotification(log, 'workspace/didChangeWatchedFiles', () => filesChanged(change.changes));
  });

  /** Files changed on disk (reported by the client, or by our own watcher). */
  function filesChanged(changes: readonly FileEvent[]): void {
    let configChanged = false;
    let rcChanged = false;
    for (const c of changes) {
      const path = uriToPath(c.uri);
      if (!path) continue;
      if (path.endsWith('.lua')) {
        const uri = pathToUri(path);
        index.fileChanged(uri, c.type);
        workspace.fileChanged(uri);
        if (!documents.isOpen(uri)) moduleChanged(uri); // an open buffer wins over the disk
      } else if (path.endsWith('.json')) {
        configChanged = true;
        if (basename(path) === '.luamodrc.json') rcChanged = true;
      }
    }
    if (configChanged) {
      log.info('configuration or manifests changed: re-checking open documents and the workspace');
      projects.invalidate();
      documents.invalidateAll();
      index.invalidateSnapshots();
      diagnostics.refreshAll();
      // A new .luamodrc.json may exclude other files: list them again (indexWorkspace re-checks them).
      if (rcChanged) void indexWorkspace();
      else workspace.recheckAll();
    }
  }

  /**
   * A project file changed (its buffer, or on disk; or it was created, deleted, opened or closed):
   * the files that require it, transitively, are re-checked, open (their buffer) or closed (from disk).
   */
  function moduleChanged(uri: string): void {
    const path = uriToPath(uri);
    if (!path?.endsWith('.lua')) return;
    const ws = projects.forUri(uri).workspace;
    if (!ws) return;
    let openDependents = 0;
    for (const dep of ws.changed(path)) {
      const depUri = pathToUri(dep);
      index.forgetSnapshot(depUri);
      const open = documents.openUri(depUri);
      if (open) {
        documents.invalidate(open);
        diagnostics.schedule(open);
        openDependents++;
      } else {
        workspace.fileChanged(depUri);
      }
    }
    // A client that pulls re-pulls the edited document by itself, not the open files that depend on it.
    if (openDependents > 0 && clientCaps.textDocument?.diagnostic) askToPullAgain();
  }

  let pullAgain: NodeJS.Timeout | undefined;
  /** Asks a pulling client to pull every document again (debounced: once per burst of edits). */
  function askToPullAgain(): void {
    if (pullAgain) clearTimeout(pullAgain);
    pullAgain = setTimeout(() => {
      pullAgain = undefined;
      diagnostics.refreshAll();
    }, settings.diagnostics.debounceMs);
  }

  documents.documents.onDidChangeContent((e) => {
    runSafeNotification(log, 'module change', () => moduleChanged(e.document.uri));
    diagnostics.schedule(e.document.uri);
  });
  // A closed workspace file keeps its diagnostics: the file on disk is checked in its place.
  documents.documents.onDidClose((e) => {
    diagnostics.clear(e.document.uri, workspace.documentClosed(normalizeUri(e.document.uri)));
    runSafeNotification(log, 'module change', () => moduleChanged(e.document.uri));
  });

  for (const feature of features) {
    connection.onRequest(feature.method, (params: unknown, token) => {
      const invalid = feature.validate?.(params);
      const fallback = invalid === undefined && feature.fallbackFor ? feature.fallbackFor(params) : feature.fallback;
      return runSafe(log, feature.method, token, fallback, invalid, () => feature.handle(params, ctx, token));
    });
  }

  connection.onShutdown(() => {
    fileWatcher?.close();
    if (pullAgain) clearTimeout(pullAgain);
    diagnostics.dispose();
    workspace.dispose();
    index.dispose();
  });
  connection.listen();
}

/** The capabilities every feature declares, merged, plus document sync. */
export function buildCapabilities(client: ClientCapabilities): ServerCapabilities {
  const caps: ServerCapabilities = {
    textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
    workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
  };
  for (const f of features) Object.assign(caps, f.capabilities?.(client) ?? {});
  return caps;
}

/**
 * Settings may arrive as `{settings: {...}}` (initializationOptions, see LuamodInitializationOptions),
 * `{luamod: {...}}` (didChangeConfiguration) or directly as the section.
 */
function settingsSection(raw: unknown): unknown {
  if (typeof raw !== 'object' || raw === null) return raw;
  if ('settings' in raw) return (raw as { settings: unknown }).settings;
  if ('luamod' in raw) return (raw as { luamod: unknown }).luamod;
  return raw;
}

function workspaceFolders(params: InitializeParams): string[] {
  const uris = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
  return uris.map(uriToPath).filter(isString);
}

/** Files above this size are not read as modules. */
const MAX_MODULE_BYTES = 2 * 1024 * 1024;

function readSmallFile(file: string): string | undefined {
  try {
    if (statSync(file).size > MAX_MODULE_BYTES) return undefined;
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

function isFileOnDisk(file: string): boolean {
  try { return statSync(file).isFile(); } catch { return false; }
}

function isString(s: string | undefined): s is string {
  return typeof s === 'string';
}
