// The luamod-specific LSP messages, declared once: the VS Code client (client/src) and the language
// server (server/src) both import these names and shapes, so a method is never spelled twice.
import { NotificationType, RequestType } from 'vscode-jsonrpc';

// ---------------------------------------------------------------------------------------------
// luamod/runScript (client -> server request)
// ---------------------------------------------------------------------------------------------

/** Runs a Lua script in the server's sandboxed runtime with the workspace's modules. */
export interface RunScriptParams {
  /** The document to run (also names the chunk in error messages and locates `.luamodrc.json`). */
  readonly uri: string;
  /**
   * The source to run. Absent: the server runs the open document's current text (or the file on
   * disk). The client sends it for a selection or an unsaved buffer.
   */
  readonly text?: string;
  /**
   * 0-based line of `uri` where `text` starts (a selection). The server adds it to error lines so
   * that `error.line` always points into `uri`. Default 0.
   */
  readonly lineOffset?: number;
  /** Stop the script after this many milliseconds (the server may apply its own lower limit). */
  readonly timeoutMs?: number;
}

/** A runtime or syntax error raised by the script. */
export interface RunScriptError {
  /** The error message without the `chunk:line:` prefix. */
  readonly message: string;
  /** `syntax`, `runtime`, `timeout`, or a module error kind such as `NOT_FOUND`, `INVALID`. */
  readonly kind: string;
  /** 1-based line in `uri` where the error was raised, when known. */
  readonly line?: number;
  /** The Lua traceback, when the runtime has one. */
  readonly traceback?: string;
}

export interface RunScriptResult {
  /** Everything the script printed (`print`, `logger`), in order, newline separated. */
  readonly output: string;
  /** The values the chunk returned, rendered as text (`nil` when it returned nothing). */
  readonly result?: string;
  /** Present when the script failed. */
  readonly error?: RunScriptError;
  /** Wall time of the run. */
  readonly durationMs: number;
}

export const RunScriptMethod = 'luamod/runScript';
export const RunScriptRequest = new RequestType<RunScriptParams, RunScriptResult, void>(RunScriptMethod);

// ---------------------------------------------------------------------------------------------
// luamod/status (server -> client notification)
// ---------------------------------------------------------------------------------------------

/** The server's life cycle as the status bar shows it. */
export type ServerState = 'starting' | 'indexing' | 'ready';

export interface StatusParams {
  readonly state: ServerState;
  /** While `indexing`: files indexed so far (or in total once `ready`). */
  readonly files?: number;
  /** While `indexing`: total files to index, when known. */
  readonly total?: number;
  /** Optional detail for the tooltip, e.g. "3 manifest folders". */
  readonly message?: string;
}

export const StatusMethod = 'luamod/status';
export const StatusNotification = new NotificationType<StatusParams>(StatusMethod);

// ---------------------------------------------------------------------------------------------
// luamod/listModules and luamod/moduleMarkdown (client -> server requests; optional)
// The client falls back to the generated docs/modules/*.md it ships when the server does not
// implement them.
// ---------------------------------------------------------------------------------------------

export interface ModuleSummary {
  readonly name: string;
  /** First line of the module's description (markdown). */
  readonly description: string;
  /** `builtin` for src/modules, otherwise the manifest file it came from. */
  readonly source: string;
}

export interface ListModulesResult {
  readonly modules: readonly ModuleSummary[];
}

export const ListModulesMethod = 'luamod/listModules';
export const ListModulesRequest = new RequestType<{ readonly uri?: string }, ListModulesResult, void>(
  ListModulesMethod,
);

export interface ModuleMarkdownParams {
  readonly name: string;
  /** A document of the workspace whose configuration (manifest folders) applies. */
  readonly uri?: string;
}

export interface ModuleMarkdownResult {
  /** The module's reference page, as `luamod manifest <name> --format md` renders it. */
  readonly markdown: string;
}

export const ModuleMarkdownMethod = 'luamod/moduleMarkdown';
export const ModuleMarkdownRequest = new RequestType<ModuleMarkdownParams, ModuleMarkdownResult | null, void>(
  ModuleMarkdownMethod,
);

// ---------------------------------------------------------------------------------------------
// Settings (client -> server): the `luamod.*` VS Code settings. The client sends them as
// `initializationOptions.settings`, answers `workspace/configuration` for section `luamod`, and
// pushes `workspace/didChangeConfiguration` with `{ luamod: LuamodSettings }` when they change.
// ---------------------------------------------------------------------------------------------

export type SeveritySetting = 'error' | 'warning' | 'info' | 'hint' | 'off';

export interface LuamodSettings {
  /** Extra manifest folders (absolute, or relative to the workspace folder). */
  readonly manifests: readonly string[];
  readonly diagnostics: {
    readonly enable: boolean;
    /** Also report the diagnostics of closed workspace files. */
    readonly workspace: boolean;
    /** Severity per diagnostic code; overrides `.luamodrc.json`. */
    readonly severity: Readonly<Record<string, SeveritySetting>>;
    /** Most diagnostics per file; null: the config's `maxDiagnostics` (default 1000). */
    readonly maxPerFile: number | null;
  };
  /** Largest file read or checked, in bytes; null: the config's `maxFileSize` (default 4 MiB). */
  readonly maxFileSize: number | null;
  readonly inlayHints: {
    readonly enable: boolean;
    readonly parameterNames: boolean;
    readonly variableTypes: boolean;
  };
  readonly run: { readonly timeoutMs: number };
  readonly trace: { readonly server: 'off' | 'messages' | 'verbose' };
  /** Host profile; `''` keeps what `.luamodrc.json` `runtime` says (docs/checker.md#profiles). */
  readonly runtime: {
    readonly version: '' | '5.1' | '5.2' | '5.3' | '5.4' | 'luajit';
    readonly library: '' | 'sandbox' | 'full';
  };
}

/** The defaults, identical to those in client/package.json `contributes.configuration`. */
export const DEFAULT_SETTINGS: LuamodSettings = {
  manifests: [],
  diagnostics: { enable: true, workspace: true, severity: {}, maxPerFile: null },
  maxFileSize: null,
  inlayHints: { enable: true, parameterNames: true, variableTypes: false },
  run: { timeoutMs: 10_000 },
  trace: { server: 'off' },
  runtime: { version: '', library: '' },
};

/** The shape of `initializationOptions` the client sends. */
export interface LuamodInitializationOptions {
  readonly settings: LuamodSettings;
}
