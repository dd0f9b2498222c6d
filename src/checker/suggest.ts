// "Did you mean ...?": the closest candidate name by edit distance (swapped neighbours count once;
// at most 2, or a third of the name).

/** The candidate closest to `name`, when one is close enough. */
export function suggest(name: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(1, Math.min(2, Math.floor(name.length / 3)));
  const lower = name.toLowerCase();
  // Three rows reused for every candidate (only the first b.length + 1 entries of a row are read).
  let rows: Rows | undefined;
  for (const c of candidates) {
    if (c === name || Math.abs(c.length - name.length) > bestDistance) continue;
    if (!rows || rows.before.length < c.length + 1) rows = newRows(Math.max(c.length, name.length + bestDistance) + 1);
    const d = distance(lower, c.toLowerCase(), bestDistance, rows);
    if (d <= bestDistance && (d < bestDistance || !best)) { best = c; bestDistance = d; }
  }
  return best;
}

interface Rows { before: Uint16Array; prev: Uint16Array; cur: Uint16Array }

function newRows(width: number): Rows {
  return { before: new Uint16Array(width), prev: new Uint16Array(width), cur: new Uint16Array(width) };
}

/** Edit distance with adjacent transpositions (optimal string alignment), cut off above `limit`. */
function distance(a: string, b: string, limit: number, rows: Rows): number {
  const width = b.length + 1;
  let { before, prev, cur } = rows;
  for (let j = 0; j < width; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const cb = b.charCodeAt(j - 1);
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (ca === cb ? 0 : 1));
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb) v = Math.min(v, before[j - 2]! + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > limit) return limit + 1;
    const t = before; before = prev; prev = cur; cur = t;
  }
  return prev[b.length]!;
}
