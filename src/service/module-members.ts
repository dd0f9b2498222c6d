// Members of a project module across files: `util.add` in a file that requires util.lua and
// `function M.add` in util.lua itself are the same member. References and rename use it (the server
// visits the files; this file says what to look for in each one). Pure.
import { resolve } from 'node:path';
import { walk } from './ast';
import { occurrences, type Occurrence } from './occurrences';
import type { Snapshot } from './snapshot';
import { memberTarget, targetAt } from './target';

/** A member of the table a project file returns. */
export interface ProjectMember {
  /** The module's file (absolute). */
  readonly file: string;
  readonly name: string;
}

/** The project module member at `offset`: a use (`util.add`) or its definition in the module's file. */
export function projectMemberAt(snap: Snapshot, offset: number): ProjectMember | undefined {
  const t = targetAt(snap, offset);
  if (!t) return undefined;
  if (t.kind === 'member' && t.projectModule) return { file: t.projectModule.file, name: t.name };
  if ((t.kind !== 'member' && t.kind !== 'key') || !snap.path) return undefined;
  const file = resolve(snap.path);
  const site = snap.project.workspace?.module(file)?.exports.members.get(t.name);
  if (!site || !occurrences(snap, t).some((o) => o.start === site.start)) return undefined;
  return { file, name: t.name };
}

/** The occurrences of `member` in one document: its definition and uses in the module's file, its uses elsewhere. */
export function projectMemberOccurrences(snap: Snapshot, member: ProjectMember): Occurrence[] {
  if (!snap.text.includes(member.name)) return [];
  if (snap.path && resolve(snap.path) === member.file) {
    const site = snap.project.workspace?.module(member.file)?.exports.members.get(member.name);
    const t = site && targetAt(snap, site.start);
    return t ? occurrences(snap, t) : [];
  }
  const out: Occurrence[] = [];
  walk(snap.analysis.parse.chunk, (n, parent) => {
    if (n.type !== 'MemberExpression' || n.identifier.name !== member.name) return;
    if (memberTarget(snap, n).projectModule?.file !== member.file) return;
    const write = (parent?.type === 'AssignmentStatement' && parent.variables.includes(n)) || (parent?.type === 'FunctionDeclaration' && parent.identifier === n);
    out.push({ start: n.identifier.range[0], end: n.identifier.range[1], write });
  });
  return out;
}
