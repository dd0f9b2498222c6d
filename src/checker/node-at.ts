// Finding nodes by offset: the chain of nodes whose range holds an offset, innermost last.
import type { Chunk, Node } from 'luaparse';

function isNode(v: unknown): v is Node {
  return !!v && typeof v === 'object' && typeof (v as { type?: unknown }).type === 'string' && Array.isArray((v as { range?: unknown }).range);
}

/** Nodes containing `offset` (start ≤ offset ≤ end), from the chunk down to the innermost. */
export function nodePathAt(chunk: Chunk, offset: number): Node[] {
  const path: Node[] = [chunk];
  let node: Node = chunk;
  for (;;) {
    let next: Node | undefined;
    for (const key in node) {
      if (key === 'range' || key === 'comments') continue;
      const v = (node as unknown as Record<string, unknown>)[key];
      const candidates = Array.isArray(v) ? v : [v];
      for (const c of candidates) {
        if (isNode(c) && c.range[0] <= offset && offset <= c.range[1]) {
          if (!next || c.range[1] - c.range[0] < next.range[1] - next.range[0]) next = c;
        }
      }
    }
    if (!next || next === node) return path;
    path.push(next);
    node = next;
  }
}

/** The innermost node containing `offset`. */
export function findNodeAt(chunk: Chunk, offset: number): Node | undefined {
  const path = nodePathAt(chunk, offset);
  return path.length > 1 ? path[path.length - 1] : undefined;
}
