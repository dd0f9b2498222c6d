// Validates a parsed manifest against manifests/schema.json with ajv and turns ajv's errors into
// one readable message per JSON path.
import type { ErrorObject, ValidateFunction } from 'ajv';
import generatedValidator from './manifest-validator.generated';

export interface SchemaProblem {
  readonly path: readonly (string | number)[];
  readonly message: string;
}

/**
 * The validator: ajv's code for manifests/schema.json, generated ahead of time by
 * scripts/gen-validators.mjs (loading ajv and compiling the schema cost ~90 ms of start-up).
 */
const validate = generatedValidator as unknown as ValidateFunction;

/** Problems with `value` as a manifest; empty when it conforms to the schema. */
export function checkManifestSchema(value: unknown): SchemaProblem[] {
  if (validate(value)) return [];
  return summarise(validate.errors ?? [], value);
}

/** Keeps, per instance path, the most specific errors; `oneOf` alternatives are merged into one message. */
function summarise(errors: readonly ErrorObject[], value: unknown): SchemaProblem[] {
  const byPath = new Map<string, ErrorObject[]>();
  for (const e of errors) {
    if (e.keyword === 'oneOf' || e.keyword === 'not' || e.keyword === 'if' || e.keyword === 'propertyNames') continue;
    const list = byPath.get(e.instancePath) ?? [];
    list.push(e);
    byPath.set(e.instancePath, list);
  }
  // Drop a path when a deeper path below it explains the failure.
  const paths = [...byPath.keys()].filter((p) => ![...byPath.keys()].some((q) => q !== p && q.startsWith(p + '/')));
  return paths.map((p) => {
    const segments = p.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
    const path = segments.map((s, i) => (Array.isArray(at(value, segments.slice(0, i))) ? globalThis.Number(s) : s));
    return { path, message: describe(byPath.get(p)!) };
  });
}

function describe(errors: readonly ErrorObject[]): string {
  const types = errors.filter((e) => e.keyword === 'type').map((e) => String(e.params['type']));
  const others = errors.filter((e) => e.keyword !== 'type');
  const messages = new Set<string>();
  for (const e of others) {
    if (e.propertyName !== undefined) messages.add(`invalid name '${e.propertyName}' (${e.message ?? e.keyword})`);
    else if (e.keyword === 'additionalProperties') messages.add(`unknown property '${String(e.params['additionalProperty'])}'`);
    else if (e.keyword === 'required') messages.add(`missing property '${String(e.params['missingProperty'])}'`);
    else if (e.keyword === 'enum') messages.add(`must be one of ${(e.params['allowedValues'] as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`);
    else messages.add(e.message ?? e.keyword);
  }
  if (types.length && messages.size === 0) return `must be ${[...new Set(types)].map(article).join(' or ')}`;
  return [...messages].join('; ');
}

const article = (t: string): string => (t === 'object' || t === 'array' || t === 'integer' ? `an ${t}` : `a ${t}`);

function at(value: unknown, path: readonly string[]): unknown {
  let cur = value;
  for (const seg of path) cur = cur !== null && typeof cur === 'object' ? (cur as Record<string, unknown>)[seg] : undefined;
  return cur;
}
