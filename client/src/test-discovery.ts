// Finds the tests of a `*_test.lua` file in its text, as `luamod test` will run them: the cases
// registered with `test.case("name", …)` first, in order, then the functions of the returned table,
// by name. Text only (no Lua runs): names built at run time are not found until the file is run.

export interface DiscoveredTest {
  readonly name: string;
  /** 0-based line of the definition. */
  readonly line: number;
}

const CASE = /\btest\s*\.\s*case\s*\(\s*(?:"((?:[^"\\\n]|\\.)*)"|'((?:[^'\\\n]|\\.)*)'|\[(=*)\[([\s\S]*?)\]\3\])/g;
const FIELD = /^\s*(?:([A-Za-z_]\w*)|\[\s*(?:"((?:[^"\\\n]|\\.)*)"|'((?:[^'\\\n]|\\.)*)')\s*\])\s*=\s*function\b/;

/** The tests of a test file's text. */
export function discoverTests(text: string): DiscoveredTest[] {
  const code = blankComments(text);
  const lineAt = (index: number) => code.slice(0, index).split('\n').length - 1;
  const cases: DiscoveredTest[] = [];
  for (const m of code.matchAll(CASE)) {
    const raw = m[1] ?? m[2] ?? m[4] ?? '';
    cases.push({ name: m[4] !== undefined ? raw : unescape(raw), line: lineAt(m.index ?? 0) });
  }
  const fields: DiscoveredTest[] = [];
  const lines = code.split('\n');
  // The returned table: from the last top-level `return {` to the end of the file.
  let start = -1;
  for (let i = 0; i < lines.length; i++) if (/^return\s*\{/.test(lines[i])) start = i;
  if (start >= 0) {
    let depth = 0;
    for (let i = start; i < lines.length; i++) {
      const line = i === start ? lines[i].replace(/^return\s*\{/, '') : lines[i];
      if (i === start) depth = 1;
      const m = depth === 1 ? FIELD.exec(line) : null;
      if (m) fields.push({ name: m[1] ?? unescape(m[2] ?? m[3] ?? ''), line: i });
      depth += countBlocks(line);
      if (depth <= 0) break;
    }
  }
  const seen = new Set(cases.map((c) => c.name));
  return [...cases, ...fields.filter((f) => !seen.has(f.name)).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))];
}

/** Net nesting change of a line: `{`, `function`, `do`, `then`, `repeat` open; `}`, `end`, `until` close. */
function countBlocks(line: string): number {
  const code = line.replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'/g, '""');
  let n = 0;
  for (const m of code.matchAll(/[{}]|\b(function|do|then|repeat|end|until|elseif)\b/g)) {
    const t = m[0];
    // `while … do` / `for … do` open once (at `do`), `if … then` once (at `then`); `elseif`
    // closes the branch its own `then` reopens.
    if (t === '{' || t === 'function' || t === 'do' || t === 'repeat' || t === 'then') n++;
    else n--;
  }
  return n;
}

function unescape(s: string): string {
  return s.replace(/\\(["'\\nt])/g, (_, c: string) => (c === 'n' ? '\n' : c === 't' ? '\t' : c));
}

/** Blanks comments, keeping offsets and newlines. */
function blankComments(text: string): string {
  return text.replace(/--\[(=*)\[[\s\S]*?\]\1\]|--[^\n]*/g, (c) => c.replace(/[^\n]/g, ' '));
}
