// Generic walks over luaparse trees: children of any node, the chain of nodes around an offset,
// and a visitor. Features use these instead of switching on every node kind themselves.
import type { Chunk, Node } from 'luaparse';

/** Keys of a node that never hold child nodes (skipped for speed). */
const LEAF_KEYS = new Set(['type', 'range', 'name', 'value', 'raw', 'operator', 'indexer', 'isLocal', 'comments']);

/** The direct children of a node, in source order. */
export function children(node: Node): Node[] {
  const out: Node[] = [];
  for (const key in node) {
    if (LEAF_KEYS.has(key)) continue;
    const v = (node as unknown as Record<string, unknown>)[key];
    if (Array.isArray(v)) {
      for (const c of v) if (isNode(c)) out.push(c);
    } else if (isNode(v)) out.push(v);
  }
  for (let i = 1; i < out.length; i++) if (out[i]!.range[0] < out[i - 1]!.range[0]) return out.sort((a, b) => a.range[0] - b.range[0]);
  return out;
}

function isNode(v: unknown): v is Node {
  return typeof v === 'object' && v !== null && typeof (v as { type?: unknown }).type === 'string' && Array.isArray((v as { range?: unknown }).range);
}

/**
 * The nodes whose range contains `offset`, outermost (the chunk) first. With `inclusiveEnd`, a node
 * ending exactly at `offset` counts (the cursor just after an identifier).
 */
export function nodePath(chunk: Chunk, offset: number, inclusiveEnd = true): Node[] {
  const path: Node[] = [chunk];
  let node: Node = chunk;
  for (;;) {
    const next: Node | undefined = children(node).find(
      (c) => c.range[0] <= offset && (inclusiveEnd ? offset <= c.range[1] : offset < c.range[1]),
    );
    if (!next) return path;
    path.push(next);
    node = next;
  }
}

/** Calls `visit` on every node below `root` (pre-order) with its parent; return false to skip a subtree. */
export function walk(root: Node, visit: (node: Node, parent: Node | undefined) => boolean | void): void {
  const stack: Array<[Node, Node | undefined]> = [[root, undefined]];
  while (stack.length) {
    const [node, parent] = stack.pop()!;
    if (visit(node, parent) === false) continue;
    const kids = children(node);
    for (let i = kids.length - 1; i >= 0; i--) stack.push([kids[i]!, node]);
  }
}
