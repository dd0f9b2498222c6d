// The syntax tree and comments of a snapshot, as the checker parsed them (one place to adapt if
// the analysis changes shape).
import type { Chunk, Comment } from 'luaparse';
import type { Snapshot } from './snapshot';

/** The (possibly repaired) tree of a snapshot. */
export function treeOf(snap: Snapshot): Chunk {
  return snap.analysis.parse.chunk;
}

/** The comments of a snapshot, in source order. */
export function commentsOf(snap: Snapshot): readonly Comment[] {
  return snap.analysis.parse.comments;
}
