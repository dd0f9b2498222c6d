// Name checks a registry runs once every manifest is loaded: each type name must resolve, and no
// defined type may be an alias cycle (`A = B?`, `B = A`), and declared error kinds must be known ones.
import { ERROR_KINDS } from './host-api';
import { definedStructure, forEachRef, type Field, type Type, type TypeManifest, type TypeResolver } from '../types';

export interface NameProblem {
  /** JSON-style path segments, e.g. `['export', 'fields', 'join']`. */
  readonly path: readonly (string | number)[];
  readonly message: string;
}

/** Unknown type names and alias cycles in `m`, resolved through `resolver`. */
export function checkManifestNames(m: TypeManifest, resolver: TypeResolver): NameProblem[] {
  const problems: NameProblem[] = [];
  const checkType = (t: Type, path: readonly string[]): void => {
    const seen = new Set<string>();
    forEachRef(t, (name) => {
      if (seen.has(name) || resolver.resolve(name)) return;
      seen.add(name);
      const dot = name.lastIndexOf('.');
      const hint = dot < 0
        ? `not defined in manifest '${m.name}' (qualify names from other modules, e.g. 'time.Time')`
        : resolver.resolve(name.slice(0, dot)) ? `module '${name.slice(0, dot)}' defines no type '${name.slice(dot + 1)}'` : `no module '${name.slice(0, dot)}'`;
      problems.push({ path, message: `unknown type name '${name}': ${hint}` });
    });
  };
  const checkDef = (t: Type, path: readonly string[], qualifiedName: string): void => {
    const s = definedStructure(t, qualifiedName);
    if (s) {
      if (s.kind === 'interface') checkMembers(s.methods, [...path, 'methods'], checkType, problems);
      checkMembers(s.fields ?? {}, [...path, 'fields'], checkType, problems);
      if (s.kind === 'record' && s.indexer) { checkType(s.indexer.key, path); checkType(s.indexer.value, path); }
    } else {
      checkType(t, path);
    }
  };
  for (const entry of m.types.values()) {
    checkDef(entry.type, ['types', entry.name], `${m.name}.${entry.name}`);
    const cycle = aliasCycle(`${m.name}.${entry.name}`, resolver);
    if (cycle) problems.push({ path: ['types', entry.name], message: `type alias cycle: ${cycle.join(' -> ')}` });
  }
  if (m.exportType) checkDef(m.exportType, ['export'], m.name);
  checkMembers(Object.fromEntries(m.globals), ['globals'], checkType, problems);
  return problems;
}

function checkMembers(fields: Readonly<Record<string, Field>>, path: readonly string[], check: (t: Type, path: readonly string[]) => void, problems: NameProblem[]): void {
  for (const [name, f] of Object.entries(fields)) {
    check(f.type, [...path, name]);
    f.errors?.forEach((kind, i) => {
      if (!KNOWN_KINDS.has(kind)) problems.push({ path: [...path, name, 'errors', i], message: `unknown error kind '${kind}' (known: ${ERROR_KINDS.join(', ')})` });
    });
  }
}

const KNOWN_KINDS: ReadonlySet<string> = new Set(ERROR_KINDS);

/** The cycle `start -> ... -> start` through names reached without entering a structure, if any. */
function aliasCycle(start: string, resolver: TypeResolver): string[] | undefined {
  const visit = (name: string, trail: string[]): string[] | undefined => {
    const t = resolver.resolve(name);
    if (!t) return undefined;
    for (const next of directRefs(t)) {
      if (next === start) return [...trail, next];
      if (trail.includes(next)) continue;
      const found = visit(next, [...trail, next]);
      if (found) return found;
    }
    return undefined;
  };
  return visit(start, [start]);
}

/** Names `t` stands for directly: through optionals, unions and intersections, but not into tables or functions. */
function directRefs(t: Type): string[] {
  switch (t.kind) {
    case 'ref': return [t.name];
    case 'optional': return directRefs(t.type);
    case 'union': case 'intersection': return t.types.flatMap(directRefs);
    default: return [];
  }
}
