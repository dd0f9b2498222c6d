// Inlay hints: parameter names at calls of module functions, and the inferred type after each
// `local` name (each switchable in settings). Pure.
import { InlayHintKind, type InlayHint, type Range } from 'vscode-languageserver-types';
import type { CallExpression, Expression, Node } from 'luaparse';
import { showType } from './show-type';
import { walk } from './ast';
import type { ServiceSettings } from './settings';
import type { Snapshot } from './snapshot';
import { memberTarget, moduleOfType } from './target';
import { asFunction } from './function-type';

const MAX_TYPE_LENGTH = 48;

export function inlayHints(snap: Snapshot, range: Range, settings: ServiceSettings): InlayHint[] {
  const h = settings.inlayHints;
  if (!h.enable || (!h.parameterNames && !h.variableTypes)) return [];
  const from = snap.offsetAt(range.start);
  const to = snap.offsetAt(range.end);
  const out: InlayHint[] = [];
  walk(snap.analysis.parse.chunk, (node: Node) => {
    if (node.range[1] < from || node.range[0] > to) return false;
    if (h.parameterNames && node.type === 'CallExpression') out.push(...parameterHints(snap, node));
    if (h.variableTypes && node.type === 'LocalStatement') {
      node.variables.forEach((v, i) => {
        if (v.name.startsWith('__luamod') || v.name === '_') return;
        const init: Expression | undefined = node.init[i];
        if (init?.type === 'FunctionDeclaration') return;
        const info = snap.analysis.symbolAt(v.range[0]);
        if (!info || info.symbol.declaredType) return;
        const t = info.type;
        if (!t || t.kind === 'any' || t.kind === 'unknown' || (t.kind === 'record' && moduleOfType(snap, t))) return;
        if (init && isLiteral(init)) return; // `local n = 1` needs no hint
        out.push({ position: snap.positionAt(v.range[1]), label: `: ${short(showType(t))}`, kind: InlayHintKind.Type, paddingLeft: false });
      });
    }
  });
  return out;
}

function parameterHints(snap: Snapshot, call: CallExpression): InlayHint[] {
  if (call.base.type !== 'MemberExpression' || call.arguments.length === 0) return [];
  const t = memberTarget(snap, call.base);
  if (!t.module) return [];
  const fn = asFunction(t.field?.type);
  if (!fn) return [];
  const method = call.base.indexer === ':';
  const params = fn.params.filter((p, i) => !(method && i === 0 && (p.name === 'self' || p.type.kind === 'self')));
  const out: InlayHint[] = [];
  call.arguments.forEach((arg, i) => {
    const p = params[i];
    if (!p) return;
    if (arg.type === 'Identifier' && arg.name === p.name) return;
    if (arg.type === 'Identifier' && arg.name.startsWith('__luamod')) return;
    out.push({ position: snap.positionAt(arg.range[0]), label: `${p.name}:`, kind: InlayHintKind.Parameter, paddingRight: true });
  });
  return out;
}

function isLiteral(e: Expression): boolean {
  return e.type === 'StringLiteral' || e.type === 'NumericLiteral' || e.type === 'BooleanLiteral' || e.type === 'NilLiteral';
}

function short(s: string): string {
  return s.length > MAX_TYPE_LENGTH ? s.slice(0, MAX_TYPE_LENGTH - 1) + '…' : s;
}
