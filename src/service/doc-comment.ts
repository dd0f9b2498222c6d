// The documentation comment written above a declaration, for hover (the reading itself is the
// checker's, src/checker/doc-comment.ts, which also documents project modules' members).
import { docCommentAt, paramDocsAt } from '../checker/doc-comment';
import type { Snapshot } from './snapshot';

/** The comment block ending on the line before `offset`'s line, or undefined when there is none. */
export function docCommentAbove(snap: Snapshot, offset: number): string | undefined {
  return docCommentAt(snap.lines, offset);
}

/** `---@param name type description` lines above a declaration: name → description. */
export function paramDocsAbove(snap: Snapshot, offset: number): Record<string, string> {
  return paramDocsAt(snap.lines, offset);
}
