// The syntax tree and comments of a snapshot for features that need no types (outline, folding,
// selection): the analysis's tree when it exists, else a bare parse (the workspace index).
import type { Chunk, Comment } from 'luaparse';
import type { Snapshot } from './snapshot';

/** The (possibly repaired) tree of a snapshot. */
export function treeOf(snap: Snapshot): Chunk {
  return snap.syntax.chunk;
}

/** The comments of a snapshot, in source order. */
export function commentsOf(snap: Snapshot): readonly Comment[] {
  return snap.syntax.comments;
}
