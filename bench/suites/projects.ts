// The project layer (issue #12) on a generated project of 1,000 files (bench/project-gen.ts: 10
// layers of 100, each file requiring 3 of the next layer, chains 10 deep):
//   - checking the whole project with its requires followed (src/checker/workspace-modules.ts, what
//     `luamod check` does) against the same files checked as islands, in the same run (floor ≤ 1.5×);
//   - the language server (node dist/server.js --stdio) on that project: time to its workspace index
//     `ready` (floor ≤ 2 s); an unsaved edit of a module that ≥ 100 files require, directly or not,
//     until every one of them is re-checked (floor ≤ 500 ms); its memory per file (floor ≤ 0.5 MB).
// The server figures are printed and written to bench/results/projects-lsp.json.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import { analyze } from '../../src/checker/analyze';
import { environmentFromRegistry } from '../../src/checker/environment';
import { WorkspaceModules } from '../../src/checker/workspace-modules';
import { ModuleRegistry } from '../../src/module/registry';
import { findPackageRoot } from '../../src/module/package-root';
import { builtinModules } from '../../src/modules';
import { defineSuite } from '../harness';
import { generateProject, moduleWithDependents } from '../project-gen';

const root = findPackageRoot() ?? process.cwd();

function read(file: string): string | undefined {
  try { return readFileSync(file, 'utf8'); } catch { return undefined; }
}

interface Server { conn: MessageConnection; proc: ChildProcess; ready: Promise<number>; published: Map<string, number> }

async function start(dir: string): Promise<Server> {
  const proc = spawn(process.execPath, [join(root, 'dist', 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'ignore'] });
  const conn = createMessageConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
  let markReady: (files: number) => void = () => {};
  const ready = new Promise<number>((r) => (markReady = r));
  const published = new Map<string, number>();
  conn.onNotification('luamod/status', (p: { state: string; files?: number }) => { if (p.state === 'ready') markReady(p.files ?? 0); });
  conn.onNotification('textDocument/publishDiagnostics', (p: { uri: string }) => { published.set(p.uri, (published.get(p.uri) ?? 0) + 1); });
  conn.onRequest('window/workDoneProgress/create', () => null);
  conn.onRequest('client/registerCapability', () => null);
  conn.listen();
  const rootUri = pathToFileURL(dir).href;
  await conn.sendRequest('initialize', {
    processId: process.pid, rootUri, workspaceFolders: [{ uri: rootUri, name: 'bench' }],
    capabilities: { window: { workDoneProgress: true } },
    initializationOptions: { settings: { diagnostics: { debounceMs: 0 }, inlayHints: { enable: false } } },
  });
  conn.sendNotification('initialized', {});
  return { conn, proc, ready, published };
}

async function stop(s: Server): Promise<void> {
  await s.conn.sendRequest('shutdown').catch(() => undefined);
  void s.conn.sendNotification('exit');
  await new Promise((r) => { s.proc.once('exit', r); setTimeout(r, 2000); });
  s.conn.dispose();
}

