// Every occurrence of what a target names in one document: a local (declaration, reads, writes), a
// field of the user's tables (keys in constructors, `t.name`, `self.name` in `t`'s methods), a
// global, or a module member. References, highlights and rename share it.
import type { FunctionDeclaration, Identifier, MemberExpression, Node } from 'luaparse';
import type { LuaSymbol } from '../checker/binder';
import { walk } from './ast';
import type { Snapshot } from './snapshot';
import { memberTarget, type Target } from './target';

export interface Occurrence {
  /** UTF-16 offsets of the name. */
  readonly start: number;
  readonly end: number;
  /** A declaration or an assignment. */
  readonly write: boolean;
}

/** The occurrences of `t` in `snap`, in source order (declaration included). */
export function occurrences(snap: Snapshot, t: Target): Occurrence[] {
  const out: Occurrence[] = [];
  const add = (n: Node, write: boolean) => out.push({ start: n.range[0], end: n.range[1], write });
  switch (t.kind) {
    case 'local': {
      const s = t.symbol.symbol;
      if (s.kind === 'self') break;
      add(s.decl, true);
      for (const r of s.reads) add(r, false);
      for (const w of s.writes) add(w, true);
      break;
    }
    case 'global': {
      walk(snap.analysis.parse.chunk, (n, parent) => {
        if (n.type !== 'Identifier' || n.name !== t.name) return;
        if (parent?.type === 'MemberExpression' && parent.identifier === n) return;
        if (parent?.type === 'TableKeyString' && parent.key === n) return;
        if (snap.analysis.symbolAt(n.range[0])) return;
        add(n, parent?.type === 'AssignmentStatement' || (parent?.type === 'FunctionDeclaration' && parent.identifier === n));
      });
      break;
    }
    case 'member':
    case 'key': {
      const key = t.kind === 'member' ? ownerKey(snap, t.expr.base) : keyOwner(snap, t.node);
      const module = t.kind === 'member' ? t.module : undefined;
      walk(snap.analysis.parse.chunk, (n, parent) => {
        if (n.type === 'MemberExpression' && n.identifier.name === t.name) {
          const same = key !== undefined ? ownerKey(snap, n.base) === key : module !== undefined && memberTarget(snap, n).module === module;
          if (same) add(n.identifier, isWrite(n, parent));
        } else if (n.type === 'TableKeyString' && n.key.name === t.name && key !== undefined && keyOwner(snap, n.key) === key) {
          add(n.key, true);
        }
      });
      break;
    }
    case 'module':
      add(t.node, false);
      break;
  }
  return out.sort((a, b) => a.start - b.start);
}

/**
 * A stable key for the table an expression denotes: `sym:<id>` for a local (and `self` inside its
 * methods), `global:<name>` for a global, `<key>.<field>` for nested fields; undefined otherwise.
 */
export function ownerKey(snap: Snapshot, base: Node): string | undefined {
  if (base.type === 'Identifier') {
    const info = snap.analysis.symbolAt(base.range[0]);
    if (!info) return `global:${base.name}`;
    const s = info.symbol;
    if (s.kind === 'self') return selfOwner(snap, s);
    return `sym:${s.id}`;
  }
  if (base.type === 'MemberExpression' && base.indexer === '.') {
    const inner = ownerKey(snap, base.base);
    return inner && `${inner}.${base.identifier.name}`;
  }
  return undefined;
}

/** The owner key of a table constructor key: the variable the constructor is assigned to. */
function keyOwner(snap: Snapshot, key: Identifier): string | undefined {
  let found: string | undefined;
  walk(snap.analysis.parse.chunk, (n) => {
    if (found !== undefined) return false;
    if (n.type !== 'LocalStatement' && n.type !== 'AssignmentStatement') return;
    n.init.forEach((init, i) => {
      if (init.type !== 'TableConstructorExpression' || !(init.range[0] <= key.range[0] && key.range[1] <= init.range[1])) return;
      if (!init.fields.some((f) => f.type === 'TableKeyString' && f.key === key)) return;
      const v = n.variables[i];
      if (v) found = ownerKey(snap, v);
    });
  });
  return found;
}

/** For `self` in `function T:m()`, the key of `T`. */
function selfOwner(snap: Snapshot, self: LuaSymbol): string | undefined {
  let fn: FunctionDeclaration | undefined;
  walk(snap.analysis.parse.chunk, (n) => {
    if (fn) return false;
    if (n.type === 'FunctionDeclaration' && n.identifier?.type === 'MemberExpression' && n.identifier.identifier.range[0] === self.decl.range[0]) fn = n;
  });
  const id = fn?.identifier as MemberExpression | undefined;
  return id ? ownerKey(snap, id.base) : undefined;
}

function isWrite(expr: MemberExpression, parent: Node | undefined): boolean {
  if (parent?.type === 'AssignmentStatement') return parent.variables.includes(expr);
  if (parent?.type === 'FunctionDeclaration') return parent.identifier === expr;
  return false;
}
