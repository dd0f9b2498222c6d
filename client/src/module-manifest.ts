// "luamod: Show Module Manifest": pick a module and open its reference page as a markdown preview.
// The server answers with the workspace's modules (built-ins + manifest folders); the generated
// docs/modules/*.md shipped in the extension are the fallback.
import * as vscode from 'vscode';
import {
  ListModulesRequest,
  ModuleMarkdownRequest,
  type ModuleSummary,
} from '../../src/protocol/luamod-protocol';
import type { LuamodServer } from './server-client';

const SCHEME = 'luamod-module';

/** Serves module pages under `luamod-module:/<name>.md`; returns the command's implementation. */
export function createModuleManifestCommand(
  context: vscode.ExtensionContext,
  server: LuamodServer,
): () => Promise<void> {
  const pages = new Map<string, string>();
  const provider: vscode.TextDocumentContentProvider = {
    provideTextDocumentContent: (uri) => pages.get(uri.path) ?? '',
  };
  context.subscriptions.push(vscode.workspace.registerTextDocumentContentProvider(SCHEME, provider));
  return () => showModuleManifest(context, server, pages);
}

/** Shows the quick pick and opens the chosen module's page. */
async function showModuleManifest(
  context: vscode.ExtensionContext,
  server: LuamodServer,
  pages: Map<string, string>,
): Promise<void> {
  const docsDir = vscode.Uri.joinPath(context.extensionUri, 'dist', 'docs', 'modules');
  const uri = vscode.window.activeTextEditor?.document.uri.toString();
  const modules = await server
    .request(ListModulesRequest, { uri })
    .then((r) => r.modules)
    .catch(() => bundledModules(docsDir));
  if (modules.length === 0) {
    void vscode.window.showWarningMessage('luamod: no modules found.');
    return;
  }
  const picked = await vscode.window.showQuickPick(
    modules.map((m) => ({ label: m.name, description: m.source === 'builtin' ? 'built-in' : m.source, detail: m.description, module: m })),
    { placeHolder: 'Module to show', matchOnDetail: true },
  );
  if (!picked) return;
  const markdown = await server
    .request(ModuleMarkdownRequest, { name: picked.module.name, uri })
    .then((r) => r?.markdown)
    .catch(() => undefined);
  const target = markdown !== undefined
    ? pageUri(pages, picked.module.name, markdown)
    : vscode.Uri.joinPath(docsDir, `${picked.module.name}.md`);
  try {
    await vscode.commands.executeCommand('markdown.showPreview', target);
  } catch {
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(target));
  }
}

/** The modules documented in the extension's own dist/docs/modules folder. */
async function bundledModules(docsDir: vscode.Uri): Promise<ModuleSummary[]> {
  let entries: [string, vscode.FileType][];
  try {
    entries = await vscode.workspace.fs.readDirectory(docsDir);
  } catch {
    return [];
  }
  const names = entries
    .filter(([n, t]) => t === vscode.FileType.File && n.endsWith('.md') && n.toLowerCase() !== 'readme.md')
    .map(([n]) => n.slice(0, -3))
    .sort();
  return Promise.all(
    names.map(async (name) => {
      const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(docsDir, `${name}.md`)));
      return { name, description: firstParagraphLine(text), source: 'builtin' };
    }),
  );
}

function firstParagraphLine(markdown: string): string {
  return markdown.split('\n').find((l) => l.trim() !== '' && !l.startsWith('#'))?.trim() ?? '';
}

/** Stores `markdown` as the page of module `name` and returns its virtual uri. */
function pageUri(pages: Map<string, string>, name: string, markdown: string): vscode.Uri {
  const uri = vscode.Uri.from({ scheme: SCHEME, path: `/${name}.md` });
  pages.set(uri.path, markdown);
  return uri;
}
