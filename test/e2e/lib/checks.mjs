// The five end-to-end checks of issue #7. Each one opens what it needs, so any of them can run
// (and fail) alone; each returns a short detail string or throws with what it saw.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { processTree } from './processes.mjs';
import { editorText, notifications, openFile, poll, runCommand } from './workbench.mjs';

const MAIN = 'main.lua';
const BROKEN = 'broken.lua';
const DEBUG = 'debug.lua';

/** 5. The status bar item reaches "ready". */
export async function statusReady({ page, shot }) {
  await openFile(page, MAIN, 'require');
  const item = page.locator('.statusbar-item', { hasText: 'luamod' }).first();
  const seen = new Set();
  const text = await poll(async () => {
    const t = (await item.innerText()).trim();
    seen.add(t);
    return /ready/.test(t) ? t : undefined;
  }, 60_000);
  await shot('5-status-ready');
  if (!text) throw new Error(`status bar never showed "ready"; it showed: ${[...seen].join(' | ') || '(no luamod item)'}`);
  return `status bar: "${text}" (seen: ${[...seen].join(' → ')})`;
}

/** 2. Hover on json.encode shows its signature and description. */
export async function hoverJsonEncode({ page, shot }) {
  await openFile(page, MAIN, 'json.encode');
  const token = page.locator('.editor-instance .view-lines .view-line span span', { hasText: /^encode$/ }).first();
  await token.waitFor({ timeout: 10_000 });
  const hover = page.locator('.monaco-hover .rendered-markdown');
  const text = await poll(async () => {
    await page.mouse.move(0, 0);
    await token.hover();
    await hover.first().waitFor({ timeout: 3000 });
    const all = (await hover.allInnerTexts()).join('\n');
    return /encode/.test(all) && all.trim().length > 'encode'.length + 10 ? all : undefined;
  }, 30_000, 500);
  await shot('2-hover-json-encode');
  if (!text) throw new Error('no hover with "encode" appeared over json.encode');
  const lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
  const signature = lines.find((l) => /encode\s*[(:]|fun\s*\(/.test(l));
  const description = lines.find((l) => l !== signature && /[a-z]{3,}\s+[a-z]{2,}/i.test(l) && !/^```/.test(l));
  if (!signature) throw new Error(`hover has no signature for encode: ${JSON.stringify(text)}`);
  if (!description) throw new Error(`hover has no description: ${JSON.stringify(text)}`);
  return `signature: ${signature} | description: ${description}`;
}

/** 4. Run Lua Script prints the script's output into the `luamod` Output channel. */
export async function runScriptOutput({ page, shot }) {
  await openFile(page, MAIN, 'luamod e2e ok');
  await runCommand(page, 'luamod: Run Lua Script');
  const panel = page.locator('.part.panel');
  const text = await poll(async () => {
    const t = (await panel.locator('.view-lines').first().innerText()).replace(/\u00a0/g, ' ');
    return /luamod e2e ok/.test(t) && /(Finished in|Failed after)/.test(t) ? t : undefined;
  }, 30_000);
  await shot('4-run-lua-script');
  const channel = await page.locator('.part.panel .monaco-select-box, .part.panel select').first().inputValue().catch(() => '');
  if (!text) {
    const seen = await panel.locator('.view-lines').first().innerText().catch(() => '(no output view)');
    throw new Error(`output channel did not show the script output; it showed: ${JSON.stringify(seen.slice(0, 400))}`);
  }
  if (!/Finished in \d/.test(text)) throw new Error(`the script failed: ${JSON.stringify(text.slice(0, 400))}`);
  const duration = /Finished in [^\n]+/.exec(text)?.[0];
  return `channel ${channel || 'luamod'}: "luamod e2e ok", ${duration}`;
}

/** 3. A planted error shows in the Problems panel with its code. */
export async function problemsPanel({ page, shot, expectedCode }) {
  await openFile(page, BROKEN, 'no_such_module');
  const squiggle = await poll(() => page.locator('.editor-instance .squiggly-error, .editor-instance .squiggly-warning').count(), 30_000);
  await runCommand(page, 'View: Focus Problems');
  const rows = page.locator('.markers-panel .monaco-list-row');
  const text = await poll(async () => {
    const all = (await rows.allInnerTexts()).join('\n');
    return all.includes(expectedCode) ? all : undefined;
  }, 30_000);
  await shot('3-problems-panel');
  if (!text) {
    const seen = (await rows.allInnerTexts().catch(() => [])).join(' | ');
    throw new Error(`Problems panel has no "${expectedCode}" (squiggles: ${squiggle ?? 0}); rows: ${seen || '(none)'}`);
  }
  const row = text.split('\n').find((l) => l.includes(expectedCode)) ?? text;
  return `problems: ${row.trim()}${squiggle ? ' (squiggle in the editor)' : ''}`;
}

/** 1. Completion after `time.` lists now and sleep, with documentation. */
export async function completionTime({ page, shot }) {
  await openFile(page, MAIN, 'time.now');
  await page.locator('.editor-instance .view-lines').first().click();
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Enter');
  await page.keyboard.type('time.', { delay: 50 });
  const widget = page.locator('.editor-widget.suggest-widget.visible');
  const rows = widget.locator('.monaco-list-row');
  const labels = async () => (await widget.locator('.monaco-list-row .monaco-icon-label .label-name').allInnerTexts()).map((t) => t.trim());
  const found = {};
  try {
    const opened = await poll(async () => {
      if ((await rows.count()) > 0) return true;
      await page.keyboard.press('Control+Space');
      await rows.first().waitFor({ timeout: 3000 });
      return true;
    }, 20_000, 500);
    if (!opened) throw new Error('no completion list appeared after "time."');
    const listed = await labels();
    for (const name of ['now', 'sleep']) {
      if (!listed.includes(name)) {
        throw new Error(`completion after "time." does not list "${name}"; it lists: ${listed.join(', ')}`);
      }
    }
    for (const name of ['now', 'sleep']) {
      // Move the focus to the item; its documentation shows in the details pane.
      const focusedLabel = async () =>
        (await widget.locator('.monaco-list-row.focused .monaco-icon-label .label-name').first().innerText().catch(() => '')).trim();
      const trail = [];
      for (let i = 0; i < 60 && (await focusedLabel()) !== name; i++) {
        trail.push(await focusedLabel());
        await page.keyboard.press('ArrowDown');
        await page.waitForTimeout(50);
      }
      if ((await focusedLabel()) !== name) throw new Error(`could not focus "${name}" in the list (focus went: ${trail.slice(0, 12).join(', ')})`);
      const details = page.locator('.suggest-details');
      const docs = await poll(async () => {
        if (!(await details.first().isVisible())) await page.keyboard.press('Control+Space');
        const t = (await details.first().innerText()).trim();
        return t.length > 0 && t.includes(name) ? t : undefined;
      }, 10_000, 700);
      await shot(`1-completion-${name}`);
      if (!docs) throw new Error(`completion item "${name}" shows no documentation`);
      found[name] = docs.replace(/\s+/g, ' ').slice(0, 120);
    }
  } finally {
    await page.keyboard.press('Escape');
    // Leave the document as it was (auto-save is off; the workspace is a copy anyway).
    for (let i = 0; i < 12 && /time\.\s*$/m.test(await editorText(page).catch(() => '')); i++) {
      await page.keyboard.press('Control+Z');
    }
  }
  return `listed now and sleep; ${Object.entries(found).map(([k, v]) => `${k}: ${v}`).join(' | ')}`;
}

/** Extra: a runtime error prints `file:line` into the channel and raises a notification. */
export async function runtimeError({ page, shot }) {
  await openFile(page, 'fails.lua', 'boom');
  await runCommand(page, 'luamod: Run Lua Script');
  const panel = page.locator('.part.panel');
  const text = await poll(async () => {
    const t = (await panel.locator('.view-lines').first().innerText()).replace(/\u00a0/g, ' ');
    return /fails\.lua:4\b/.test(t) && /Failed after/.test(t) ? t : undefined;
  }, 30_000);
  const toast = await poll(async () => (await notifications(page)).find((n) => /boom/.test(n)), 10_000);
  await shot('6-runtime-error');
  if (!text) throw new Error('the output channel shows no "fails.lua:4" error line');
  if (!toast) throw new Error('no error notification mentioning the error appeared');
  const line = text.split('\n').find((l) => /fails\.lua:4/.test(l));
  return `${line?.trim()} | notification: ${toast.replace(/\s+/g, ' ').slice(0, 100)}`;
}

/** Extra: Show Module Manifest lists the modules and opens the chosen one's page. */
export async function moduleManifest({ page, shot }) {
  await openFile(page, MAIN, 'require');
  await runCommand(page, 'luamod: Show Module Manifest');
  const rows = page.locator('.quick-input-list .monaco-list-row');
  await rows.first().waitFor({ timeout: 15_000 });
  const listed = (await page.locator('.quick-input-list .monaco-list-row .label-name').allInnerTexts()).map((t) => t.trim()).filter((t) => /^[\w.-]+$/.test(t));
  if (!listed.includes('time')) throw new Error(`the module list has no "time": ${listed.join(', ')}`);
  await page.locator('.quick-input-widget input').fill('time');
  await page.locator('.quick-input-list .monaco-list-row.focused', { hasText: 'time' }).first().waitFor({ timeout: 10_000 });
  await page.keyboard.press('Enter');
  const tab = page.locator('.tab', { hasText: /time/ }).filter({ hasText: /Preview|time\.md/ }).first();
  await tab.waitFor({ timeout: 20_000 });
  await page.waitForTimeout(1500);
  await shot('7-module-manifest');
  return `listed ${listed.slice(0, 8).join(', ')}${listed.length > 8 ? ', …' : ''}; opened "${(await tab.innerText()).trim()}"`;
}

/** Extra: luamod: Restart Server brings up a new server and the status bar returns to "ready". */
export async function restartServer({ page, shot }) {
  await openFile(page, MAIN, 'require');
  const item = page.locator('.statusbar-item', { hasText: 'luamod' }).first();
  const seen = [];
  await runCommand(page, 'luamod: Restart Server');
  const ready = await poll(async () => {
    const t = (await item.innerText()).trim();
    if (seen[seen.length - 1] !== t) seen.push(t);
    return seen.length > 1 && /ready/.test(t) ? t : undefined;
  }, 60_000, 100);
  await shot('8-restart-server');
  if (!ready) throw new Error(`after restart the status bar showed: ${seen.join(' → ')}`);
  return `status: ${seen.join(' → ')}`;
}

/** Extra: killing the language server shows "crashed"; it comes back (by itself or by a click). */
export async function serverCrash({ page, shot, codeServerPid }) {
  await openFile(page, MAIN, 'require');
  const item = page.locator('.statusbar-item', { hasText: 'luamod' }).first();
  const isServer = (pid) => {
    try {
      return /dist\/server\.js/.test(readFileSync(`/proc/${pid}/cmdline`, 'utf8'));
    } catch {
      return false;
    }
  };
  const victims = processTree(codeServerPid).filter(isServer);
  if (victims.length === 0) throw new Error('no luamod language server process found under code-server');
  for (const pid of victims) process.kill(pid, 'SIGKILL');
  const seen = [];
  const record = async () => {
    const t = (await item.innerText().catch(() => '')).trim();
    if (t && seen[seen.length - 1] !== t) seen.push(t);
    return t;
  };
  const crashed = await poll(async () => /crashed/.test(await record()), 15_000, 50);
  if (crashed) await shot('9-server-crashed');
  let ready = await poll(async () => /ready/.test(await record()), 10_000, 50);
  let how = 'restarted by the client';
  if (!ready && /crashed/.test(await record())) {
    await item.click();
    how = 'restarted by clicking the status bar item';
    ready = await poll(async () => /ready/.test(await record()), 30_000, 50);
  }
  if (!crashed) throw new Error(`the status bar never showed "crashed" after the server was killed: ${seen.join(' → ')}`);
  if (!ready) throw new Error(`the server did not come back: ${seen.join(' → ')}`);
  return `killed pid ${victims.join(', ')}; status ${seen.join(' → ')} (${how})`;
}

/** Extra: with a selection, Run Lua Script runs only the selected lines. */
export async function runSelection({ page, shot }) {
  await openFile(page, MAIN, 'luamod e2e ok');
  const line = page.locator('.editor-instance .view-lines .view-line', { hasText: 'print("luamod e2e ok")' }).first();
  await line.click();
  await page.keyboard.press('Home');
  await page.keyboard.press('Shift+End');
  await runCommand(page, 'luamod: Run Lua Script', { escape: false });
  const panel = page.locator('.part.panel');
  const text = await poll(async () => {
    const t = (await panel.locator('.view-lines').first().innerText()).replace(/\u00a0/g, ' ');
    const at = t.lastIndexOf('Running main.lua (lines ');
    return at >= 0 && /Finished in|Failed after/.test(t.slice(at)) ? t.slice(at) : undefined;
  }, 30_000);
  await shot('10-run-selection');
  if (!text) throw new Error('no "Running main.lua (lines …)" run appeared in the luamod channel');
  if (!/luamod e2e ok/.test(text) || /payload:/.test(text)) throw new Error(`the selection run printed: ${JSON.stringify(text.slice(0, 300))}`);
  return text.split('\n').filter(Boolean).join(' | ');
}

/** Extra: .luamodrc.json is validated against the shipped schema (jsonValidation). */
export async function configSchema({ page, shot }) {
  await openFile(page, '.luamodrc.json', 'diagnostics');
  await page.locator('.editor-instance .view-lines').first().click();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('{ "diagnostics": { "unused-local": "loud" } }', { delay: 10 });
  await runCommand(page, 'View: Focus Problems');
  const rows = page.locator('.markers-panel .monaco-list-row');
  const text = await poll(async () => {
    const all = (await rows.allInnerTexts()).join('\n');
    return /loud|not accepted|Valid values/i.test(all) ? all : undefined;
  }, 30_000);
  await shot('11-config-schema');
  await page.keyboard.press('Escape');
  // Leave the config as it was on disk: a later check that saves (format on save) or starts the
  // debugger (which saves dirty editors first) must not write this invalid text.
  await openFile(page, '.luamodrc.json', 'diagnostics');
  await runCommand(page, 'File: Revert File');
  if (!text) throw new Error(`no schema problem for an invalid severity in .luamodrc.json; rows: ${(await rows.allInnerTexts()).join(' | ') || '(none)'}`);
  return text.split('\n').find((l) => /loud|not accepted|Valid values/i.test(l))?.trim() ?? text;
}

/** Extra: format on save rewrites the file in StyLua's style (the server's textDocument/formatting). */
export async function formatOnSave({ page, shot, workspace }) {
  const file = join(workspace, 'unformatted.lua');
  await openFile(page, 'unformatted.lua', 'print');
  await page.locator('.editor-group-container.active .editor-instance .view-lines').first().click();
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Control+S');
  const want = 'local x = 1\nprint(x)\n';
  const text = await poll(() => {
    const t = readFileSync(file, 'utf8');
    return t === want ? t : undefined;
  }, 30_000);
  await shot('12-format-on-save');
  if (!text) throw new Error(`the saved file is not formatted: ${JSON.stringify(readFileSync(file, 'utf8'))}`);
  return `saved as ${JSON.stringify(text)}`;
}

/** #12: go to definition across files: go to definition on util.add in app.lua opens util.lua at `function M.add`. */
export async function definitionAcrossFiles({ page, shot }) {
  await openFile(page, 'app.lua', 'util.add');
  const token = page.locator('.editor-group-container.active .editor-instance .view-lines .view-line span span', { hasText: /^add$/ }).first();
  await token.waitFor({ timeout: 10_000 });
  const target = page.locator('.tab.active', { hasText: 'util.lua' }).first();
  const opened = await poll(async () => {
    await page.keyboard.press('Escape');
    await token.click();
    await page.keyboard.press('F12');
    await target.waitFor({ timeout: 3000 });
    return true;
  }, 30_000, 500);
  if (!opened) throw new Error('F12 on util.add did not open util.lua');
  const text = await poll(async () => {
    const t = await editorText(page);
    return /function M\.add/.test(t) ? t : undefined;
  }, 10_000);
  const where = (await page.locator('#status\\.editor\\.selection').innerText().catch(() => '')).trim();
  await shot('13-definition-across-files');
  if (!text) throw new Error('util.lua opened without "function M.add" in view');
  if (!/Ln 5\b/.test(where)) throw new Error(`the cursor is not on line 5 (function M.add): status shows "${where}"`);
  return `F12 on util.add opened util.lua at ${where}`;
}

/** In the order they run: the edit made by completion comes last. */
/**
 * 13. Debugging: a breakpoint set by clicking the gutter, Debug Lua Script, the paused line
 * highlighted, a local's value in the Variables view, then continue to the end.
 */
export async function debugScript({ page, shot }) {
  await openFile(page, DEBUG, 'items');
  const editor = page.locator('.editor-group-container.active .editor-instance');
  const line = editor.locator('.view-line', { hasText: 'local message' }).first();
  await line.waitFor({ timeout: 10_000 });
  // The editor may still be laying out (after other checks' widgets closed): wait for both boxes.
  const boxes = await poll(async () => {
    const l = await line.boundingBox();
    const m = await editor.locator('.margin').first().boundingBox();
    return l && m ? { lineBox: l, marginBox: m } : undefined;
  }, 10_000);
  if (!boxes) throw new Error('no line or margin to click');
  const { lineBox, marginBox } = boxes;
  // The glyph margin is the left part of the margin.
  await page.mouse.click(marginBox.x + 8, lineBox.y + lineBox.height / 2);
  const bp = await poll(async () => ((await editor.locator('.codicon-debug-breakpoint').count()) > 0 ? true : undefined), 10_000);
  await shot('15-breakpoint-set');
  if (!bp) throw new Error('clicking the gutter set no breakpoint');
  await runCommand(page, 'luamod: Debug Lua Script');
  // Paused: the stack-frame glyph sits on the breakpoint's line.
  const paused = await poll(async () => {
    const glyph = editor.locator('.codicon-debug-stackframe').first();
    if (!(await glyph.isVisible())) return undefined;
    const g = await glyph.boundingBox();
    const l = await line.boundingBox();
    return g && l && Math.abs(g.y + g.height / 2 - (l.y + l.height / 2)) < l.height ? 'paused' : undefined;
  }, 60_000);
  await shot('15-paused');
  if (!paused) throw new Error('the debugger did not pause on the breakpoint line');
  const variables = page.locator('.debug-view-content .monaco-list-row, .debug-pane .monaco-list-row');
  const total = await poll(async () => {
    const rows = (await variables.allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
    return rows.find((r) => /^total\s*[:=]?\s*12$/.test(r) || /^total: 12/.test(r));
  }, 20_000);
  await shot('15-variables');
  if (!total) throw new Error(`the Variables view shows no total = 12; rows: ${JSON.stringify((await variables.allInnerTexts()).slice(0, 20))}`);
  await runCommand(page, 'Debug: Continue');
  const ended = await poll(async () => ((await page.locator('.debug-toolbar').isVisible().catch(() => false)) ? undefined : 'ended'), 30_000);
  await shot('15-ended');
  if (!ended) throw new Error('the debug session did not end after continue');
  return `paused at "local message", Variables: "${total}", continued to the end`;
}

/**
 * 14. Test Explorer: math_test.lua's cases are listed; running them shows the failure at its line
 * with the expected/actual diff.
 */
export async function testExplorer({ page, shot }) {
  await openFile(page, 'math_test.lua', 'test.case');
  // The Testing view from its activity-bar icon (the palette lists its focus command only once the
  // view is known).
  await page.locator('.activitybar .action-item a[aria-label^="Testing"], .activitybar .action-item[aria-label^="Testing"]').first().click();
  const rows = page.locator('.test-explorer .monaco-list-row');
  const listed = await poll(async () => {
    const t = (await rows.allInnerTexts()).join('\n');
    return /math_test\.lua/.test(t) ? t : undefined;
  }, 30_000);
  if (!listed) throw new Error(`math_test.lua is not in the Test Explorer; rows: ${JSON.stringify(await rows.allInnerTexts())}`);
  // Expand the file: its cases from the text.
  const fileRow = rows.filter({ hasText: 'math_test.lua' }).first();
  await fileRow.click();
  await page.keyboard.press('ArrowRight');
  const cases = await poll(async () => {
    const t = (await rows.allInnerTexts()).join('\n');
    return /adds/.test(t) && /breaks/.test(t) ? t : undefined;
  }, 15_000);
  await shot('16-test-explorer');
  if (!cases) throw new Error(`the cases are not listed; rows: ${JSON.stringify(await rows.allInnerTexts())}`);
  await runCommand(page, 'Test: Run All Tests');
  // The failure shows inline at the failing line as the expected/actual diff (TestMessage.diff).
  const editor = page.locator('.editor-group-container.active .editor-instance');
  const failingLine = editor.locator('.view-line', { hasText: 'test.eq({ a = 1 }' }).first();
  const inline = editor.getByText('{a = 1} != {a = 2}').first();
  const atLine = await poll(async () => {
    if (!(await inline.isVisible())) return undefined;
    const a = await inline.boundingBox();
    const b = await failingLine.boundingBox();
    return a && b && Math.abs(a.y + a.height / 2 - (b.y + b.height / 2)) < b.height ? true : undefined;
  }, 60_000);
  // Durations in the tree (e.g. "breaks 2.8ms").
  const durations = await poll(async () => {
    const t = (await rows.allInnerTexts()).map((r) => r.replace(/\s+/g, ' ').trim());
    const breaks = t.find((r) => /^breaks\s*\d+(\.\d+)?\s?ms$/.test(r));
    const adds = t.find((r) => /^adds\s*\d+(\.\d+)?\s?ms$/.test(r));
    return breaks && adds ? `${adds}, ${breaks}` : undefined;
  }, 15_000);
  await shot('16-test-failure');
  if (!atLine) throw new Error('no "{a = 1} != {a = 2}" failure shown at the failing line');
  if (!durations) throw new Error(`no durations in the Test Explorer; rows: ${JSON.stringify(await rows.allInnerTexts())}`);
  return `listed adds and breaks; failure "{a = 1} != {a = 2}" at the test.eq line; durations: ${durations}`;
}

export const CHECKS = [
  { id: 5, name: 'status bar reaches "ready"', run: statusReady },
  { id: 2, name: 'hover on json.encode shows signature and description', run: hoverJsonEncode },
  { id: 4, name: 'Run Lua Script prints into the luamod Output channel', run: runScriptOutput },
  { id: 3, name: 'planted error in the Problems panel with its code', run: problemsPanel },
  { id: 6, name: 'runtime error: file:line in the channel and a notification', run: runtimeError, extra: true },
  { id: 7, name: 'Show Module Manifest opens a module page', run: moduleManifest, extra: true },
  { id: 8, name: 'Restart Server returns to "ready"', run: restartServer, extra: true },
  { id: 9, name: 'a killed server shows "crashed" and comes back', run: serverCrash, extra: true },
  { id: 10, name: 'Run Lua Script on a selection runs only the selection', run: runSelection, extra: true },
  { id: 11, name: '.luamodrc.json is validated by the shipped schema', run: configSchema, extra: true },
  { id: 12, name: 'format on save formats the file (StyLua)', run: formatOnSave, extra: true },
  { id: 13, name: 'go to definition on util.add opens util.lua at the function', run: definitionAcrossFiles },
  { id: 1, name: 'completion after time. lists now and sleep with documentation', run: completionTime },
  { id: 15, name: 'debugger: gutter breakpoint, paused line, Variables view, continue', run: debugScript },
  { id: 16, name: 'Test Explorer: cases listed, a failure shown at its line with the diff', run: testExplorer },
];
