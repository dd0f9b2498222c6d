// Quick fixes for the checker's diagnostics: add the missing `require`, switch `.`/`:` for
// method-call-style, replace a misspelt name with the "did you mean" suggestion, make an accidental
// global local, suppress a diagnostic on this line, remove an unused local. Pure.
import { CodeActionKind, type CodeAction, type Diagnostic, type Range, type TextEdit } from 'vscode-languageserver-types';
import type { LocalStatement } from 'luaparse';
import type { CheckDiagnostic } from '../checker/analyze';
import { walk } from './ast';
import { documentDiagnostics } from './diagnostics';
import { requireEdit } from './require-edit';
import type { ServiceSettings } from './settings';
import type { Snapshot } from './snapshot';

/** Code actions for the diagnostics on the lines of `range` (and those the client sent). */
export function codeActions(snap: Snapshot, range: Range, context: readonly Diagnostic[], _settings?: ServiceSettings): CodeAction[] {
  const lsp = documentDiagnostics(snap);
  const out: CodeAction[] = [];
  snap.analysis.diagnostics.forEach((d, i) => {
    // Any diagnostic on the lines of the range: the light bulb shows wherever the cursor is on the line.
    const overlaps = d.range.start.line <= range.end.line && d.range.end.line >= range.start.line;
    // Clients send back what they kept of a diagnostic (Neovim 0.7 may drop its range): compare what is there.
    const sent = context.some((c) => c?.code === d.code && c.range?.start?.line === d.range.start.line && c.range?.start?.character === d.range.start.character);
    if (!overlaps && !sent) return;
    out.push(...fixesFor(snap, d, lsp[i]!));
  });
  return out;
}

function fixesFor(snap: Snapshot, d: CheckDiagnostic, diag: Diagnostic): CodeAction[] {
  const out: CodeAction[] = [];
  const fix = (title: string, edits: TextEdit[], preferred = false): void => {
    out.push({ title, kind: CodeActionKind.QuickFix, diagnostics: [diag], isPreferred: preferred || undefined, edit: { changes: { [snap.uri]: edits } } });
  };
  const name = typeof d.args.name === 'string' ? d.args.name : undefined;
  const suggestions = Array.isArray(d.data?.suggestions) ? (d.data!.suggestions as unknown[]).filter((s): s is string => typeof s === 'string') : [];

  if (d.code === 'undefined-global' && name && snap.project.registry.get(name)?.manifest.exportType) {
    const edit = requireEdit(snap, name);
    if (edit) fix(`Add local ${name} = require("${name}")`, [edit], true);
  }
  if (d.code === 'method-call-style' && (d.data?.replace === ':' || d.data?.replace === '.') && name) {
    const at = accessorOffset(snap.text, d.start, d.end, name);
    if (at !== undefined) {
      const r = snap.rangeOf(at, at + 1);
      fix(`Call with '${d.data.replace}'`, [{ range: r, newText: d.data.replace }], true);
    }
  }
  if (name && suggestions.length && (d.code === 'undefined-field' || d.code === 'undefined-global' || d.code === 'unknown-module' || d.code === 'annotation-error')) {
    const span = nameSpan(snap.text, d.start, d.end, name);
    for (const s of suggestions) fix(`Change to '${s}'`, [{ range: snap.rangeOf(span[0], span[1]), newText: s }], true);
  }
  if (d.code === 'accidental-global' && name && typeof d.data?.makeLocal === 'number') {
    const pos = snap.positionAt(d.data.makeLocal);
    fix(`Make '${name}' local`, [{ range: { start: pos, end: pos }, newText: 'local ' }], true);
  }
  if (d.code === 'unused-local' && name) {
    const removal = removeLocal(snap, d);
    if (removal) fix(`Remove unused local '${name}'`, [removal]);
    if (!name.startsWith('_')) fix(`Rename to '_${name}'`, [{ range: d.range, newText: `_${name}` }]);
  }
  if (d.code !== 'syntax-error') {
    const line = d.range.start.line;
    const indent = /^\s*/.exec(snap.lines.lineText(line))![0];
    const pos = { line, character: 0 };
    fix(`Suppress '${d.code}' on this line`, [{ range: { start: pos, end: pos }, newText: `${indent}---@diagnostic disable-next-line: ${d.code}\n` }]);
  }
  return out;
}

/** Offset of the `.`/`:` before `name` at the end of `[start, end)`. */
function accessorOffset(text: string, start: number, end: number, name: string): number | undefined {
  const slice = text.slice(start, end);
  const at = slice.lastIndexOf(name);
  for (let i = (at < 0 ? slice.length : at) - 1; i >= 0; i--) {
    const c = slice[i]!;
    if (c === '.' || c === ':') return start + i;
    if (!/\s/.test(c)) return undefined;
  }
  return undefined;
}

/** The span of `name` inside `[start, end)` (the whole span when not found). */
function nameSpan(text: string, start: number, end: number, name: string): [number, number] {
  const slice = text.slice(start, end);
  if (slice === name) return [start, end];
  const quoted = slice.match(/^(["'])(.*)\1$/);
  if (quoted) return [start + 1, end - 1];
  const at = slice.lastIndexOf(name);
  return at < 0 ? [start, end] : [start + at, start + at + name.length];
}

/** Deletes `local x = <expr>` when it declares only `x` and its value has no calls. */
function removeLocal(snap: Snapshot, d: CheckDiagnostic): TextEdit | undefined {
  let found: LocalStatement | undefined;
  walk(snap.analysis.parse.chunk, (n) => {
    if (found || n.range[1] < d.start || n.range[0] > d.end) return false;
    if (n.type === 'LocalStatement' && n.variables.length === 1 && n.variables[0]!.range[0] === d.start) found = n;
  });
  if (!found) return undefined;
  let effects = false;
  for (const init of found.init) {
    walk(init, (n) => {
      if (n.type === 'FunctionDeclaration') return false; // defining a function has no effect
      if (n.type === 'CallExpression' || n.type === 'StringCallExpression' || n.type === 'TableCallExpression') effects = true;
    });
  }
  return effects ? undefined : wholeLines(snap, found.range[0], found.range[1]);
}

/** An edit deleting `[start, end)` together with its line when nothing else is on it. */
function wholeLines(snap: Snapshot, start: number, end: number): TextEdit {
  const s = snap.positionAt(start);
  const e = snap.positionAt(end);
  const before = snap.lines.lineText(s.line).slice(0, s.character);
  const after = snap.lines.lineText(e.line).slice(e.character);
  if (/^\s*$/.test(before) && /^\s*;?\s*$/.test(after)) {
    return { range: { start: { line: s.line, character: 0 }, end: { line: e.line + 1, character: 0 } }, newText: '' };
  }
  return { range: { start: s, end: e }, newText: '' };
}
