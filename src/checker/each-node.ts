// A pre-order walk over every node of a luaparse tree (children found by their object-valued keys),
// for the passes that look for a few node types anywhere in a chunk.
import type { Node } from 'luaparse';

/** Calls `visit` on `root` (a node or an array of nodes) and every node below it, parents first. */
export function eachNode(root: unknown, visit: (node: Node) => void): void {
  if (!root || typeof root !== 'object') return;
  if (Array.isArray(root)) {
    for (const n of root) eachNode(n, visit);
    return;
  }
  const node = root as Node;
  visit(node);
  for (const key in node) {
    if (key === 'range') continue;
    const v = (node as unknown as Record<string, unknown>)[key];
    if (v && typeof v === 'object') eachNode(v, visit);
  }
}
