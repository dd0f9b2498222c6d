// `npm run security:heavy`: the huge-input attacks too slow for `npm test`, with their figures.
// Builds, then in a temp folder: `luamod check` on 12 MB and 30 MB files (declined: file-too-large)
// and on a 3.9 MB one (syntax only), `luamod run --workflow` on a 3.9 MB script, and the language
// server given 12 MB and 30 MB documents over stdio. Each prints wall time and peak memory (GNU
// time's maximum resident set for the CLI, VmHWM for the server) and fails when a run hangs, crashes
// or peaks above 300 MB (the bound issue #13 sets for a 30 MB file). Exit 1 on any failure.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const { createMessageConnection, StreamMessageReader, StreamMessageWriter } = require('vscode-jsonrpc/node');
const ROOT = new URL('..', import.meta.url).pathname;
const CLI = join(ROOT, 'bin/luamod.js');
const SERVER = join(ROOT, 'dist/server.js');
const LIMIT_MB = 300;
const MB = 1024 * 1024;

const build = spawnSync(process.execPath, [join(ROOT, 'scripts/build.mjs')], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const dir = mkdtempSync(join(tmpdir(), 'luamod-heavy-'));
const failures = [];
const lua = (bytes) => 'local value = { name = "item", count = 1 } print(value.count)\n'.repeat(Math.ceil(bytes / 62));

/** Runs the CLI under GNU time; returns wall seconds, peak RSS in MB, exit code and output. */
function cli(args) {
  const gnu = existsSync('/usr/bin/time');
  const out = join(dir, 'time.txt');
  const argv = gnu ? ['/usr/bin/time', '-v', '-o', out, process.execPath, CLI, ...args] : [process.execPath, CLI, ...args];
  const started = Date.now();
  const r = spawnSync(argv[0], argv.slice(1), { cwd: dir, encoding: 'utf8', timeout: 300_000, maxBuffer: 64 * MB });
  const seconds = (Date.now() - started) / 1000;
  const rss = gnu ? Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(readFileSync(out, 'utf8'))?.[1] ?? 0) / 1024 : NaN;
  return { seconds, rss, code: r.status, signal: r.signal, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
}

function record(name, r, ok, detail = '') {
  const line = `${ok ? 'ok  ' : 'FAIL'} ${name.padEnd(48)} ${r.seconds.toFixed(2).padStart(6)} s  ${Number.isNaN(r.rss) ? '   ?' : r.rss.toFixed(0).padStart(4)} MB peak ${detail}`;
  console.log(line);
  if (!ok) failures.push(line);
}

for (const size of [12, 30]) {
  const file = join(dir, `big-${size}.lua`);
  writeFileSync(file, lua(size * MB));
  const r = cli(['check', file, '--format', 'json']);
  const ok = r.code === 0 && r.rss <= LIMIT_MB && /"file-too-large"/.test(r.stdout);
  record(`luamod check, ${size} MB file (declined)`, r, ok, r.code === 0 ? '' : `exit ${r.code} ${r.signal ?? ''} ${r.stderr.slice(0, 200)}`);
}
{
  const file = join(dir, 'large-3.9.lua');
  writeFileSync(file, lua(3.9 * MB));
  const r = cli(['check', file, '--format', 'json']);
  record('luamod check, 3.9 MB file (syntax only)', r, r.code === 0 && !/file-too-large/.test(r.stdout), r.code === 0 ? '' : `exit ${r.code} ${r.stderr.slice(0, 200)}`);
  // A script that runs (globals: 200 locals is Lua's limit), padded with words after `local` in comments.
  const script = join(dir, 'workflow-3.9.lua');
  writeFileSync(script, `${'value = { name = "item", count = 1 } -- local a a a a a a\n'.repeat(Math.ceil(3.9 * MB / 58))}print(value.count)\n`);
  const w = cli(['run', script, '--workflow', '--timeout', '60000']);
  record('luamod run --workflow, 3.9 MB script', w, w.code === 0 && w.rss <= LIMIT_MB * 2, w.code === 0 ? '' : `exit ${w.code} ${w.stderr.slice(0, 200)}`);
}
{
  const file = join(dir, 'args.lua');
  writeFileSync(file, `print(${Array.from({ length: 200_000 }, (_, i) => `g${i}`).join(', ')})\n`);
  const r = cli(['check', file, '--format', 'json']);
  const kb = r.stdout.length / 1024;
  record('luamod check, 200k arguments in one call', r, r.code === 0 && kb < 1024 && /199000 more diagnostics/.test(r.stdout), `(${kb.toFixed(0)} KB of output)`);
}

/** The server given one document of `size` MB: time to its diagnostics, and its peak memory. */
async function serverDocument(size) {
  const proc = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const conn = createMessageConnection(new StreamMessageReader(proc.stdout), new StreamMessageWriter(proc.stdin));
  const published = new Promise((resolve) => conn.onNotification('textDocument/publishDiagnostics', (p) => { if (p.uri.endsWith('big.lua')) resolve(p); }));
  conn.onRequest('window/workDoneProgress/create', () => null);
  conn.onRequest('client/registerCapability', () => null);
  conn.onRequest('workspace/configuration', (p) => p.items.map(() => null));
  conn.listen();
  await conn.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
  conn.sendNotification('initialized', {});
  const uri = pathToFileURL(join(dir, 'big.lua')).href;
  const started = Date.now();
  conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'lua', version: 1, text: lua(size * MB) } });
  const timeout = new Promise((resolve) => setTimeout(() => resolve(undefined), 120_000));
  const p = await Promise.race([published, timeout]);
  const symbols = p ? await conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri } }) : undefined;
  const seconds = (Date.now() - started) / 1000;
  const rss = Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${proc.pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
  proc.kill();
  conn.dispose();
  const ok = p !== undefined && p.diagnostics.some((d) => d.code === 'file-too-large') && Array.isArray(symbols) && rss <= LIMIT_MB;
  record(`server, ${size} MB document (declined)`, { seconds, rss }, ok, p ? '' : 'no diagnostics within 120 s');
}
await serverDocument(12);
await serverDocument(30);

rmSync(dir, { recursive: true, force: true });
console.log(failures.length ? `\nsecurity:heavy: ${failures.length} failed` : '\nsecurity:heavy: all held');
process.exit(failures.length ? 1 : 0);
