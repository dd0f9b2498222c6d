// The extension manifest (client/package.json) agrees with the code and the repo: every contributed
// file has a source, every command is registered, settings defaults match the protocol's defaults.
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src/protocol/luamod-protocol';

const root = resolve(__dirname, '../..');
const manifest = JSON.parse(readFileSync(join(root, 'client/package.json'), 'utf8'));
const rootPackage = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const clientSources = readdirSync(join(root, 'client/src'))
  .map((f) => readFileSync(join(root, 'client/src', f), 'utf8'))
  .join('\n');
const packageScript = readFileSync(join(root, 'scripts/package-extension.mjs'), 'utf8');

describe('client/package.json', () => {
  it('targets the VS Code the e2e test runs (1.100) and activates on Lua and .luamodrc.json', () => {
    expect(manifest.engines.vscode).toBe('^1.100.0');
    expect(manifest.activationEvents).toEqual(['onLanguage:lua', 'workspaceContains:**/.luamodrc.json']);
    expect(manifest.main).toBe('./dist/extension.js');
    expect(manifest.version).toBe(rootPackage.version);
  });

  it('has no dependencies of its own (everything is bundled)', () => {
    expect(manifest.dependencies).toBeUndefined();
    expect(manifest.devDependencies).toBeUndefined();
  });

  it('ships every contributed grammar, configuration and schema from the package script', () => {
    const paths: string[] = [
      ...manifest.contributes.grammars.map((g: { path: string }) => g.path),
      ...manifest.contributes.languages.map((l: { configuration: string }) => l.configuration),
      ...manifest.contributes.jsonValidation.map((j: { url: string }) => j.url),
    ];
    for (const p of paths) {
      expect(p.startsWith('./dist/'), p).toBe(true);
      // scripts/package-extension.mjs copies each one into client/dist under this name.
      expect(packageScript, p).toContain(`'${p.slice('./dist/'.length)}'`);
    }
  });

  it('registers every contributed command, and contributes every registered one', () => {
    const contributed = manifest.contributes.commands.map((c: { command: string }) => c.command).sort();
    const registered = [...clientSources.matchAll(/registerCommand\('([^']+)'/g)].map((m) => m[1]).sort();
    expect(registered).toEqual(contributed);
    expect(contributed).toEqual(['luamod.debugScript', 'luamod.restartServer', 'luamod.runScript', 'luamod.showModuleManifest']);
  });

  it('puts run and debug buttons in the editor title for Lua files', () => {
    const run = manifest.contributes.menus['editor/title/run'];
    expect(run).toEqual([
      expect.objectContaining({ command: 'luamod.runScript', when: 'editorLangId == lua' }),
      expect.objectContaining({ command: 'luamod.debugScript', when: 'editorLangId == lua' }),
    ]);
  });

  it('contributes the luamod debugger: its launch attributes match what the adapter reads, and it ships dist/dap.js', () => {
    const [debuggerEntry] = manifest.contributes.debuggers;
    expect(debuggerEntry.type).toBe('luamod');
    const attributes = Object.keys(debuggerEntry.configurationAttributes.launch.properties).sort();
    expect(attributes).toEqual(['allow', 'args', 'cwd', 'fsRoot', 'program', 'stopOnEntry', 'test', 'testFilter', 'timeout', 'workflow']);
    // src/debug/session.ts reads each attribute (LaunchArguments).
    const session = readFileSync(join(root, 'src/debug/session.ts'), 'utf8');
    for (const a of attributes) expect(session, a).toMatch(new RegExp(`\\b${a}\\?: unknown`));
    expect(debuggerEntry.configurationSnippets.length).toBeGreaterThan(0);
    expect(manifest.contributes.breakpoints).toEqual([{ language: 'lua' }]);
    expect(packageScript).toContain("outfile: join(dist, 'dap.js')");
    expect(clientSources).toContain("asAbsolutePath('dist/dap.js')");
  });

  it('declares settings whose defaults match DEFAULT_SETTINGS in the shared protocol', () => {
    const props = manifest.contributes.configuration.properties;
    const flat: Record<string, unknown> = {
      'luamod.manifests': DEFAULT_SETTINGS.manifests,
      'luamod.diagnostics.enable': DEFAULT_SETTINGS.diagnostics.enable,
      'luamod.diagnostics.workspace': DEFAULT_SETTINGS.diagnostics.workspace,
      'luamod.diagnostics.severity': DEFAULT_SETTINGS.diagnostics.severity,
      'luamod.diagnostics.maxPerFile': DEFAULT_SETTINGS.diagnostics.maxPerFile,
      'luamod.maxFileSize': DEFAULT_SETTINGS.maxFileSize,
      'luamod.inlayHints.enable': DEFAULT_SETTINGS.inlayHints.enable,
      'luamod.inlayHints.parameterNames': DEFAULT_SETTINGS.inlayHints.parameterNames,
      'luamod.inlayHints.variableTypes': DEFAULT_SETTINGS.inlayHints.variableTypes,
      'luamod.run.timeoutMs': DEFAULT_SETTINGS.run.timeoutMs,
      'luamod.trace.server': DEFAULT_SETTINGS.trace.server,
      'luamod.runtime.version': DEFAULT_SETTINGS.runtime.version,
      'luamod.runtime.library': DEFAULT_SETTINGS.runtime.library,
    };
    expect(Object.keys(props).sort()).toEqual(Object.keys(flat).sort());
    for (const [key, value] of Object.entries(flat)) expect(props[key].default, key).toEqual(value);
  });
});

describe('luamod.diagnostics.severity', () => {
  it('offers exactly the diagnostic codes of the checker table, with its levels', async () => {
    const { DIAGNOSTIC_CODES } = await import('../../src/checker/diagnostic-codes');
    const severity = manifest.contributes.configuration.properties['luamod.diagnostics.severity'];
    expect(Object.keys(severity.properties).sort()).toEqual([...DIAGNOSTIC_CODES].sort());
    for (const p of Object.values(severity.properties) as { enum: string[] }[]) {
      expect(p.enum).toEqual(['error', 'warning', 'info', 'hint', 'off']);
    }
  });
});
