// The no-drift check of a module (public as `checkModuleDrift` in luamod/testing): compares a
// ModuleDef's manifest with what build() returns (exports, constants, userdata methods, yield
// declarations). Returns the disagreements as text.
import type { ModuleDef } from './module-def';
import type { ModuleBuild } from './host-api';
import { fieldsOf } from '../types/manifest';
import type { Field, FunctionType, InterfaceType, Type } from '../types/type';

/** The manifest's functions (exports and interface methods) that are marked `yields`, by path. */
export function yieldingMembers(def: ModuleDef): string[] {
  const m = def.types();
  const out: string[] = [];
  const visit = (prefix: string, fields: Readonly<Record<string, Field>> | undefined) => {
    for (const [k, f] of Object.entries(fields ?? {})) if (f.type.kind === 'function' && f.type.yields) out.push(prefix + k);
  };
  if (m.exportType?.kind === 'record') visit(`${def.name}.`, m.exportType.fields);
  for (const e of m.types.values()) visit(`${e.type.kind === 'interface' ? e.type.name : e.name}:`, fieldsOf(e.type));
  return out;
}

const sameKeys = (what: string, manifest: string[], built: string[]): string[] => {
  const problems: string[] = [];
  for (const k of built) if (!manifest.includes(k)) problems.push(`${what}: '${k}' is built but has no manifest entry`);
  for (const k of manifest) if (!built.includes(k)) problems.push(`${what}: '${k}' is in the manifest but not built`);
  return problems;
};

function constantMatches(type: Type, value: unknown): boolean {
  switch (type.kind) {
    case 'number': return typeof value === 'number';
    case 'integer': return typeof value === 'number' && Number.isInteger(value);
    case 'string': return typeof value === 'string';
    case 'boolean': return typeof value === 'boolean';
    case 'literal': return value === type.value;
    default: return true;
  }
}

/** Every disagreement between the manifest and the build of `def` (empty when they agree). */
export function staticDrift(def: ModuleDef): string[] {
  const m = def.types();
  const b: ModuleBuild | undefined = def.build?.();
  if (!b) return [];
  const problems: string[] = [];
  const interfaces = [...m.types.values()].filter((e) => e.type.kind === 'interface').map((e) => e.type as InterfaceType);

  // The export: a record of the table's members, or the userdata type of the module value.
  if (b.value) {
    const t = m.exportType;
    const named = t?.kind === 'ref' ? t.name : t?.kind === 'interface' ? t.name : undefined;
    if (named !== b.value.typeName && named !== `${def.name}.${b.value.typeName}`) {
      problems.push(`export: the module value is a ${b.value.typeName} but the manifest exports ${named ?? t?.kind}`);
    }
    if (Object.keys(b.table).length > 0) problems.push('export: a module whose value is a userdata builds table members too');
  } else {
    const fields = m.exportType?.kind === 'record' ? m.exportType.fields : {};
    problems.push(...sameKeys(`${def.name}`, Object.keys(fields), Object.keys(b.table)));
    for (const [k, f] of Object.entries(fields)) {
      const v = b.table[k];
      if (v === undefined) continue;
      if (f.type.kind === 'function' && typeof v !== 'function') problems.push(`${def.name}.${k}: a function in the manifest, a ${typeof v} when built`);
      if (f.type.kind !== 'function' && typeof v === 'function') problems.push(`${def.name}.${k}: a function when built, a ${f.type.kind} in the manifest`);
      if (f.type.kind !== 'function' && !constantMatches(f.type, v)) problems.push(`${def.name}.${k}: built value ${String(v)} is not a ${f.type.kind}`);
    }
  }

  // Userdata: each built type has an interface of that name with the same methods, and back.
  const built = b.userdata ?? [];
  for (const u of built) {
    const iface = interfaces.find((i) => i.name === u.typeName);
    if (!iface) { problems.push(`userdata ${u.typeName}: no interface of that name in the manifest`); continue; }
    problems.push(...sameKeys(`${u.typeName} methods`, Object.keys(iface.methods), Object.keys(u.methods)));
  }
  for (const i of interfaces) {
    if (!built.some((u) => u.typeName === i.name)) problems.push(`interface ${i.name}: declared in the manifest but no userdata type is built`);
  }

  // Yields: a module with yielding functions declares its commands, and only then.
  const yielding = yieldingMembers(def);
  const declared = b.yields ?? [];
  if (yielding.length > 0 && declared.length === 0) problems.push(`yields: ${yielding.join(', ')} marked yields but build() declares no yields`);
  if (yielding.length === 0 && declared.length > 0) problems.push(`yields: build() declares ${declared.map((y) => y.cmdId).join(', ')} but no function is marked yields`);
  return problems;
}

/**
 * Every disagreement between `def.types()` and `def.build()` (empty when they agree): members built
 * but not declared and back, constants of the wrong type, userdata methods, yield declarations.
 * @example expect(checkModuleDrift(counterModule)).toEqual([]);
 */
export function checkModuleDrift(def: ModuleDef): string[] {
  return staticDrift(def);
}

/** The manifest's function type of an export or method path (`fs.read`, `time.Time:add`). */
export function functionAt(def: ModuleDef, path: string): FunctionType | undefined {
  const m = def.types();
  const [owner, method] = path.includes(':') ? path.split(':') : [undefined, path.slice(def.name.length + 1)];
  const fields = owner ? fieldsOf(m.lookupType(owner)?.type) : fieldsOf(m.exportType);
  const t = fields?.[method]?.type;
  return t?.kind === 'function' ? t : undefined;
}
