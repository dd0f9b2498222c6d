// Types defined in terms of themselves: `---@alias A B|C`, `B C|A`, `C A|B` (or `---@alias A A?`)
// name no type at all, and following them never ends (a member lookup overflowed the stack and
// the whole file became "nested too deeply"); `---@class A : B` with `---@class B : A` is an
// inheritance cycle. Each is an annotation-error at the declaration; the cycle is broken (the
// aliases become any, the classes lose the parents in the cycle) and the rest of the file is
// checked as usual. A reference inside a table, array, map or function type (`---@alias Tree
// {left: Tree?}`) is a proper recursive type, not a cycle.
import type { Type } from '../types/type';
import type { Annotations } from './annotations';
import { ANY } from './type-ops';

/** Reports (as annotation problems) and breaks the alias and inheritance cycles of `annotations`. */
export function breakTypeCycles(annotations: Annotations): void {
  breakAliasCycles(annotations);
  breakClassCycles(annotations);
}

function breakAliasCycles(a: Annotations): void {
  const edges = new Map<string, string[]>();
  for (const [name, d] of a.declared) {
    const t = a.userTypes.get(name);
    if (d.kind === 'alias' && t) edges.set(name, directRefs(t).filter((r) => a.declared.get(r)?.kind === 'alias'));
  }
  for (const cycle of cycles(edges)) {
    for (const name of cycle) {
      const d = a.declared.get(name)!;
      a.problems.push({ start: d.start, end: d.end, args: { variant: 'cycle', kind: 'alias', name, cycle: describe(cycle, name) } });
    }
    for (const name of cycle) a.userTypes.set(name, ANY);
  }
}

function breakClassCycles(a: Annotations): void {
  const edges = new Map<string, string[]>();
  const classOf = new Map<string, Type>();
  for (const [name, d] of a.declared) {
    const t = a.userTypes.get(name);
    if (d.kind !== 'class' || t?.kind !== 'record') continue;
    classOf.set(name, t);
    edges.set(name, (a.classParents.get(t) ?? []).filter((p) => a.declared.get(p)?.kind === 'class'));
  }
  for (const cycle of cycles(edges)) {
    const inCycle = new Set(cycle);
    for (const name of cycle) {
      const d = a.declared.get(name)!;
      a.problems.push({ start: d.start, end: d.end, args: { variant: 'cycle', kind: 'class', name, cycle: describe(cycle, name) } });
      const cls = classOf.get(name)!;
      if (cls.kind !== 'record') continue;
      const kept = (a.classParents.get(cls) ?? []).filter((p) => !inCycle.has(p));
      if (kept.length) a.classParents.set(cls, kept);
      else a.classParents.delete(cls);
    }
  }
}

/** Names `t` stands for directly: through unions, optionals, intersections and tuples only. */
function directRefs(t: Type): string[] {
  const out: string[] = [];
  const stack: Type[] = [t];
  while (stack.length) {
    const x = stack.pop()!;
    switch (x.kind) {
      case 'ref': out.push(x.name); break;
      case 'optional': stack.push(x.type); break;
      case 'union': case 'intersection': stack.push(...x.types); break;
      case 'tuple': stack.push(...x.elements); break;
      default:
    }
  }
  return out;
}

/**
 * The strongly connected components of `edges` that are cycles (several names, or one name that
 * refers to itself), each in declaration order. Tarjan's algorithm, iterative: linear, no recursion.
 */
export function cycles(edges: ReadonlyMap<string, readonly string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const out: string[][] = [];
  let next = 0;
  for (const root of edges.keys()) {
    if (index.has(root)) continue;
    const work: Array<{ node: string; i: number }> = [{ node: root, i: 0 }];
    index.set(root, next); low.set(root, next); next++;
    stack.push(root); onStack.add(root);
    while (work.length) {
      const top = work[work.length - 1]!;
      const targets = edges.get(top.node) ?? [];
      if (top.i < targets.length) {
        const w = targets[top.i++]!;
        if (!edges.has(w)) continue;
        if (!index.has(w)) {
          index.set(w, next); low.set(w, next); next++;
          stack.push(w); onStack.add(w);
          work.push({ node: w, i: 0 });
        } else if (onStack.has(w)) low.set(top.node, Math.min(low.get(top.node)!, index.get(w)!));
        continue;
      }
      work.pop();
      if (work.length) {
        const parent = work[work.length - 1]!.node;
        low.set(parent, Math.min(low.get(parent)!, low.get(top.node)!));
      }
      if (low.get(top.node) !== index.get(top.node)) continue;
      const component: string[] = [];
      for (;;) {
        const w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
        if (w === top.node) break;
      }
      if (component.length > 1 || (edges.get(top.node) ?? []).includes(top.node)) {
        const order = [...edges.keys()];
        out.push(component.sort((x, y) => order.indexOf(x) - order.indexOf(y)));
      }
    }
  }
  return out;
}

/** `A → B → C → A`, starting at `from`. */
function describe(cycle: readonly string[], from: string): string {
  const i = cycle.indexOf(from);
  const rotated = [...cycle.slice(i), ...cycle.slice(0, i)];
  return [...rotated, from].join(' → ');
}
