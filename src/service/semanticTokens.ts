// Semantic tokens (full and range): locals, parameters, functions, globals, modules (namespace),
// module members (modifiers readonly + defaultLibrary), methods and properties. Pure.
import type { Identifier, Node } from 'luaparse';
import type { Range, SemanticTokens, SemanticTokensLegend } from 'vscode-languageserver-types';
import type { Type } from '../types/type';
import { walk } from './ast';
import type { Snapshot } from './snapshot';
import { identifierSymbols } from './symbol-index';
import { moduleOfType } from './target';
import { isFunction } from './function-type';

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
  const classify = classifier(snap, snap.project.registry.globals());
  walk(snap.analysis.parse.chunk, (node: Node, parent: Node | undefined) => {
    if (node.range[1] < from || node.range[0] > to) return false;
    if (node.type !== 'Identifier' || node.name.startsWith('__luamod')) return;
    const tok = classify(node, parent);
    if (tok) tokens.push({ start: node.range[0], length: node.range[1] - node.range[0], ...tok });
  });
  tokens.sort((a, b) => a.start - b.start);
  return { data: encode(snap, tokens) };
}

type Members = ReadonlyArray<{ name: string; field: { type: Type; deprecated?: string }; method: boolean }>;

/** Classifies identifiers without a tree search per name (one pass; types of owners memoised). */
function classifier(snap: Snapshot, globals: ReadonlyMap<string, { type: Type; deprecated?: string }>) {
  const symbols = identifierSymbols(snap);
  const membersCache = new Map<Type, Members>();
  const membersOf = (t: Type): Members => {
    let m = membersCache.get(t);
    if (!m) membersCache.set(t, (m = snap.analysis.membersOf(t)));
    return m;
  };
  /** The type of a member's owner when it is a plain name (a local, a module, a global). */
  const ownerType = (base: Node): Type | undefined => {
    if (base.type !== 'Identifier') return undefined;
    const s = symbols.get(base);
    if (s) return s.declaredType ?? s.type;
    return snap.project.registry.get(base.name)?.manifest.exportType ?? globals.get(base.name)?.type;
  };
  return (id: Identifier, parent: Node | undefined): Omit<Token, 'start' | 'length'> | undefined => {
    if (parent?.type === 'MemberExpression' && parent.identifier === id) {
      const owner = ownerType(parent.base);
      const member = owner ? membersOf(owner).find((m) => m.name === id.name) : undefined;
      const mods: Modifier[] = [];
      // Only a member the module really has is library code (`time.nwo` is a typo, not the library).
      if (owner && member && moduleOfType(snap, owner)) mods.push('readonly', 'defaultLibrary');
      if (member?.field.deprecated) mods.push('deprecated');
      const fn = isFunction(member?.field.type);
      return { type: member?.method || parent.indexer === ':' ? 'method' : fn ? 'function' : 'property', mods };
    }
    if (parent?.type === 'TableKeyString' && parent.key === id) return { type: 'property', mods: ['declaration'] };
    if (parent?.type === 'LabelStatement' || parent?.type === 'GotoStatement') return undefined;
    const s = symbols.get(id);
    if (s) {
      const mods: Modifier[] = [];
      if (s.decl === id) mods.push('declaration');
      else if (s.writes.includes(id)) mods.push('modification');
      if (s.kind === 'self') return { type: 'parameter', mods: ['readonly'] };
      if (s.kind === 'param') return { type: 'parameter', mods };
      const type = s.declaredType ?? s.type;
      if (type && type.kind === 'record' && moduleOfType(snap, type)) return { type: 'namespace', mods: [...mods, 'readonly'] };
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
  };
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