/** Resident set size of a process now (VmRSS), in MB; undefined off Linux. */
function rssMb(pid: number | undefined): number | undefined {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** The server figures: index ready, edit → dependents re-checked, memory per file. */
async function serverFigures(dir: string, files: string[], edited: string, dependents: number): Promise<Record<string, unknown>> {
  const empty = mkdtempSync(join(tmpdir(), 'luamod-bench-empty-'));
  try {
    // Baseline memory: a server on an empty folder, after one request.
    const idle = await start(empty);
    await idle.ready;
    await idle.conn.sendRequest('workspace/diagnostic', { previousResultIds: [] });
    const idleRss = rssMb(idle.proc.pid);
    await stop(idle);

    const t0 = performance.now();
    const s = await start(dir);
    const indexed = await s.ready;
    const readyMs = performance.now() - t0;
    // Every file checked once (workspace diagnostics): this answers when they all are.
    const first = await s.conn.sendRequest<{ items: Array<{ uri: string; resultId?: string }> }>('workspace/diagnostic', { previousResultIds: [] });
    const allCheckedMs = performance.now() - t0;
    const rss = rssMb(s.proc.pid);
    const previous = first.items.map((i) => ({ uri: i.uri, value: i.resultId ?? '' }));

    // Edits of the module's buffer: each one renames its `scale` (every direct dependent gets an
    // error) or renames it back; the time runs until workspace/diagnostic answers, which waits for
    // every file the edit queued (its dependents, open or closed) to be checked again.
    const uri = pathToFileURL(edited).href;
    const text = readFileSync(edited, 'utf8');
    s.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'lua', version: 1, text } });
    await s.conn.sendRequest('workspace/diagnostic', { previousResultIds: previous });
    const times: number[] = [];
    let changedFiles = 0;
    for (let v = 2; v < 14; v++) {
      const next = v % 2 === 0 ? text.replace('function M.scale', 'function M.scaled') : text;
      const t = performance.now();
      s.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: v }, contentChanges: [{ text: next }] });
      const r = await s.conn.sendRequest<{ items: Array<{ kind: string }> }>('workspace/diagnostic', { previousResultIds: previous });
      times.push(performance.now() - t);
      if (v === 2) changedFiles = r.items.filter((i) => i.kind === 'full').length;
    }
    await stop(s);
    return {
      files: files.length, indexedFiles: indexed,
      indexReadyMs: Math.round(readyMs),
      everyFileCheckedMs: Math.round(allCheckedMs),
      edit: { module: edited.slice(dir.length + 1), dependents, medianMs: Math.round(median(times)), maxMs: Math.round(Math.max(...times)), samples: times.length, filesWhoseDiagnosticsChanged: changedFiles },
      memory: rss !== undefined && idleRss !== undefined
        ? { serverRssMb: Math.round(rss), idleServerRssMb: Math.round(idleRss), perFileMb: Math.round(((rss - idleRss) / files.length) * 1000) / 1000 }
        : 'n/a (no /proc)',
    };
  } finally {
    rmSync(empty, { recursive: true, force: true });
  }
}

export default defineSuite({
  name: 'projects',
  description: 'require across a generated 1,000-file project: check with the project layer vs islands; server index, edit of a module, memory',
  async run(b) {
    const dir = mkdtempSync(join(tmpdir(), 'luamod-bench-project-'));
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
    const project = generateProject(dir);
    const env = environmentFromRegistry(ModuleRegistry.load({ modules: builtinModules }));
    const files = project.files;

    // Sanity: the project checks clean with its requires followed (so the figures are of real work).
    const ws = new WorkspaceModules({ search: { root: dir }, read, optionsFor: (file) => ({ env, fileName: file }), files: () => files, keepDiagnostics: true });
    const problems = files.reduce((n, f) => n + ws.check(f).length, 0);
    const islands = files.reduce((n, f) => n + analyze(read(f)!, { env, fileName: f }).diagnostics.filter((d) => d.code === 'unknown-module').length, 0);
    process.stdout.write(`projects: ${files.length} files, ${problems} diagnostics with the project layer; as islands ${islands} unknown-module\n`);

    if (existsSync(join(root, 'dist', 'server.js'))) {
      const target = moduleWithDependents(project, 100);
      const figures = await serverFigures(dir, files, project.fileOf.get(target.name)!, target.dependents.size);
      process.stdout.write(`projects: server ${JSON.stringify(figures, null, 2)}\n`);
      mkdirSync(join(root, 'bench', 'results'), { recursive: true });
      writeFileSync(join(root, 'bench', 'results', 'projects-lsp.json'), JSON.stringify({ date: new Date().toISOString(), ...figures }, null, 2) + '\n');
    } else {
      process.stdout.write('projects: dist/server.js missing (npm run build); server figures skipped\n');
    }

    b.reference('1,000 files checked as islands (analyze() each, requires unknown)', () => {
      for (const f of files) analyze(read(f)!, { env, fileName: f });
    });
    b.bench('1,000 files checked as a project (requires followed, module types shared; ratio ≤ 1.5 meets the floor)', () => {
      const project = new WorkspaceModules({ search: { root: dir }, read, optionsFor: (file) => ({ env, fileName: file }), files: () => files, keepDiagnostics: true });
      for (const f of files) project.check(f);
    });
  },
});
