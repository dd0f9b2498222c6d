// Document highlight: the reads (Read) and declarations/assignments (Write) of the symbol at the
// cursor. Pure.
import { DocumentHighlightKind, type DocumentHighlight, type Position } from 'vscode-languageserver-types';
import { occurrences } from './occurrences';
import type { Snapshot } from './snapshot';
import { targetAt } from './target';

export function documentHighlight(snap: Snapshot, pos: Position): DocumentHighlight[] {
  const t = targetAt(snap, snap.offsetAt(pos));
  if (!t) return [];
  return occurrences(snap, t).map((o) => ({
    range: snap.rangeOf(o.start, o.end),
    kind: o.write ? DocumentHighlightKind.Write : DocumentHighlightKind.Read,
  }));
}
