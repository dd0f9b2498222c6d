// An immutable view of one document at one version: its text, line index, parse and analysis
// (computed lazily, once). Every service feature is a pure function of a snapshot.
import { LineIndex, type Position, type Range } from '../checker/positions';
import type { Analysis } from '../checker/analyze';
import { parseLua, type ParseResult } from '../checker/parse';
import type { Project } from './project';
import { failedAnalysis, LARGE_DOCUMENT_BYTES } from './syntax-analysis';

export interface Snapshot {
  readonly uri: string;
  /** The file system path of `uri`, when it is a `file:` URI. */
  readonly path: string | undefined;
  /** The editor's version; -1 for a file read from disk. */
  readonly version: number;
  readonly text: string;
  readonly lines: LineIndex;
  readonly project: Project;
  /** The checker's analysis of this text (computed on first use, then cached). */
  readonly analysis: Analysis;
  /**
   * The syntax tree only: the analysis's when it exists, else a parse without type checking (the
   * workspace index needs no more). Never mix its nodes with the analysis's maps.
   */
  readonly syntax: ParseResult;
  /** Offset of an LSP position (clamped into the text). */
  offsetAt(pos: Position): number;
  /** LSP position of an offset. */
  positionAt(offset: number): Position;
  /** LSP range of `[start, end)` offsets. */
  rangeOf(start: number, end: number): Range;
  /** Computes a derived value once per snapshot (e.g. an index over the analysis), by key. */
  memo<T>(key: string, compute: () => T): T;
}

/** Creates the snapshot of `text`; nothing is parsed until `analysis` is read. */
export function createSnapshot(uri: string, version: number, text: string, project: Project, path?: string): Snapshot {
  const lines = new LineIndex(text);
  let analysis: Analysis | undefined;
  let syntax: ParseResult | undefined;
  const memos = new Map<string, unknown>();
  return {
    uri,
    path,
    version,
    text,
    lines,
    project,
    get analysis() {
      return (analysis ??= analyzeSafely(project, text, uri, path));
    },
    get syntax() {
      if (analysis) return analysis.parse;
      // A document over maxFileSize is never parsed: the analysis holds its empty tree.
      if (!syntax && project.tooLarge(text) !== undefined) return this.analysis.parse;
      if (!syntax) {
        try {
          syntax = parseLua(text, { version: project.settings.runtime?.version, ...(text.length > LARGE_DOCUMENT_BYTES ? { maxRepairs: 2 } : {}) });
        } catch {
          syntax = this.analysis.parse;
        }
      }
      return syntax;
    },
    offsetAt: (pos) => lines.offsetAt(pos),
    positionAt: (offset) => lines.positionAt(offset),
    rangeOf: (start, end) => lines.rangeOf(start, end),
    memo<T>(key: string, compute: () => T): T {
      if (!memos.has(key)) memos.set(key, compute());
      return memos.get(key) as T;
    },
  };
}

/** The project's analysis of `text`, or a failed (empty) analysis if the checker throws. */
function analyzeSafely(project: Project, text: string, uri: string, path: string | undefined): Analysis {
  try {
    return project.analyze(text, uri, path);
  } catch (err) {
    return failedAnalysis(text, err);
  }
}
