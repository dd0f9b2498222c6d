// Rename: locals, local functions, parameters, globals the file defines and fields of the user's
// own tables. Module members, modules and standard-library globals are refused with a message
// that says why. Pure.
import type { Position, Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import { occurrences } from './occurrences';
import type { Snapshot } from './snapshot';
import { targetAt, type Target } from './target';

const KEYWORDS = new Set([
  'and', 'break', 'do', 'else', 'elseif', 'end', 'false', 'for', 'function', 'goto', 'if', 'in',
  'local', 'nil', 'not', 'or', 'repeat', 'return', 'then', 'true', 'until', 'while',
]);

export type RenameRefusal = { readonly error: string };

/** What the caller knows beyond the document. */
export interface RenameContext {
  /** The global at the cursor is defined by another workspace file (so it may be renamed here). */
  readonly globalDefinedElsewhere?: boolean;
}

/** The range to rename at `pos`, or why it cannot be renamed. */
export function prepareRename(snap: Snapshot, pos: Position, context: RenameContext = {}): { range: Range; placeholder: string } | RenameRefusal {
  const t = targetAt(snap, snap.offsetAt(pos));
  const why = t ? refusal(snap, t, context) : 'nothing to rename here';
  if (why || !t) return { error: why ?? 'nothing to rename here' };
  return { range: snap.rangeOf(t.node.range[0], t.node.range[1]), placeholder: nameOf(t) };
}

/** The edit renaming the symbol at `pos` to `newName`, or why it cannot be done. */
export function rename(snap: Snapshot, pos: Position, newName: string, context: RenameContext = {}): { edit: WorkspaceEdit } | RenameRefusal {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(newName) || KEYWORDS.has(newName)) {
    return { error: `'${newName}' is not a valid Lua name` };
  }
  const t = targetAt(snap, snap.offsetAt(pos));
  if (!t) return { error: 'nothing to rename here' };
  const why = refusal(snap, t, context);
  if (why) return { error: why };
  const edits: TextEdit[] = occurrences(snap, t).map((o) => ({ range: snap.rangeOf(o.start, o.end), newText: newName }));
  return { edit: { changes: { [snap.uri]: edits } } };
}

/** Why a target cannot be renamed, or undefined when it can. */
function refusal(snap: Snapshot, t: Target, context: RenameContext): string | undefined {
  switch (t.kind) {
    case 'module':
      if (t.file) return `cannot rename module '${t.name}': it is the file ${t.file}; rename the file instead`;
      return `cannot rename module '${t.name}': its name is declared by its manifest`;
    case 'member':
      if (t.module) return `cannot rename '${t.name}': it is a member of module '${t.module}', declared by its manifest`;
      if (t.ownerType && (t.ownerType.kind === 'string' || t.ownerType.kind === 'interface')) return `cannot rename '${t.name}': it belongs to ${t.ownerName ?? 'a built-in type'}`;
      return undefined;
    case 'global': {
      if (t.module) return `cannot rename '${t.name}': it is module '${t.module}'`;
      const builtin = snap.project.registry.globals().get(t.name);
      if (builtin) return `cannot rename '${t.name}': it is a standard library global`;
      if (context.globalDefinedElsewhere || occurrences(snap, t).some((o) => o.write)) return undefined;
      return `cannot rename '${t.name}': no file of the workspace defines it`;
    }
    case 'local':
      return t.symbol.symbol.kind === 'self' ? "cannot rename 'self'" : undefined;
    case 'key':
      return undefined;
  }
}

function nameOf(t: Target): string {
  return t.kind === 'local' ? t.symbol.name : t.name;
}
