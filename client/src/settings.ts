// Reads the `luamod.*` settings into the LuamodSettings shape the server expects.
import * as vscode from 'vscode';
import { DEFAULT_SETTINGS, type LuamodSettings } from '../../src/protocol/luamod-protocol';

/** The effective settings for `scope` (a document or folder), defaults filled in. */
export function readSettings(scope?: vscode.ConfigurationScope): LuamodSettings {
  const c = vscode.workspace.getConfiguration('luamod', scope);
  const d = DEFAULT_SETTINGS;
  return {
    manifests: c.get<string[]>('manifests', [...d.manifests]),
    diagnostics: {
      enable: c.get('diagnostics.enable', d.diagnostics.enable),
      workspace: c.get('diagnostics.workspace', d.diagnostics.workspace),
      severity: c.get('diagnostics.severity', d.diagnostics.severity),
      maxPerFile: c.get<number | null>('diagnostics.maxPerFile', d.diagnostics.maxPerFile),
    },
    maxFileSize: c.get<number | null>('maxFileSize', d.maxFileSize),
    inlayHints: {
      enable: c.get('inlayHints.enable', d.inlayHints.enable),
      parameterNames: c.get('inlayHints.parameterNames', d.inlayHints.parameterNames),
      variableTypes: c.get('inlayHints.variableTypes', d.inlayHints.variableTypes),
    },
    run: { timeoutMs: c.get('run.timeoutMs', d.run.timeoutMs) },
    trace: { server: c.get('trace.server', d.trace.server) },
    runtime: {
      version: c.get('runtime.version', d.runtime.version),
      library: c.get('runtime.library', d.runtime.library),
    },
  };
}
