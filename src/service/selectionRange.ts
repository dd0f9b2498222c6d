// Selection ranges: for each position, the chain of enclosing syntax nodes (word, expression,
// statement, block, ... chunk) as the editor's "expand selection" walks outward.
import type { Position, SelectionRange } from 'vscode-languageserver-types';
import { nodePath } from './ast';
import type { Snapshot } from './snapshot';
import { treeOf } from './tree';

/** One SelectionRange per requested position (same order). */
export function selectionRanges(snap: Snapshot, positions: readonly Position[]): SelectionRange[] {
  const chunk = treeOf(snap);
  return positions.map((pos) => {
    const offset = snap.offsetAt(pos);
    const spans: Array<[number, number]> = [[0, snap.text.length]];
    for (const node of nodePath(chunk, offset)) {
      const [s, e] = node.range;
      const last = spans[spans.length - 1]!;
      if ((s !== last[0] || e !== last[1]) && s >= last[0] && e <= last[1]) spans.push([s, e]);
    }
    let parent: SelectionRange | undefined;
    for (const [s, e] of spans) parent = { range: snap.rangeOf(s, e), parent };
    return parent ?? { range: snap.rangeOf(offset, offset) };
  });
}
