// Driving the VS Code 1.100 workbench in the page: DOM hooks that are known to work (see
// /work/shared/vscode-e2e.md). Each helper waits for its effect and throws a readable error.

/** Waits for the workbench and the explorer to list `fileName`. */
export async function waitForWorkbench(page, fileName, timeout = 60_000) {
  await page.locator('.monaco-workbench').waitFor({ timeout });
  await page.locator('.explorer-folders-view .monaco-list-row', { hasText: fileName }).first().waitFor({ timeout });
}

/**
 * Opens `fileName` (a top-level file of the workspace) from the explorer, falling back to Quick
 * Open, and waits until the active editor shows `expectText`.
 */
export async function openFile(page, fileName, expectText, timeout = 30_000) {
  await page.keyboard.press('Escape');
  const activeTab = page.locator('.tab.active', { hasText: fileName }).first();
  const shown = page.locator('.editor-group-container.active .editor-instance .view-lines', { hasText: expectText }).first();
  const row = page.locator('.explorer-folders-view .monaco-list-row', { hasText: new RegExp(`^\\s*${fileName.replace('.', '\\.')}\\s*\\d*\\s*$`) }).first();
  if (await row.isVisible().catch(() => false)) {
    await row.click();
  } else {
    await page.keyboard.press('Control+P');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ timeout });
    await input.fill(fileName);
    await page.locator('.quick-input-list .monaco-list-row', { hasText: fileName }).first().waitFor({ timeout });
    await page.keyboard.press('Enter');
  }
  await activeTab.waitFor({ timeout });
  await shown.waitFor({ timeout });
}

/** The text of the active editor's rendered lines. */
export async function editorText(page) {
  return (await page.locator('.editor-group-container.active .editor-instance .view-lines').first().innerText()).replace(/\u00a0/g, ' ');
}

/** Runs a command from the palette by its title (`luamod: Run Lua Script`). */
export async function runCommand(page, title, { timeout = 15_000, escape = true } = {}) {
  // Escape closes a leftover widget, but would also clear the editor's selection.
  if (escape) await page.keyboard.press('Escape');
  await page.keyboard.press('Control+Shift+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ timeout });
  await input.fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor({ timeout });
  await page.keyboard.press('Enter');
}

/** The language mode shown in the status bar (`Lua`). */
export async function languageMode(page) {
  return (await page.locator('#status\\.editor\\.mode').innerText().catch(() => '')).trim();
}

/** Polls `fn` until it returns a truthy value or `timeout` passes; returns the last value. */
export async function poll(fn, timeout, interval = 250) {
  const deadline = Date.now() + timeout;
  let last;
  for (;;) {
    try {
      last = await fn();
    } catch (err) {
      last = undefined;
    }
    if (last || Date.now() > deadline) return last;
    await new Promise((r) => setTimeout(r, interval));
  }
}

/** Texts of the visible notification toasts. */
export async function notifications(page) {
  return page.locator('.notifications-toasts .notification-list-item').allInnerTexts().catch(() => []);
}
