// luacheck's inline options, honoured so code written for luacheck keeps its silences:
//   -- luacheck: ignore [codes and names]   (no argument: every warning)
//   -- luacheck: globals a b  /  read globals a b  /  new globals a b
//   -- luacheck: push  ...  -- luacheck: pop
// A comment on a line of code applies to that line; on a line of its own, to the rest of the
// enclosing function (or file), or up to the `pop` of a `push`. luacheck's warning codes map to
// luamod's where they mean the same (a code may be a prefix: `ignore 21` is 21x; `211/x` filters by
// name); other options (`std`, `compat`, `unused args`, ...) are accepted and ignored.
import { eachNode } from './each-node';
import type { Chunk, Comment } from 'luaparse';
import type { DiagnosticCode } from './diagnostic-codes';
import type { LineIndex } from './positions';

/** luamod code → the luacheck warning codes that mean the same. */
const LUACHECK_CODES: Partial<Record<DiagnosticCode, readonly string[]>> = {
  'undefined-global': ['113'],
  'accidental-global': ['111', '112', '131'],
  'readonly-assign': ['121', '122'],
  'undefined-field': ['142', '143'],
  'unused-local': ['211', '212', '213', '221', '231', '241'],
  'duplicate-index': ['314'],
  'unreachable-code': ['511'],
};

/** Codes whose findings are about a global name (what `globals a b` declares). */
const GLOBAL_CODES = new Set<string>(['undefined-global', 'accidental-global', 'readonly-assign']);

/** One silence: codes (or all), an optional name filter, and 0-based lines. */
export interface LuacheckSpan {
  readonly codes: '*' | ReadonlySet<string>;
  readonly names?: readonly RegExp[];
  readonly from: number;
  readonly to: number;
}

/** The silences the file's `-- luacheck:` comments ask for. */
export function readLuacheckComments(comments: readonly Comment[], lines: LineIndex, chunk: Chunk): LuacheckSpan[] {
  const spans: LuacheckSpan[] = [];
  let functions: Array<[number, number]> | undefined;
  const pushes: number[] = [];
  const pending: Array<{ make: (to: number) => LuacheckSpan; pushDepth: number }> = [];
  for (const c of comments) {
    const m = /^--\s*luacheck:\s*(.*)$/.exec(c.raw.trim());
    if (!m) continue;
    const line = lines.lineOf(c.range[0]);
    const ownLine = lines.text.slice(lines.lineStarts[line], c.range[0]).trim() === '';
    for (const option of m[1]!.split(',').map((s) => s.trim()).filter(Boolean)) {
      const words = option.split(/\s+/);
      if (words[0] === 'push' && words.length === 1) { pushes.push(spans.length + pending.length); continue; }
      if (words[0] === 'pop') {
        const depth = pushes.length;
        pushes.pop();
        for (let i = pending.length - 1; i >= 0; i--) {
          if (pending[i]!.pushDepth === depth) { spans.push(pending[i]!.make(line)); pending.splice(i, 1); }
        }
        continue;
      }
      if (words[0] === 'push') { pushes.push(spans.length + pending.length); words.shift(); }
      const span = optionSpan(words);
      if (!span) continue;
      if (!ownLine) { spans.push({ ...span, from: line, to: line }); continue; }
      if (pushes.length) { pending.push({ make: (to) => ({ ...span, from: line, to }), pushDepth: pushes.length }); continue; }
      functions ??= functionRanges(chunk);
      spans.push({ ...span, from: line, to: endOfEnclosing(functions, c.range[0], lines) });
    }
  }
  for (const p of pending) spans.push(p.make(Infinity));
  return spans;
}

/** Whether a span silences a luamod diagnostic (`name`: its `name` argument, if any). */
export function luacheckSilences(span: LuacheckSpan, code: string, line: number, name: string | undefined): boolean {
  if (line < span.from || line > span.to) return false;
  if (span.codes !== '*' && !span.codes.has(code)) return false;
  if (!span.names) return true;
  return name !== undefined && span.names.some((re) => re.test(name));
}

function optionSpan(words: string[]): Omit<LuacheckSpan, 'from' | 'to'> | undefined {
  if (words[0] === 'read' || words[0] === 'new') words.shift();
  if (words[0] === 'globals' || words[0] === 'global') {
    const names = words.slice(1).map(namePattern);
    return names.length ? { codes: GLOBAL_CODES, names } : undefined;
  }
  if (words[0] !== 'ignore') return undefined;
  const args = words.slice(1);
  if (args.length === 0) return { codes: '*' };
  const codes = new Set<string>();
  const names: RegExp[] = [];
  let anyCode = false;
  for (const a of args) {
    const [code, name] = /^\d/.test(a) ? a.split('/') as [string, string | undefined] : [undefined, a];
    if (code !== undefined) {
      anyCode = true;
      for (const [ours, theirs] of Object.entries(LUACHECK_CODES)) if (theirs!.some((t) => t.startsWith(code))) codes.add(ours);
    }
    if (name !== undefined) names.push(namePattern(name));
  }
  if (anyCode && codes.size === 0) return undefined;
  return { codes: anyCode ? codes : '*', ...(names.length ? { names } : {}) };
}

/** A luacheck name pattern (a Lua pattern, anchored) as a RegExp; `%` escapes become `\`. */
function namePattern(p: string): RegExp {
  try {
    return new RegExp(`^(?:${p.replace(/%(.)/g, '\\$1').replace(/-/g, '*?')})$`);
  } catch {
    return new RegExp(`^${p.replace(/[^\w]/g, '\\$&')}$`);
  }
}

function functionRanges(chunk: Chunk): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  eachNode(chunk.body, (n) => { if (n.type === 'FunctionDeclaration') out.push(n.range); });
  return out;
}

/** The last line of the innermost function around `offset` (Infinity at the top level). */
function endOfEnclosing(functions: ReadonlyArray<[number, number]>, offset: number, lines: LineIndex): number {
  let best: [number, number] | undefined;
  for (const f of functions) if (f[0] <= offset && offset < f[1] && (!best || f[0] >= best[0])) best = f;
  return best ? lines.lineOf(best[1]) : Infinity;
}
