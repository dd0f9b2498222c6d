// Hierarchical document symbols: functions (with their locals and nested functions as children),
// locals, globals assigned at top level, and the fields of table constructors. Pure; from the tree.
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver-types';
import type { Expression, FunctionDeclaration, Identifier, MemberExpression, Node, Statement, TableConstructorExpression } from 'luaparse';
import { children } from './ast';
import type { Snapshot } from './snapshot';
import { HOLE } from '../checker/parse';
import { treeOf } from './tree';

/** The outline of the document. */
export function documentSymbol(snap: Snapshot): DocumentSymbol[] {
  return statements(snap, treeOf(snap).body);
}

function statements(snap: Snapshot, body: readonly Statement[]): DocumentSymbol[] {
  const out: DocumentSymbol[] = [];
  for (const st of body) out.push(...statement(snap, st));
  return out;
}

function statement(snap: Snapshot, st: Statement): DocumentSymbol[] {
  switch (st.type) {
    case 'FunctionDeclaration':
      return st.identifier ? [functionSymbol(snap, st, nameOf(st.identifier) ?? '?', st.identifier)] : [];
    case 'LocalStatement':
    case 'AssignmentStatement': {
      const out: DocumentSymbol[] = [];
      st.variables.forEach((v, i) => {
        if (st.type === 'AssignmentStatement' && v.type === 'Identifier' && v.isLocal) return; // re-assignment of a local
        const name = v.type === 'IndexExpression' ? undefined : nameOf(v);
        if (!name || name.includes(HOLE)) return;
        const init = st.init[i];
        out.push(valueSymbol(snap, name, v, init, st.type === 'LocalStatement' ? SymbolKind.Variable : globalKind(v)));
      });
      return out;
    }
    default: {
      // Blocks (if, loops, do) have no symbol of their own: their declarations belong to the parent.
      const out: DocumentSymbol[] = [];
      for (const c of children(st)) {
        if (isStatement(c)) out.push(...statement(snap, c));
        else out.push(...nestedFunctions(snap, c));
      }
      return out;
    }
  }
}

/** Functions written inside expressions (callbacks) of a block statement, as anonymous symbols. */
function nestedFunctions(snap: Snapshot, node: Node): DocumentSymbol[] {
  if (node.type === 'FunctionDeclaration' && !node.identifier) return [];
  if (isStatement(node)) return statement(snap, node);
  return children(node).flatMap((c) => (isStatement(c) ? statement(snap, c) : []));
}

function valueSymbol(snap: Snapshot, name: string, target: Node, init: Expression | undefined, kind: SymbolKind): DocumentSymbol {
  if (init?.type === 'FunctionDeclaration') return functionSymbol(snap, init, name, target);
  const end = init ? Math.max(init.range[1], target.range[1]) : target.range[1];
  const sym: DocumentSymbol = {
    name,
    kind: init?.type === 'TableConstructorExpression' ? (kind === SymbolKind.Variable ? SymbolKind.Object : kind) : init && isConstant(init) ? constantKind(kind) : kind,
    range: snap.rangeOf(target.range[0], end),
    selectionRange: snap.rangeOf(target.range[0], target.range[1]),
  };
  if (init?.type === 'TableConstructorExpression') {
    const fields = tableFields(snap, init);
    if (fields.length) sym.children = fields;
  }
  return sym;
}

function functionSymbol(snap: Snapshot, fn: FunctionDeclaration, name: string, target: Node): DocumentSymbol {
  const params = fn.parameters.map((p) => (p.type === 'Identifier' ? p.name : '...')).join(', ');
  const isMethod = target.type === 'MemberExpression' && target.indexer === ':';
  const sym: DocumentSymbol = {
    name,
    detail: `function(${params})`,
    kind: isMethod ? SymbolKind.Method : target.type === 'MemberExpression' ? SymbolKind.Function : SymbolKind.Function,
    range: snap.rangeOf(Math.min(fn.range[0], target.range[0]), fn.range[1]),
    selectionRange: snap.rangeOf(target.range[0], target.range[1]),
  };
  const kids = statements(snap, fn.body);
  if (kids.length) sym.children = kids;
  return sym;
}

function tableFields(snap: Snapshot, table: TableConstructorExpression): DocumentSymbol[] {
  const out: DocumentSymbol[] = [];
  for (const f of table.fields) {
    if (f.type !== 'TableKeyString' || f.key.name.includes(HOLE)) continue;
    const sym = valueSymbol(snap, f.key.name, f.key, f.value, SymbolKind.Field);
    sym.range = snap.rangeOf(f.range[0], f.range[1]);
    if (f.value.type === 'FunctionDeclaration') sym.kind = SymbolKind.Method;
    out.push(sym);
  }
  return out;
}

function globalKind(target: Node): SymbolKind {
  return target.type === 'MemberExpression' ? SymbolKind.Field : SymbolKind.Variable;
}

function constantKind(kind: SymbolKind): SymbolKind {
  return kind === SymbolKind.Variable ? SymbolKind.Constant : kind;
}

function isConstant(e: Expression): boolean {
  return e.type === 'StringLiteral' || e.type === 'NumericLiteral' || e.type === 'BooleanLiteral';
}

/** `a`, `a.b.c`, `a:b` as written. */
export function nameOf(node: Identifier | MemberExpression | Node): string | undefined {
  if (node.type === 'Identifier') return node.name;
  if (node.type === 'MemberExpression') {
    const base = nameOf(node.base);
    return base === undefined ? undefined : `${base}${node.indexer}${node.identifier.name}`;
  }
  return undefined;
}

const STATEMENTS = new Set([
  'LabelStatement', 'BreakStatement', 'GotoStatement', 'ReturnStatement', 'IfStatement', 'WhileStatement',
  'DoStatement', 'RepeatStatement', 'LocalStatement', 'AssignmentStatement', 'CallStatement',
  'ForNumericStatement', 'ForGenericStatement', 'IfClause', 'ElseifClause', 'ElseClause',
]);

function isStatement(n: Node): n is Statement {
  return STATEMENTS.has(n.type) || (n.type === 'FunctionDeclaration' && n.identifier !== null);
}
