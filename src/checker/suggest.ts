// "Did you mean ...?": the closest candidate name by edit distance (swapped neighbours count once;
// at most 2, or a third of the name).

/** The candidate closest to `name`, when one is close enough. */
export function suggest(name: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(1, Math.min(2, Math.floor(name.length / 3)));
  for (const c of candidates) {
    if (c === name || Math.abs(c.length - name.length) > bestDistance) continue;
    const d = distance(name.toLowerCase(), c.toLowerCase(), bestDistance);
    if (d <= bestDistance && (d < bestDistance || !best)) { best = c; bestDistance = d; }
  }
  return best;
}

/** Edit distance with adjacent transpositions (optimal string alignment), cut off above `limit`. */
function distance(a: string, b: string, limit: number): number {
  const width = b.length + 1;
  let before = new Uint16Array(width);
  let prev = new Uint16Array(width);
  let cur = new Uint16Array(width);
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
    [before, prev, cur] = [prev, cur, before];
  }
  return prev[b.length]!;
}
