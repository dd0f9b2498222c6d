// Splits a Go-style reference layout ("2006-01-02T15:04:05Z07:00") into literal text and the
// elements of the reference time Mon Jan 2 15:04:05 MST 2006. Same rules as Go's time package.

export type Element =
  | 'January' | 'Jan' | 'Monday' | 'Mon' | 'MST'
  | '1' | '01' | '2' | '_2' | '02' | '__2' | '002'
  | '15' | '3' | '03' | '4' | '04' | '5' | '05'
  | '2006' | '06' | 'PM' | 'pm'
  | '-070000' | '-07:00:00' | '-0700' | '-07:00' | '-07'
  | 'Z070000' | 'Z07:00:00' | 'Z0700' | 'Z07:00' | 'Z07'
  | 'frac';

export type Chunk =
  | { readonly literal: string }
  | { readonly element: Exclude<Element, 'frac'> }
  /** `.000` (fixed digits, zeros kept) or `.999` (trailing zeros dropped); separator `.` or `,`. */
  | { readonly element: 'frac'; readonly digits: number; readonly trim: boolean; readonly sep: string };

const ZONES = ['-070000', '-07:00:00', '-0700', '-07:00', '-07'] as const;

const isLower = (c: string | undefined): boolean => c !== undefined && c >= 'a' && c <= 'z';
const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';

/** Finds the first element in `s`; returns its chunk, the literal before it and the rest. */
function nextElement(s: string): { prefix: string; chunk?: Chunk; rest: string } {
  for (let i = 0; i < s.length; i++) {
    const at = (str: string): boolean => s.startsWith(str, i);
    const found = (element: Exclude<Element, 'frac'>, len: number, prefixEnd = i) =>
      ({ prefix: s.slice(0, prefixEnd), chunk: { element }, rest: s.slice(i + len) });
    switch (s[i]) {
      case 'J':
        if (at('January')) return found('January', 7);
        if (at('Jan') && !isLower(s[i + 3])) return found('Jan', 3);
        break;
      case 'M':
        if (at('Monday')) return found('Monday', 6);
        if (at('Mon') && !isLower(s[i + 3])) return found('Mon', 3);
        if (at('MST')) return found('MST', 3);
        break;
      case '0':
        if (s[i + 1] !== undefined && s[i + 1] >= '1' && s[i + 1] <= '6') {
          return found((['01', '02', '03', '04', '05', '06'] as const)[Number(s[i + 1]) - 1], 2);
        }
        if (at('002')) return found('002', 3);
        break;
      case '1':
        if (at('15')) return found('15', 2);
        return found('1', 1);
      case '2':
        if (at('2006')) return found('2006', 4);
        return found('2', 1);
      case '_':
        if (s[i + 1] === '2') {
          if (s.startsWith('2006', i + 1)) return { prefix: s.slice(0, i + 1), chunk: { element: '2006' }, rest: s.slice(i + 5) };
          return found('_2', 2);
        }
        if (at('__2')) return found('__2', 3);
        break;
      case '3': case '4': case '5':
        return found(s[i] as '3' | '4' | '5', 1);
      case 'P':
        if (at('PM')) return found('PM', 2);
        break;
      case 'p':
        if (at('pm')) return found('pm', 2);
        break;
      case '-':
        for (const z of ZONES) if (at(z)) return found(z, z.length);
        break;
      case 'Z':
        for (const z of ZONES) if (at('Z' + z.slice(1))) return found(('Z' + z.slice(1)) as Element as Exclude<Element, 'frac'>, z.length);
        break;
      case '.': case ',': {
        const d = s[i + 1];
        if (d === '0' || d === '9') {
          let j = i + 1;
          while (s[j] === d) j++;
          if (!isDigit(s[j])) {
            return { prefix: s.slice(0, i), chunk: { element: 'frac', digits: j - i - 1, trim: d === '9', sep: s[i] }, rest: s.slice(j) };
          }
        }
        break;
      }
    }
  }
  return { prefix: s, rest: '' };
}

/** The chunks of a layout, in order. */
export function tokenizeLayout(layout: string): Chunk[] {
  const chunks: Chunk[] = [];
  let rest = layout;
  while (rest.length > 0) {
    const { prefix, chunk, rest: after } = nextElement(rest);
    if (prefix) chunks.push({ literal: prefix });
    if (chunk) chunks.push(chunk);
    rest = after;
  }
  return chunks;
}
