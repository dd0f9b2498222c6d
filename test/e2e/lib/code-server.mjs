// code-server 4.100.3 (VS Code 1.100.3) in a throw-away run folder: fresh user data, extensions
// and XDG dirs, the .vsix installed, the server started on 127.0.0.1 and stopped by pid tree.
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, openSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stopTree } from './processes.mjs';

/** Settings for a quiet, deterministic workbench (see /work/shared/vscode-e2e.md). */
const USER_SETTINGS = {
  'files.autoSave': 'off',
  'files.hotExit': 'off',
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'security.workspace.trust.enabled': false,
  'editor.quickSuggestions': { other: 'off', comments: 'off', strings: 'off' },
  'editor.wordBasedSuggestions': 'off',
  'editor.hover.delay': 100,
  'editor.minimap.enabled': false,
  'window.restoreWindows': 'none',
  'chat.disableAIFeatures': true,
  'git.openRepositoryInParentFolders': 'never',
  'git.enabled': false,
  // Format on save through luamod (checked by the format-on-save check; other checks never save).
  'editor.formatOnSave': true,
  '[lua]': { 'editor.defaultFormatter': 'luamod.luamod' },
  // Starting the debugger must not save what other checks left unsaved.
  'debug.saveBeforeStart': 'none',
};

export class CodeServer {
  /** @param {string} e2eDir test/e2e  @param {string} runDir a fresh folder for this run */
  constructor(e2eDir, runDir) {
    this.bin = join(e2eDir, 'node_modules/.bin/code-server');
    this.runDir = runDir;
    this.env = {
      ...process.env,
      XDG_CONFIG_HOME: join(runDir, 'xdg/config'),
      XDG_DATA_HOME: join(runDir, 'xdg/data'),
      XDG_CACHE_HOME: join(runDir, 'xdg/cache'),
    };
    this.proc = undefined;
    this.port = 0;
  }

  baseArgs() {
    const r = this.runDir;
    return ['--config', join(r, 'config.yaml'), '--user-data-dir', join(r, 'user-data'), '--extensions-dir', join(r, 'extensions')];
  }

  /** Writes config.yaml and the user settings. */
  prepare(port) {
    this.port = port;
    mkdirSync(join(this.runDir, 'user-data/User'), { recursive: true });
    mkdirSync(join(this.runDir, 'extensions'), { recursive: true });
    writeFileSync(join(this.runDir, 'config.yaml'), `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
    writeFileSync(join(this.runDir, 'user-data/User/settings.json'), JSON.stringify(USER_SETTINGS, null, 2));
  }

  /** `code-server --install-extension vsix`; returns its output. */
  installExtension(vsix) {
    return execFileSync(this.bin, [...this.baseArgs(), '--install-extension', vsix], { env: this.env, encoding: 'utf8', timeout: 120_000 });
  }

  /** Starts the server (log in runDir/code-server.log) and waits for /healthz. */
  async start(timeoutMs = 60_000) {
    const log = openSync(join(this.runDir, 'code-server.log'), 'a');
    this.proc = spawn(this.bin, [
      ...this.baseArgs(),
      '--bind-addr', `127.0.0.1:${this.port}`, '--auth', 'none', '--disable-telemetry', '--disable-update-check',
      '--disable-workspace-trust', '--disable-getting-started-override',
    ], { env: this.env, stdio: ['ignore', log, log] });
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (this.proc.exitCode !== null) throw new Error(`code-server exited with ${this.proc.exitCode}; see ${join(this.runDir, 'code-server.log')}`);
      try {
        const res = await fetch(`http://127.0.0.1:${this.port}/healthz`);
        if (res.ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error(`code-server did not answer /healthz within ${timeoutMs} ms`);
  }

  url(folder) {
    return `http://127.0.0.1:${this.port}/?folder=${encodeURI(folder)}`;
  }

  /** Stops code-server and its descendants (extension hosts, language servers). Returns their pids. */
  async stop() {
    if (!this.proc?.pid) return [];
    const pids = await stopTree(this.proc.pid);
    this.proc = undefined;
    return pids;
  }
}
