// Host profiles: which Lua a file is written for (`runtime.version`) and which standard library it
// sees (`runtime.library`), read from the settings. The version picks the grammar (parse.ts), the
// library manifest (manifests/stdlib) and whether `integer` is a subtype of `number`.
import { hasOwn } from '../types/own-props';
import type { Field, RecordType, Type } from '../types/type';
import type { CheckerEnvironment } from './environment';

/** A Lua version the checker knows. */
export type LuaVersion = '5.1' | '5.2' | '5.3' | '5.4' | 'luajit';
/** `sandbox`: what `luamod run` provides (cut to the version's names); `full`: the version's whole library. */
export type LibraryKind = 'sandbox' | 'full';

export const LUA_VERSIONS: readonly LuaVersion[] = ['5.1', '5.2', '5.3', '5.4', 'luajit'];

/** `runtime` of .luamodrc.json as the checker reads it (both keys optional). */
export interface RuntimeSettings {
  readonly version?: LuaVersion;
  readonly library?: LibraryKind;
}

export interface RuntimeProfile {
  readonly version: LuaVersion;
  readonly library: LibraryKind;
}

/** The profile the settings ask for; defaults: 5.3 (what luamod runs) and the sandbox library. */
export function runtimeProfile(runtime: RuntimeSettings | undefined): RuntimeProfile {
  const version = runtime?.version && LUA_VERSIONS.includes(runtime.version) ? runtime.version : '5.3';
  return { version, library: runtime?.library === 'full' ? 'full' : 'sandbox' };
}

/** Whether the version has an integer subtype (5.3, 5.4); elsewhere `number` fits `integer`. */
export function hasIntegers(version: LuaVersion): boolean {
  return version === '5.3' || version === '5.4';
}

/** `env` with the profile's standard library (the environment itself for the default profile). */
export function profileEnvironment(env: CheckerEnvironment, profile: RuntimeProfile): CheckerEnvironment {
  if (profile.version === '5.3' && profile.library === 'sandbox') return env;
  return env.withStdlib?.(profile.version, profile.library) ?? env;
}

/**
 * Applies dotted `globals` keys (`"coroutine._yield": "fun(...any) -> ...any"`, `"ngx.var": "any"`):
 * each adds a field to a configured global, to a standard or host table, to a module used as a
 * global (`"time.extra"`), or to a new open record.
 * Returns the configured globals with the roots that had to be created or extended, and an
 * environment whose globals carry the extended tables.
 */
export function extendGlobals(env: CheckerEnvironment, configured: Map<string, Type>, dotted: ReadonlyArray<readonly [string, Type]>): CheckerEnvironment {
  if (dotted.length === 0) return env;
  const envExtended = new Map<string, Field>();
  const deref = (t: Type): Type => {
    for (let i = 0; t.kind === 'ref' && i < 16; i++) t = env.resolve(t.name) ?? t;
    return t;
  };
  for (const [path, type] of dotted) {
    const [root, ...rest] = path.split('.');
    if (!root || rest.some((p) => p === '')) continue;
    const own = configured.get(root);
    if (own) { configured.set(root, withField(own, rest, type, deref)); continue; }
    const g = envExtended.get(root) ?? env.globals().get(root);
    const mod = g ? undefined : env.module(root);
    if (g) envExtended.set(root, { ...g, type: withField(g.type, rest, type, deref) });
    else if (mod) configured.set(root, withField(mod.type, rest, type, deref));
    else configured.set(root, withField({ kind: 'record', fields: {}, open: true }, rest, type, deref));
  }
  if (envExtended.size === 0) return env;
  let globals: Map<string, Field> | undefined;
  return {
    ...env,
    globals() {
      globals ??= new Map([...env.globals(), ...envExtended]);
      return globals;
    },
  };
}

/** `base` (a record, or a name of one) with `path` set to `type`; `any` stays `any`. */
function withField(base: Type, path: readonly string[], type: Type, deref: (t: Type) => Type): Type {
  const [head, ...rest] = path;
  if (head === undefined) return type;
  const t = deref(base);
  if (t.kind !== 'record') return t.kind === 'any' ? t : base;
  const inner: Type = hasOwn(t.fields, head) ? t.fields[head]!.type : { kind: 'record', fields: {}, open: true };
  const fields: Record<string, Field> = { ...t.fields, [head]: { ...(hasOwn(t.fields, head) ? t.fields[head] : {}), type: withField(inner, rest, type, deref) } };
  const out: RecordType = { ...t, fields };
  return out;
}
