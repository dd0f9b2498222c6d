// Folding ranges: function bodies, blocks (if/while/for/do/repeat), table constructors, multi-line
// calls, long comments and runs of line comments. Pure; from the syntax tree.
import { FoldingRangeKind, type FoldingRange } from 'vscode-languageserver-types';
import type { Node } from 'luaparse';
import { walk } from './ast';
import type { Snapshot } from './snapshot';
import { commentsOf, treeOf } from './tree';

const FOLDABLE = new Set([
  'FunctionDeclaration', 'IfClause', 'ElseifClause', 'ElseClause', 'WhileStatement', 'DoStatement',
  'RepeatStatement', 'ForNumericStatement', 'ForGenericStatement', 'TableConstructorExpression',
  'CallExpression', 'TableCallExpression',
]);

const CLAUSES = new Set(['IfClause', 'ElseifClause', 'ElseClause']);

/** Every folding range of the document (start line < end line), sorted by start. */
export function foldingRanges(snap: Snapshot): FoldingRange[] {
  const out: FoldingRange[] = [];
  const add = (start: number, end: number, kind?: FoldingRangeKind, closed = true) => {
    const s = snap.lines.lineOf(start);
    // Keep the closing line (`end`, `}`, `)`) visible; if-clauses stop before their closing keyword.
    const e = snap.lines.lineOf(Math.max(start, end - 1)) - (closed ? 1 : 0);
    if (e > s) out.push(kind ? { startLine: s, endLine: e, kind } : { startLine: s, endLine: e });
  };
  walk(treeOf(snap), (node: Node) => {
    if (FOLDABLE.has(node.type)) add(node.range[0], node.range[1], undefined, !CLAUSES.has(node.type));
  });
  // Long comments fold whole; consecutive line comments fold as one region.
  let run: { start: number; endLine: number; firstLine: number } | undefined;
  const flush = () => {
    if (run && run.endLine > run.firstLine) out.push({ startLine: run.firstLine, endLine: run.endLine, kind: FoldingRangeKind.Comment });
    run = undefined;
  };
  for (const c of commentsOf(snap)) {
    const first = snap.lines.lineOf(c.range[0]);
    const last = snap.lines.lineOf(c.range[1]);
    const region = /^--\s*#?(end)?region\b/.exec(c.raw);
    if (c.raw.startsWith('--[') && /^--\[=*\[/.test(c.raw)) {
      flush();
      if (last > first) out.push({ startLine: first, endLine: last, kind: FoldingRangeKind.Comment });
    } else if (region) {
      flush();
    } else if (run && first === run.endLine + 1) {
      run.endLine = last;
    } else {
      flush();
      run = { start: c.range[0], firstLine: first, endLine: last };
    }
  }
  flush();
  out.push(...regions(snap));
  return out.sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
}

/** `-- region` / `-- endregion` (also `--#region`) markers. */
function regions(snap: Snapshot): FoldingRange[] {
  const out: FoldingRange[] = [];
  const open: number[] = [];
  for (const c of commentsOf(snap)) {
    const m = /^--\s*#?(end)?region\b/.exec(c.raw);
    if (!m) continue;
    const line = snap.lines.lineOf(c.range[0]);
    if (!m[1]) open.push(line);
    else {
      const start = open.pop();
      if (start !== undefined && line > start) out.push({ startLine: start, endLine: line, kind: FoldingRangeKind.Region });
    }
  }
  return out;
}
