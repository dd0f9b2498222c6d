// Mutations of JSON manifests (structural: on the parsed value; textual: on the file text) and of
// type-notation texts, as fast-check arbitraries.
import fc from 'fast-check';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type PathKey = string | number;

/** Every path into `v` (the root included), in document order; iterative, so deep values are fine. */
export function jsonPaths(v: Json, at: PathKey[] = []): PathKey[][] {
  const out: PathKey[][] = [];
  const stack: Array<[Json, PathKey[]]> = [[v, at]];
  while (stack.length) {
    const [x, p] = stack.pop()!;
    out.push(p);
    const kids: Array<[Json, PathKey[]]> = Array.isArray(x) ? x.map((y, i) => [y, [...p, i]])
      : x && typeof x === 'object' ? Object.keys(x).map((k) => [x[k]!, [...p, k]]) : [];
    stack.push(...kids.reverse());
  }
  return out;
}

const SPECIAL_KEYS = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', '', ' ', 'fields', 'methods', 'type', 'export', 'types', '$ref', '.', 'a.b'];

/** Type-notation fragments mutations insert. */
export const TYPE_PIECES = ['fun(', ')', '(', '->', '-> ', ',', ':', '?', '|', '...', '[]', '{', '}', '<', '>', 'string', 'integer',
  'number', 'nil', 'any', 'self', 'Error', 'Time', 'x', ' ', 'fun()', 'table<', 'string>', '"lit"', "'a'", '1', 'true', '.', 'a.b.c', '\0', '\u{1F600}'];

export type JsonMutation =
  | { readonly kind: 'delete' | 'null' | 'array-wrap' | 'to-string'; readonly at: number }
  | { readonly kind: 'replace'; readonly at: number; readonly value: unknown }
  | { readonly kind: 'rename'; readonly at: number; readonly key: string }
  | { readonly kind: 'type-text'; readonly at: number; readonly edits: TypeEdit[] }
  | { readonly kind: 'deep'; readonly at: number; readonly depth: number };

export type TypeEdit = { readonly at: number; readonly del: number; readonly insert: string };

const pos = fc.integer({ min: 0, max: 1_000_000 });

export const typeEdit: fc.Arbitrary<TypeEdit> = fc.record({
  at: pos,
  del: fc.nat({ max: 4 }),
  insert: fc.oneof(fc.constantFrom(...TYPE_PIECES), fc.string({ maxLength: 3 }), fc.constant('')),
});

export const jsonMutation: fc.Arbitrary<JsonMutation> = fc.oneof(
  fc.record({ kind: fc.constantFrom('delete' as const, 'null' as const, 'array-wrap' as const, 'to-string' as const), at: pos }),
  fc.record({ kind: fc.constant('replace' as const), at: pos, value: fc.jsonValue({ maxDepth: 3 }) }),
  fc.record({ kind: fc.constant('rename' as const), at: pos, key: fc.oneof(fc.constantFrom(...SPECIAL_KEYS), fc.string({ maxLength: 6 })) }),
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('type-text' as const), at: pos, edits: fc.array(typeEdit, { minLength: 1, maxLength: 4 }) }) },
  fc.record({ kind: fc.constant('deep' as const), at: pos, depth: fc.oneof(fc.integer({ min: 1, max: 50 }), fc.integer({ min: 500, max: 1500 })) }),
);

const pick = <T>(list: readonly T[], at: number): T => list[Math.min(list.length - 1, Math.floor((at / 1_000_001) * list.length))]!;

/** Applies edits to a type text (positions are fractions of its length). */
export function editTypeText(text: string, edits: readonly TypeEdit[]): string {
  let t = text;
  for (const e of edits) {
    const o = Math.min(t.length, Math.floor((e.at / 1_000_000) * t.length));
    t = t.slice(0, o) + e.insert + t.slice(o + e.del);
  }
  return t;
}

function parentOf(root: Json, path: PathKey[]): { parent: Json[] | Record<string, Json>; key: PathKey } | undefined {
  if (path.length === 0) return undefined;
  let v: Json = root;
  for (const k of path.slice(0, -1)) v = (v as Record<string, Json>)[k as string]!;
  return { parent: v as Json[] | Record<string, Json>, key: path[path.length - 1]! };
}

/** Applies one mutation to a parsed manifest (a deep copy is mutated and returned). */
export function mutateJson(value: unknown, m: JsonMutation): unknown {
  const root = { root: JSON.parse(JSON.stringify(value) ?? 'null') as Json } as Record<string, Json>;
  const paths = jsonPaths(root['root']!, ['root']);
  const strings = paths.filter((p) => typeof get(root, p) === 'string');
  const path = m.kind === 'type-text' && strings.length ? pick(strings, m.at) : pick(paths, m.at);
  const at = parentOf(root, path)!;
  const current = get(root, path);
  const set = (v: Json): void => { (at.parent as Record<string, Json>)[at.key as string] = v; };
  switch (m.kind) {
    case 'delete':
      if (Array.isArray(at.parent)) at.parent.splice(at.key as number, 1);
      else if (path.length > 1) delete at.parent[at.key as string];
      else set(null);
      break;
    case 'null': set(null); break;
    case 'array-wrap': set([current]); break;
    case 'to-string': set(JSON.stringify(current) ?? ''); break;
    case 'replace': set(m.value as Json); break;
    case 'rename':
      if (!Array.isArray(at.parent) && path.length > 1) {
        delete at.parent[at.key as string];
        Object.defineProperty(at.parent, m.key, { value: current, enumerable: true, writable: true, configurable: true });
      }
      break;
    case 'type-text': set(editTypeText(typeof current === 'string' ? current : 'fun(x: string) -> integer', m.edits)); break;
    case 'deep': {
      let v: Json = current;
      for (let i = 0; i < m.depth; i++) v = i % 2 ? [v] : { fields: v };
      set(v);
      break;
    }
  }
  return root['root'];
}

function get(root: Json, path: PathKey[]): Json {
  let v: Json = root;
  for (const k of path) v = (v as Record<string, Json>)[k as string]!;
  return v;
}

/** Every string value of a JSON value (for type-text seeds). */
export function jsonStrings(v: unknown, out: string[] = []): string[] {
  if (typeof v === 'string') out.push(v);
  else if (Array.isArray(v)) for (const x of v) jsonStrings(x, out);
  else if (v && typeof v === 'object') for (const x of Object.values(v)) jsonStrings(x, out);
  return out;
}
