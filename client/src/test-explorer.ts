// Lua tests in VS Code's Test Explorer: `*_test.lua` files and their cases (client/src/test-discovery.ts),
// refreshed on edit; run a file or one case through the bundled CLI's `luamod test --reporter json`
// (the machine interface, docs/testing-modules.md); failures at their line with an expected/actual
// diff; durations.
import { execFile } from 'node:child_process';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { discoverTests } from './test-discovery';

/** The parts of `luamod test --reporter json` the explorer reads (src/cli/json-report.ts). */
interface JsonCase { name: string; status: 'passed' | 'failed'; durationMs?: number; message?: string; file: string; line?: number; expected?: string; actual?: string }
interface JsonReport { files: { file: string; durationMs: number; tests: JsonCase[] }[] }

const PATTERN = '**/*_test.lua';

export function registerTestExplorer(context: vscode.ExtensionContext): void {
  const ctrl = vscode.tests.createTestController('luamod', 'Lua tests (luamod)');
  context.subscriptions.push(ctrl);
  const cli = context.asAbsolutePath('dist/cli.js');

  const fileItem = (uri: vscode.Uri): vscode.TestItem => {
    const existing = ctrl.items.get(uri.toString());
    if (existing) return existing;
    const item = ctrl.createTestItem(uri.toString(), vscode.workspace.asRelativePath(uri), uri);
    item.canResolveChildren = true;
    ctrl.items.add(item);
    return item;
  };
  const parse = (uri: vscode.Uri, text: string) => {
    const file = fileItem(uri);
    const children = discoverTests(text).map((t) => {
      const child = ctrl.createTestItem(`${uri.toString()}#${t.name}`, t.name, uri);
      child.range = new vscode.Range(t.line, 0, t.line, 0);
      return child;
    });
    file.children.replace(children);
  };
  const parseFile = async (uri: vscode.Uri) => {
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    const text = open ? open.getText() : new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    parse(uri, text);
  };
  const isTestFile = (uri: vscode.Uri) => uri.scheme === 'file' && uri.path.endsWith('_test.lua');

  ctrl.resolveHandler = async (item) => {
    if (item?.uri) {
      await parseFile(item.uri);
      return;
    }
    for (const uri of await vscode.workspace.findFiles(PATTERN, '**/node_modules/**')) await parseFile(uri);
  };
  ctrl.refreshHandler = async () => {
    ctrl.items.replace([]);
    for (const uri of await vscode.workspace.findFiles(PATTERN, '**/node_modules/**')) await parseFile(uri);
  };
  const watcher = vscode.workspace.createFileSystemWatcher(PATTERN);
  context.subscriptions.push(
    watcher,
    watcher.onDidCreate((uri) => void parseFile(uri)),
    watcher.onDidChange((uri) => void parseFile(uri)),
    watcher.onDidDelete((uri) => ctrl.items.delete(uri.toString())),
    vscode.workspace.onDidOpenTextDocument((d) => { if (isTestFile(d.uri)) parse(d.uri, d.getText()); }),
    vscode.workspace.onDidChangeTextDocument((e) => { if (isTestFile(e.document.uri)) parse(e.document.uri, e.document.getText()); }),
  );

  ctrl.createRunProfile('Run', vscode.TestRunProfileKind.Run, async (request, token) => {
    const run = ctrl.createTestRun(request);
    // What to run, per file: null = the whole file, else these case names.
    const byFile = new Map<string, { file: vscode.TestItem; names: Set<string> | null }>();
    const add = (item: vscode.TestItem) => {
      if (request.exclude?.includes(item)) return;
      const file = item.parent ?? item;
      const entry = byFile.get(file.id) ?? { file, names: new Set<string>() };
      if (item === file) entry.names = null;
      else entry.names?.add(item.label);
      byFile.set(file.id, entry);
    };
    if (request.include) request.include.forEach(add);
    else ctrl.items.forEach(add);
    for (const { file, names } of byFile.values()) {
      if (token.isCancellationRequested || !file.uri) break;
      const cases: vscode.TestItem[] = [];
      file.children.forEach((c) => { if (!names || names.has(c.label)) cases.push(c); });
      for (const c of cases) run.started(c);
      const filter = names ? `^(${[...names].map(escapeRegExp).join('|')})$` : undefined;
      try {
        const report = await runTests(cli, file.uri.fsPath, filter, token);
        const results = report.files.flatMap((f) => f.tests);
        for (const r of results) {
          let item = cases.find((c) => c.label === r.name);
          if (!item) {
            // A name the text did not show (built at run time, or `(load)`): add it now.
            item = ctrl.createTestItem(`${file.id}#${r.name}`, r.name, file.uri);
            file.children.add(item);
          }
          if (r.status === 'passed') run.passed(item, r.durationMs);
          else run.failed(item, failureMessage(r, file.uri), r.durationMs);
        }
        for (const c of cases) if (!results.some((r) => r.name === c.label)) run.skipped(c);
      } catch (e) {
        for (const c of cases) run.errored(c, new vscode.TestMessage(`luamod test: ${(e as Error).message}`));
      }
    }
    run.end();
  }, true);

  // Debug: one file (or the chosen cases of one file) under the debugger, in test mode.
  ctrl.createRunProfile('Debug', vscode.TestRunProfileKind.Debug, async (request) => {
    const items = request.include ?? [];
    const first = items[0] ?? (() => { let f: vscode.TestItem | undefined; ctrl.items.forEach((i) => { f ??= i; }); return f; })();
    const file = first ? (first.parent ?? first) : undefined;
    if (!file?.uri) return;
    const names = items.filter((i) => i.parent === file).map((i) => i.label);
    await vscode.debug.startDebugging(vscode.workspace.getWorkspaceFolder(file.uri), {
      type: 'luamod', request: 'launch', name: `Debug ${file.label}`, program: file.uri.fsPath, cwd: path.dirname(file.uri.fsPath), test: true,
      ...(names.length > 0 ? { testFilter: `^(${names.map(escapeRegExp).join('|')})$` } : {}),
    });
  }, true);
}

function failureMessage(r: JsonCase, fallback: vscode.Uri): vscode.TestMessage {
  const message = r.expected !== undefined && r.actual !== undefined
    ? vscode.TestMessage.diff(r.message ?? 'failed', r.expected, r.actual)
    : new vscode.TestMessage(r.message ?? 'failed');
  if (r.line !== undefined) {
    // The report's paths are relative to the folder the CLI ran in: the test file's.
    const uri = r.file ? vscode.Uri.file(path.resolve(path.dirname(fallback.fsPath), r.file)) : fallback;
    message.location = new vscode.Location(uri, new vscode.Position(r.line - 1, 0));
  }
  return message;
}

/** Runs `luamod test FILE --reporter json` with VS Code's Node; the report on stdout. */
function runTests(cli: string, file: string, filter: string | undefined, token: vscode.CancellationToken): Promise<JsonReport> {
  const args = [cli, 'test', path.basename(file), '--reporter', 'json', ...(filter ? ['--filter', filter] : [])];
  return new Promise((resolve, reject) => {
    const child = execFile(process.execPath, args, { cwd: path.dirname(file), env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' }, maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) => {
      try {
        resolve(JSON.parse(stdout) as JsonReport);
      } catch {
        reject(new Error((stderr || err?.message || 'no report').trim()));
      }
    });
    token.onCancellationRequested(() => child.kill());
  });
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
