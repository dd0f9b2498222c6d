// Editor settings that shape what the service features return (the `luamod.*` section). The server
// fills them from `initializationOptions` and `workspace/configuration`; features only read them.
import { LUA_VERSIONS, type LibraryKind, type LuaVersion } from '../checker/profile';

/** Everything a user can tune in the editor. All fields have defaults (see `defaultSettings`). */
export interface ServiceSettings {
  readonly completion: {
    /** Insert `name(${1:arg})` snippets for functions. */
    readonly callSnippets: boolean;
    /** Offer modules not yet required and add the `require` line when chosen. */
    readonly autoRequire: boolean;
  };
  readonly inlayHints: {
    /** Master switch for every inlay hint. */
    readonly enable: boolean;
    /** Parameter names at calls of module functions. */
    readonly parameterNames: boolean;
    /** Inferred types after `local x`. */
    readonly variableTypes: boolean;
  };
  readonly diagnostics: {
    /** Publish diagnostics at all. */
    readonly enable: boolean;
    /** Also report the diagnostics of closed workspace files (needs `indexWorkspace`). */
    readonly workspace: boolean;
    /** Delay after the last edit before diagnostics are pushed. */
    readonly debounceMs: number;
    /** Per-code severity overrides (`error`, `warning`, `info`, `hint`, `off`), applied over `.luamodrc.json`. */
    readonly severity: Readonly<Record<string, string>>;
    /** Most diagnostics per file (undefined: the config's `maxDiagnostics`). */
    readonly maxPerFile?: number;
  };
  /** Largest file read or checked, in bytes (undefined: the config's `maxFileSize`). */
  readonly maxFileSize?: number;
  /** Extra manifest folders (absolute, or relative to the workspace folder). */
  readonly manifests: readonly string[];
  /** Index every `*.lua` file of the workspace on start (workspace symbols). */
  readonly indexWorkspace: boolean;
  /** Limit for `luamod/runScript`. */
  readonly run: { readonly timeoutMs: number };
  /** The server's log level (`trace.server: verbose` turns on `debug`). */
  readonly logLevel: 'error' | 'warn' | 'info' | 'debug';
  /** Host profile overrides of `.luamodrc.json` `runtime` (`''`: as the config says). */
  readonly runtime: { readonly version: '' | LuaVersion; readonly library: '' | LibraryKind };
}

export const defaultSettings: ServiceSettings = Object.freeze({
  completion: { callSnippets: true, autoRequire: true },
  inlayHints: { enable: true, parameterNames: true, variableTypes: true },
  diagnostics: { enable: true, workspace: true, debounceMs: 100, severity: {} },
  manifests: [],
  indexWorkspace: true,
  run: { timeoutMs: 10_000 },
  logLevel: 'info',
  runtime: { version: '' as const, library: '' as const },
});

/**
 * Merges user-supplied settings (any JSON, possibly malformed) over the defaults: wrong types are
 * ignored field by field, so a typo never disables the server.
 */
export function mergeSettings(base: ServiceSettings, raw: unknown): ServiceSettings {
  const r = isObject(raw) ? raw : {};
  const c = isObject(r.completion) ? r.completion : {};
  const h = isObject(r.inlayHints) ? r.inlayHints : {};
  const d = isObject(r.diagnostics) ? r.diagnostics : {};
  const run = isObject(r.run) ? r.run : {};
  const trace = isObject(r.trace) ? r.trace : {};
  const rt = isObject(r.runtime) ? r.runtime : {};
  return {
    completion: {
      callSnippets: bool(c.callSnippets, base.completion.callSnippets),
      autoRequire: bool(c.autoRequire, base.completion.autoRequire),
    },
    inlayHints: {
      enable: bool(h.enable, base.inlayHints.enable),
      parameterNames: bool(h.parameterNames, base.inlayHints.parameterNames),
      variableTypes: bool(h.variableTypes, base.inlayHints.variableTypes),
    },
    diagnostics: {
      enable: bool(d.enable, base.diagnostics.enable),
      workspace: bool(d.workspace, base.diagnostics.workspace),
      debounceMs: typeof d.debounceMs === 'number' && d.debounceMs >= 0 ? Math.min(d.debounceMs, 5000) : base.diagnostics.debounceMs,
      severity: isObject(d.severity)
        ? Object.fromEntries(Object.entries(d.severity).filter(([, v]) => typeof v === 'string')) as Record<string, string>
        : base.diagnostics.severity,
      ...positiveInteger(d.maxPerFile, base.diagnostics.maxPerFile, 1, 'maxPerFile'),
    },
    ...positiveInteger(r.maxFileSize, base.maxFileSize, 1024, 'maxFileSize'),
    manifests: Array.isArray(r.manifests) ? r.manifests.filter((m): m is string => typeof m === 'string') : base.manifests,
    indexWorkspace: bool(r.indexWorkspace, base.indexWorkspace),
    run: {
      timeoutMs: typeof run.timeoutMs === 'number' && run.timeoutMs > 0 ? Math.min(run.timeoutMs, 600_000) : base.run.timeoutMs,
    },
    runtime: {
      version: (LUA_VERSIONS as readonly string[]).includes(rt.version as string) ? rt.version as LuaVersion : rt.version === '' ? '' : base.runtime.version,
      library: rt.library === 'full' || rt.library === 'sandbox' || rt.library === '' ? rt.library : base.runtime.library,
    },
    logLevel: ['error', 'warn', 'info', 'debug'].includes(r.logLevel as string)
      ? (r.logLevel as ServiceSettings['logLevel'])
      : trace.server === 'verbose' ? 'debug' : base.logLevel,
  };
}

/** `{[key]: v}` for a whole number ≥ min (else the fallback's; nothing when both are unset). */
function positiveInteger<K extends string>(v: unknown, fallback: number | undefined, min: number, key: K): { [P in K]?: number } {
  const n = typeof v === 'number' && Number.isInteger(v) && v >= min ? v : v === null ? undefined : fallback;
  return (n === undefined ? {} : { [key]: n }) as { [P in K]?: number };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function bool(v: unknown, fallback: boolean): boolean {
  return typeof v === 'boolean' ? v : fallback;
}
