// End-to-end test of the luamod extension in a real VS Code: builds and packages the .vsix, installs
// it into a fresh code-server profile, opens a copy of test/e2e/workspace in headless Chromium and
// runs the five checks of issue #7. Screenshots and a report go to test/e2e/artifacts/.
// Usage: node test/e2e/run.mjs [--skip-build] [--only=1,3] [--keep-run-dir] [--server-entry=FILE]
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHECKS } from './lib/checks.mjs';
import { CodeServer } from './lib/code-server.mjs';
import { freePort } from './lib/processes.mjs';
import { CHROMIUM, ensureNodeModules, ensureSystemPackages } from './lib/setup.mjs';
import { languageMode, poll, waitForWorkbench } from './lib/workbench.mjs';

const e2eDir = dirname(fileURLToPath(import.meta.url));
const root = resolve(e2eDir, '../..');
const args = process.argv.slice(2);
const flag = (name) => args.find((a) => a === name || a.startsWith(name + '='));
const only = flag('--only')?.split('=')[1]?.split(',').map(Number);
const artifacts = join(e2eDir, 'artifacts');
const t0 = Date.now();
const log = (msg) => console.log(`[e2e ${((Date.now() - t0) / 1000).toFixed(1).padStart(5)}s] ${msg}`);
const EXPECTED_CODE = 'unknown-module';

const report = { started: new Date().toISOString(), steps: [], checks: [], stoppedPids: [] };
async function step(name, fn) {
  const s = Date.now();
  try {
    const r = await fn();
    report.steps.push({ name, ms: Date.now() - s, ok: true });
    log(`${name}: ok (${Date.now() - s} ms)`);
    return r;
  } catch (err) {
    report.steps.push({ name, ms: Date.now() - s, ok: false, error: String(err?.message ?? err) });
    throw err;
  }
}

rmSync(artifacts, { recursive: true, force: true });
mkdirSync(artifacts, { recursive: true });
// Outside the repository, so that the workbench does not find the project's git repository.
const runDir = join(tmpdir(), `luamod-e2e-${process.pid}`);
rmSync(runDir, { recursive: true, force: true });
mkdirSync(runDir, { recursive: true });

const server = new CodeServer(e2eDir, runDir);
let context;
let exitCode = 1;
try {
  await step('install dependencies', () => {
    ensureSystemPackages(log);
    ensureNodeModules(e2eDir, log);
  });
  const vsix = await step('build and package the .vsix', () => {
    const version = JSON.parse(readFileSync(join(root, 'client/package.json'), 'utf8')).version;
    const out = join(root, `luamod-${version}.vsix`);
    if (!flag('--skip-build') || !existsSync(out)) {
      const extra = flag('--server-entry') ? [flag('--server-entry')] : [];
      execFileSync(process.execPath, [join(root, 'scripts/package-extension.mjs'), ...extra], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
    }
    return out;
  });
  const workspace = join(runDir, 'workspace');
  cpSync(join(e2eDir, 'workspace'), workspace, { recursive: true });
  server.prepare(await freePort());
  await step('install the .vsix into a fresh profile', () => {
    const out = server.installExtension(vsix);
    if (!/successfully installed/i.test(out)) throw new Error(`install said: ${out}`);
  });
  await step('start code-server', () => server.start());

  const require = createRequire(join(e2eDir, 'package.json'));
  const { chromium } = require('playwright-core');
  const page = await step('launch chromium and open the workspace', async () => {
    context = await chromium.launchPersistentContext(join(runDir, 'chromium-profile'), {
      executablePath: CHROMIUM,
      headless: true,
      viewport: { width: 1400, height: 900 },
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    const p = context.pages()[0] ?? (await context.newPage());
    await p.goto(server.url(workspace));
    await waitForWorkbench(p, 'main.lua');
    return p;
  });
  const shot = async (name) => {
    await page.screenshot({ path: join(artifacts, `${name}.png`) }).catch((e) => log(`screenshot ${name} failed: ${e.message}`));
  };
  await step('open main.lua in the Lua mode', async () => {
    const { openFile } = await import('./lib/workbench.mjs');
    await openFile(page, 'main.lua', 'require');
    const mode = (await poll(async () => ((await languageMode(page)) === 'Lua' ? 'Lua' : undefined), 30_000)) ?? (await languageMode(page));
    await shot('0-open-main-lua');
    if (mode !== 'Lua') throw new Error(`language mode is "${mode}", not Lua`);
  });

  for (const check of CHECKS.filter((c) => !only || only.includes(c.id))) {
    const s = Date.now();
    try {
      const detail = await check.run({ page, shot, log, workspace, expectedCode: EXPECTED_CODE, codeServerPid: server.proc?.pid });
      report.checks.push({ id: check.id, name: check.name, extra: !!check.extra, ok: true, ms: Date.now() - s, detail });
      log(`PASS ${check.id}. ${check.extra ? '(extra) ' : ''}${check.name} (${Date.now() - s} ms): ${detail}`);
    } catch (err) {
      await shot(`${check.id}-failed`);
      const error = String(err?.message ?? err).split('\n')[0];
      report.checks.push({ id: check.id, name: check.name, extra: !!check.extra, ok: false, ms: Date.now() - s, error });
      log(`FAIL ${check.id}. ${check.extra ? '(extra) ' : ''}${check.name} (${Date.now() - s} ms): ${error}`);
    }
    await page.keyboard.press('Escape').catch(() => undefined);
  }
  // Extras never fail the run, unless only extras were asked for (--only).
  const required = report.checks.filter((c) => !c.extra);
  const gate = required.length > 0 ? required : report.checks;
  exitCode = gate.length > 0 && gate.every((c) => c.ok) ? 0 : 1;
} catch (err) {
  log(`setup failed: ${err?.stack ?? err}`);
  for (const check of CHECKS.filter((c) => !only || only.includes(c.id))) {
    report.checks.push({ id: check.id, name: check.name, ok: false, error: `not run: setup failed (${String(err?.message ?? err).split('\n')[0]})` });
    log(`FAIL ${check.id}. ${check.extra ? '(extra) ' : ''}${check.name}: not run, setup failed`);
  }
} finally {
  if (context) await context.close().catch(() => undefined);
  report.stoppedPids = await server.stop();
  log(`stopped code-server and its ${report.stoppedPids.length} processes`);
  // code-server's log and the VS Code logs (extension host, the luamod output channels) for diagnosis.
  for (const [from, to] of [['code-server.log', 'logs/code-server.log'], ['user-data/logs', 'logs/vscode']]) {
    if (existsSync(join(runDir, from))) cpSync(join(runDir, from), join(artifacts, to), { recursive: true });
  }
  if (!flag('--keep-run-dir')) rmSync(runDir, { recursive: true, force: true });
  report.totalMs = Date.now() - t0;
  writeFileSync(join(artifacts, 'report.json'), JSON.stringify(report, null, 2));
  const required = report.checks.filter((c) => !c.extra);
  const extras = report.checks.filter((c) => c.extra);
  log(`${required.filter((c) => c.ok).length}/${required.length} checks passed (extras: ${extras.filter((c) => c.ok).length}/${extras.length}) in ${(report.totalMs / 1000).toFixed(1)} s; artifacts in ${artifacts}`);
  process.exit(exitCode);
}
