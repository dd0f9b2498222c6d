// Semantic tokens (full and range): locals, parameters, functions, globals, modules (namespace),
// module members (modifiers readonly + defaultLibrary), methods and properties. Pure.
import type { Identifier, Node } from 'luaparse';
import type { Range, SemanticTokens, SemanticTokensLegend } from 'vscode-languageserver-types';
import type { Type } from '../types/type';
import { walk } from './ast';
import type { Snapshot } from './snapshot';
import { memberTarget, moduleOfType } from './target';

const TYPES = ['namespace', 'type', 'function', 'method', 'property', 'variable', 'parameter'] as const;
const MODIFIERS = ['declaration', 'readonly', 'defaultLibrary', 'deprecated', 'modification'] as const;
type TokenType = (typeof TYPES)[number];
type Modifier = (typeof MODIFIERS)[number];

export const semanticTokensLegend: SemanticTokensLegend = { tokenTypes: [...TYPES], tokenModifiers: [...MODIFIERS] };

interface Token { start: number; length: number; type: TokenType; mods: Modifier[] }

/** The encoded tokens of the document, or of the part inside `range`. */
export function semanticTokens(snap: Snapshot, range?: Range): SemanticTokens {
  const from = range ? snap.offsetAt(range.start) : 0;
  const to = range ? snap.offsetAt(range.end) : snap.text.length;
  const tokens: Token[] = [];
  const globals = snap.project.registry.globals();
  walk(snap.analysis.parse.chunk, (node: Node, parent: Node | undefined) => {
    if (node.range[1] < from || node.range[0] > to) return false;
    if (node.type !== 'Identifier' || node.name.startsWith('__luamod')) return;
    const tok = classify(snap, node, parent, globals);
    if (tok) tokens.push({ start: node.range[0], length: node.range[1] - node.range[0], ...tok });
  });
  tokens.sort((a, b) => a.start - b.start);
  return { data: encode(snap, tokens) };
}

function classify(snap: Snapshot, id: Identifier, parent: Node | undefined, globals: ReadonlyMap<string, { type: Type; deprecated?: string }>): Omit<Token, 'start' | 'length'> | undefined {
  if (parent?.type === 'MemberExpression' && parent.identifier === id) {
    const t = memberTarget(snap, parent);
    if (t.kind !== 'member') return undefined;
    const fn = isFunction(t.field?.type);
    const mods: Modifier[] = [];
    if (t.module) mods.push('readonly', 'defaultLibrary');
    if (t.field?.deprecated) mods.push('deprecated');
    return { type: t.method || parent.indexer === ':' ? 'method' : fn ? 'function' : 'property', mods };
  }
  if (parent?.type === 'TableKeyString' && parent.key === id) return { type: 'property', mods: ['declaration'] };
  if (parent?.type === 'LabelStatement' || parent?.type === 'GotoStatement') return undefined;
  const info = snap.analysis.symbolAt(id.range[0]);
  if (info) {
    const s = info.symbol;
    const mods: Modifier[] = [];
    if (s.decl === id || s.decl.range[0] === id.range[0]) mods.push('declaration');
    else if (s.writes.includes(id)) mods.push('modification');
    if (s.kind === 'self') return { type: 'parameter', mods: ['readonly'] };
    if (s.kind === 'param') return { type: 'parameter', mods };
    const type = s.declaredType ?? s.type;
    if (type && moduleOfType(snap, type) && type.kind === 'record') return { type: 'namespace', mods: [...mods, 'readonly'] };
    if (s.kind === 'function' || isFunction(type)) return { type: 'function', mods };
    if (s.writes.length === 0) mods.push('readonly');
    return { type: 'variable', mods };
  }
  if (snap.project.registry.get(id.name)?.manifest.exportType) return { type: 'namespace', mods: ['readonly', 'defaultLibrary'] };
  const g = globals.get(id.name);
  if (g) {
    const mods: Modifier[] = ['defaultLibrary'];
    if (g.deprecated) mods.push('deprecated');
    const d = g.type;
    return { type: isFunction(d) ? 'function' : d.kind === 'record' || d.kind === 'ref' ? 'namespace' : 'variable', mods };
  }
  return { type: 'variable', mods: [] };
}

function isFunction(t: Type | undefined): boolean {
  return !!t && (t.kind === 'function' || (t.kind === 'optional' && t.type.kind === 'function'));
}

function encode(snap: Snapshot, tokens: readonly Token[]): number[] {
  const data: number[] = [];
  let line = 0;
  let char = 0;
  let lastStart = -1;
  for (const t of tokens) {
    if (t.start === lastStart) continue;
    lastStart = t.start;
    const p = snap.positionAt(t.start);
    const dl = p.line - line;
    const dc = dl === 0 ? p.character - char : p.character;
    let mods = 0;
    for (const m of t.mods) mods |= 1 << MODIFIERS.indexOf(m);
    data.push(dl, dc, t.length, TYPES.indexOf(t.type), mods);
    line = p.line;
    char = p.character;
  }
  return data;
}
