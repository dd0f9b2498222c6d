// What the cursor is on: a local, a member of a module/table/interface, a global, a module name in
// `require("…")`, or a key of a table constructor. Hover, definition, rename, references and
// semantic tokens all start from here.
import type { Identifier, MemberExpression, Node, StringLiteral } from 'luaparse';
import type { SymbolInfo } from '../checker/analyze';
import { nodePathAt } from '../checker/node-at';
import { decodeLuaString } from '../checker/positions';
import type { Field, Type } from '../types/type';
import type { Snapshot } from './snapshot';

export type Target =
  | { readonly kind: 'local'; readonly node: Identifier; readonly symbol: SymbolInfo }
  | {
      readonly kind: 'member';
      readonly node: Identifier;
      readonly expr: MemberExpression;
      readonly name: string;
      /** Type of the expression before `.`/`:`. */
      readonly ownerType: Type | undefined;
      /** Display name of the owner type (`time`, `time.Time`), when it has one. */
      readonly ownerName: string | undefined;
      /** The module whose export table or type owns the member. */
      readonly module: string | undefined;
      /** The project file whose exported table owns the member (`util.add` after `local util = require("util")`). */
      readonly projectModule?: { readonly name: string; readonly file: string };
      readonly field: Field | undefined;
      readonly method: boolean;
    }
  | { readonly kind: 'global'; readonly node: Identifier; readonly name: string; readonly type: Type | undefined; readonly field: Field | undefined; readonly module: string | undefined }
  | {
      readonly kind: 'module';
      readonly node: StringLiteral;
      readonly name: string;
      /** The project file `require` of the name gives, when no host module or manifest has the name. */
      readonly file?: string;
    }
  | { readonly kind: 'key'; readonly node: Identifier; readonly name: string; readonly value: Node; readonly table: Node | undefined };

/** The target at `offset`, or undefined (whitespace, keywords, literals). */
export function targetAt(snap: Snapshot, offset: number): Target | undefined {
  const a = snap.analysis;
  const path = nodePathAt(a.parse.chunk, offset);
  const node = path[path.length - 1];
  const parent = path[path.length - 2];
  if (!node || path.length < 2) return undefined;
  if (node.type === 'StringLiteral') {
    const call = requireCall(path);
    if (!call) return undefined;
    const name = decodeLuaString(node.raw);
    const file = snap.project.registry.get(name) ? undefined : projectFileOf(snap, name);
    return { kind: 'module', node, name, ...(file ? { file } : {}) };
  }
  if (node.type !== 'Identifier') return undefined;
  if (parent?.type === 'MemberExpression' && parent.identifier === node) return memberTarget(snap, parent);
  if (parent?.type === 'TableKeyString' && parent.key === node) return { kind: 'key', node, name: node.name, value: parent.value, table: path[path.length - 3] };
  const symbol = a.symbolAt(offset);
  if (symbol) return { kind: 'local', node, symbol };
  const type = a.nameType(node.name, node.range[0]);
  const field = a.scopeAt(node.range[0]).find((v) => v.name === node.name && v.kind !== 'module' && !v.symbol)?.field;
  return { kind: 'global', node, name: node.name, type, field, module: moduleOfType(snap, type) };
}

/** The target of the member named by `expr.identifier`. */
export function memberTarget(snap: Snapshot, expr: MemberExpression): Extract<Target, { kind: 'member' }> {
  const ownerType = typeOfNode(snap, expr.base);
  const name = expr.identifier.name;
  const member = ownerType ? snap.analysis.membersOf(ownerType).find((m) => m.name === name) : undefined;
  const projectModule = snap.project.workspace?.moduleOfType(ownerType);
  return {
    kind: 'member',
    node: expr.identifier,
    expr,
    name,
    ownerType,
    ownerName: ownerType ? typeName(ownerType) ?? projectModule?.name : undefined,
    module: moduleOfType(snap, ownerType),
    ...(projectModule ? { projectModule } : {}),
    field: member?.field,
    method: member?.method ?? false,
  };
}

/** The type the checker inferred for a node (or the innermost typed node at its end). */
export function typeOfNode(snap: Snapshot, node: Node): Type | undefined {
  return snap.analysis.typeAt(node.range[1]) ?? snap.analysis.typeAt(node.range[0]);
}

/** `time` for the `time` export record, `time.Time` for an interface or ref, else undefined. */
export function typeName(t: Type): string | undefined {
  if (t.kind === 'record' || t.kind === 'interface') return t.name;
  if (t.kind === 'ref') return t.name;
  if (t.kind === 'optional') return typeName(t.type);
  return undefined;
}

/** The registered module that owns a type (its export record, or one of its named types). */
export function moduleOfType(snap: Snapshot, t: Type | undefined): string | undefined {
  const name = t && typeName(t);
  if (!name) return undefined;
  const reg = snap.project.registry;
  if (reg.get(name)) return name;
  const dot = name.lastIndexOf('.');
  return dot > 0 && reg.get(name.slice(0, dot)) ? name.slice(0, dot) : undefined;
}

/** The project file `require(name)` gives from this document's project, if any. */
export function projectFileOf(snap: Snapshot, name: string): string | undefined {
  const r = snap.project.workspace?.resolve(name);
  return r?.kind === 'file' ? r.file : undefined;
}

/** The `require("…")` call when the path ends in its string argument. */
function requireCall(path: readonly Node[]): Node | undefined {
  for (let i = path.length - 2; i >= Math.max(0, path.length - 3); i--) {
    const n = path[i]!;
    if ((n.type === 'CallExpression' || n.type === 'StringCallExpression') && n.base.type === 'Identifier' && n.base.name === 'require') return n;
  }
  return undefined;
}
