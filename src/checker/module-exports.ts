// What one file gives the rest of its project: the type `require` of it returns (what its chunk
// returns, each member documented from the comment above its definition), where each member of
// the returned table is defined, the named types it declares and the globals it assigns at its top
// level. Computed from the file's own analysis (Analysis.exports), read by workspace-modules.ts.
import type { Chunk, Expression, Node, Statement, TableConstructorExpression } from 'luaparse';
import type { Field, RecordType, Type } from '../types/type';
import type { CheckContext } from './context';
import { docCommentAt, paramDocsAt } from './doc-comment';
import type { Range } from './positions';
import type { SharedTableInfo } from './project-lookup';
import { ANY, unionOf } from './type-ops';

/** Where a member of the returned table (or a top-level global) is first defined. */
export interface DefinitionSite {
  /** UTF-16 offsets of the member's name. */
  readonly start: number;
  readonly end: number;
  readonly range: Range;
}

export interface ModuleExports {
  /** The type of `require` of this file: its chunk's first return value (any when it returns nothing). */
  readonly type: Type;
  /** Members of the returned table → where they are first defined (`function M.add`, `M.x =`, `{x = …}`). */
  readonly members: ReadonlyMap<string, DefinitionSite>;
  /** `---@class`, `---@alias` and `---@enum` names this file declares. */
  readonly types: ReadonlyMap<string, Type>;
  /** Globals assigned at the top level → their type and where. */
  readonly globals: ReadonlyMap<string, { readonly type: Type; readonly site: DefinitionSite }>;
  /** The tables this file built that other files must not take as closed: open ones, with a metatable, classes. */
  readonly tables: ReadonlyMap<RecordType, SharedTableInfo>;
}

/** The exports of the file `ctx` checked (call after the whole chunk is checked). */
export function moduleExports(ctx: CheckContext, chunk: Chunk): ModuleExports {
  const members = new Map<string, DefinitionSite>();
  const docs = new Map<string, Partial<Field>>();
  const site = (n: Node): DefinitionSite => ({ start: n.range[0], end: n.range[1], range: ctx.lines.rangeOf(n.range[0], n.range[1]) });
  const body = chunk.body;
  for (const [name, m] of exportedMembers(chunk)) {
    members.set(name, site(m.name));
    const description = docCommentAt(ctx.lines, m.statementStart);
    const params = paramDocsAt(ctx.lines, m.statementStart);
    if (description || Object.keys(params).length) docs.set(name, { ...(description ? { description } : {}), ...(Object.keys(params).length ? { params } : {}) });
  }

  const globals = new Map<string, { type: Type; site: DefinitionSite }>();
  for (const st of body) topLevelGlobals(ctx, st, (name, node, type) => { if (!globals.has(name)) globals.set(name, { type, site: site(node) }); });

  const tables = new Map<RecordType, SharedTableInfo>();
  for (const [t, info] of ctx.tables) {
    if (info.open || info.metatable || info.cls) tables.set(t, { open: info.open, ...(info.metatable ? { metatable: info.metatable } : {}), ...(info.cls ? { cls: true } : {}) });
  }
  return { type: exportType(ctx, docs), members, types: ctx.annotations.userTypes, globals, tables };
}

/** The first value of the chunk's returns; a plain table is copied with its members' docs and made open when its own file could not follow every field. */
function exportType(ctx: CheckContext, docs: ReadonlyMap<string, Partial<Field>>): Type {
  const returns = ctx.frame.returns;
  if (returns.length === 0) return ANY;
  const t = unionOf(returns.map((r) => r.types[0] ?? r.rest ?? ANY));
  if (t.kind !== 'record') return t;
  const info = ctx.tables.get(t);
  // A class keeps its identity (annotations elsewhere name it); so does a table this file did not build (a re-export).
  if (!info || info.cls) return t;
  const fields: Record<string, Field> = {};
  for (const [name, f] of Object.entries(t.fields)) {
    const d = docs.get(name);
    fields[name] = d ? { ...f, ...d } : f;
  }
  const open = t.open === true || info.open || info.metatable !== undefined;
  const out: RecordType = { kind: 'record', fields, ...(t.name ? { name: t.name } : {}), ...(open ? { open: true } : {}), ...(t.indexer ? { indexer: t.indexer } : {}) };
  return out;
}

type Note = (name: string, nameNode: Node, statementStart: number, value: Node | undefined) => void;

/** One member of the returned table: its name node, its statement's start (for docs) and its value (when known). */
export interface ExportedMember {
  readonly name: Node;
  readonly statementStart: number;
  readonly value: Node | undefined;
}

/**
 * The members of the table a chunk returns, from its syntax alone (the workspace index lists them
 * without type-checking): each name's first definition and the start of its statement (for docs).
 */
export function exportedMembers(chunk: Chunk): Map<string, ExportedMember> {
  const out = new Map<string, ExportedMember>();
  const note: Note = (name, nameNode, statementStart, value) => { if (!out.has(name)) out.set(name, { name: nameNode, statementStart, value }); };
  const body = chunk.body;
  const ret = [...body].reverse().find((s) => s.type === 'ReturnStatement');
  const returned = ret?.type === 'ReturnStatement' ? ret.arguments[0] : undefined;
  if (returned?.type === 'TableConstructorExpression') constructorKeys(returned, note);
  else if (returned?.type === 'Identifier') collectMembers(body, returned.name, note);
  return out;
}

function constructorKeys(table: TableConstructorExpression, note: Note): void {
  for (const f of table.fields) if (f.type === 'TableKeyString') note(f.key.name, f.key, f.key.range[0], f.value);
}

/** `local M = {a = …}`, `function M.f()`, `function M:m()`, `M.x = …` at the top level (and in `do` blocks). */
function collectMembers(body: readonly Statement[], name: string, note: Note): void {
  for (const st of body) {
    if (st.type === 'LocalStatement' || st.type === 'AssignmentStatement') {
      st.variables.forEach((v, i) => {
        const init = st.init[i];
        if (v.type === 'Identifier' && v.name === name && init?.type === 'TableConstructorExpression') constructorKeys(init, note);
        if (v.type === 'MemberExpression' && v.base.type === 'Identifier' && v.base.name === name) note(v.identifier.name, v.identifier, st.range[0], init);
      });
    } else if (st.type === 'FunctionDeclaration' && st.identifier?.type === 'MemberExpression') {
      const id = st.identifier;
      if (id.base.type === 'Identifier' && id.base.name === name) note(id.identifier.name, id.identifier, st.range[0], st);
    } else if (st.type === 'DoStatement') {
      collectMembers(st.body, name, note);
    }
  }
}

function topLevelGlobals(ctx: CheckContext, st: Statement, add: (name: string, node: Node, type: Type) => void): void {
  if (st.type === 'AssignmentStatement') {
    st.variables.forEach((v, i) => {
      if (v.type !== 'Identifier' || ctx.binding.resolved.has(v)) return;
      const init: Expression | undefined = st.init[i];
      add(v.name, v, ctx.declaredGlobals.get(v.name) ?? (init && ctx.nodeTypes.get(init)) ?? ANY);
    });
  } else if (st.type === 'FunctionDeclaration' && !st.isLocal && st.identifier?.type === 'Identifier' && !ctx.binding.resolved.has(st.identifier)) {
    add(st.identifier.name, st.identifier, ctx.nodeTypes.get(st.identifier) ?? ANY);
  }
}
