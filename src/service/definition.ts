// Go to definition: a local's declaration, a user table field's first definition, a global's first
// assignment, and for module members and modules the manifest JSON or ModuleDef source. Pure.
import type { Location, Position } from 'vscode-languageserver-types';
import { annotationTypeAt, type AnnotationTypeName } from './annotation-type';
import { locate } from './manifest-symbols';
import { occurrences } from './occurrences';
import { pathToUri } from './uri';
import { LineIndex } from '../checker/positions';
import type { IndexEntry } from './workspaceSymbol';
import type { Snapshot } from './snapshot';
import { targetAt, typeName, type Target } from './target';

/**
 * Where the symbol at `pos` is defined; empty when unknown. A global the document does not define
 * is looked up among the top-level symbols of the other workspace files (`workspace`).
 */
export function definition(snap: Snapshot, pos: Position, workspace: Iterable<IndexEntry> = []): Location[] {
  const named = annotationTypeAt(snap, snap.offsetAt(pos));
  if (named) return typeNameDefinition(snap, named);
  const t = targetAt(snap, snap.offsetAt(pos));
  if (!t) return [];
  const here = definitionOf(snap, t);
  if (here.length || t.kind !== 'global') return here;
  const out: Location[] = [];
  for (const e of workspace) {
    if (e.global && e.name === t.name && e.uri !== snap.uri) out.push({ uri: e.uri, range: e.range });
  }
  return out;
}

/** A type named in an annotation: its `---@class`/`---@alias` line here, or its manifest entry (`time.Time`). */
function typeNameDefinition(snap: Snapshot, n: AnnotationTypeName): Location[] {
  if (n.declared) return [{ uri: snap.uri, range: snap.rangeOf(n.declared.start, n.declared.end) }];
  const elsewhere = snap.project.workspace?.typeDeclaration(n.name);
  if (elsewhere) return [{ uri: pathToUri(elsewhere.file), range: new LineIndex(elsewhere.text).rangeOf(elsewhere.start, elsewhere.end) }];
  const dot = n.name.lastIndexOf('.');
  const l = dot > 0 ? locate(snap.project, n.name.slice(0, dot), n.name.slice(dot + 1)) : undefined;
  return l ? [l] : [];
}

/** The definition locations of a target. */
export function definitionOf(snap: Snapshot, t: Target): Location[] {
  const here = (start: number, end: number): Location => ({ uri: snap.uri, range: snap.rangeOf(start, end) });
  switch (t.kind) {
    case 'local': {
      const d = t.symbol.symbol.decl;
      return [here(d.range[0], d.range[1])];
    }
    case 'module': {
      if (t.file) return [{ uri: pathToUri(t.file), range: START }];
      const l = locate(snap.project, t.name, '');
      return l ? [l] : [];
    }
    case 'member': {
      if (t.projectModule) return [projectMemberLocation(snap, t.projectModule.file, t.name)];
      if (t.module) {
        const owner = t.ownerName ?? t.module;
        const path = owner === t.module ? t.name : `${owner.slice(t.module.length + 1)}.${t.name}`;
        const l = locate(snap.project, t.module, path) ?? locate(snap.project, t.module, '');
        return l ? [l] : [];
      }
      return firstWrite(snap, t, here);
    }
    case 'key':
      return [here(t.node.range[0], t.node.range[1])];
    case 'global': {
      if (t.module && t.module === t.name) {
        const l = locate(snap.project, t.module, '');
        if (l) return [l];
      }
      const owner = snap.project.registry.globals().get(t.name)?.module;
      if (owner) {
        const l = locate(snap.project, owner, t.name);
        if (l) return [l];
      }
      return firstWrite(snap, t, here);
    }
  }
}

const START = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** Where a member of a project module is defined (`function M.add` in util.lua); the file's start when unknown. */
export function projectMemberLocation(snap: Snapshot, file: string, name: string): Location {
  const site = snap.project.workspace?.module(file)?.exports.members.get(name);
  return { uri: pathToUri(file), range: site?.range ?? START };
}

function firstWrite(snap: Snapshot, t: Target, here: (s: number, e: number) => Location): Location[] {
  const writes = occurrences(snap, t).filter((o) => o.write);
  return writes.length ? [here(writes[0]!.start, writes[0]!.end)] : [];
}

/** A named type's location (`time.Time` → its manifest entry). */
export function typeLocation(snap: Snapshot, name: string | undefined): Location | undefined {
  if (!name) return undefined;
  const reg = snap.project.registry;
  if (reg.get(name)) return locate(snap.project, name, '');
  const dot = name.lastIndexOf('.');
  if (dot > 0 && reg.get(name.slice(0, dot))) return locate(snap.project, name.slice(0, dot), name.slice(dot + 1));
  return undefined;
}

export { typeName };
