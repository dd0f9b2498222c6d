// Security: an actor and a scope of policies decide what host functions may do. Patterns are exact,
// `*` (anything) or a prefix ending in `*` (`fs.*`, `data/*`); any matching deny wins;
// nothing matching denies; no actor or no scope denies everything.
import type { LuaErrorInit } from '../module/host-api';

export interface Actor {
  readonly id: string;
  readonly metadata?: Readonly<Record<string, unknown>>;
}

export interface Policy {
  /** Action patterns, e.g. `fs.read`, `fs.*`, `*`. */
  readonly actions: readonly string[];
  /** Resource patterns, e.g. `/data/*`; absent means any resource. */
  readonly resources?: readonly string[];
  readonly effect: 'allow' | 'deny';
}

export interface SecurityScope { readonly policies: readonly Policy[] }

export interface SecurityContext {
  readonly actor?: Actor;
  readonly scope?: SecurityScope;
}

/** `*` matches anything; `p*` matches every value starting with `p`; otherwise exact. */
export function matchPattern(pattern: string, value: string): boolean {
  if (pattern === '*') return true;
  if (pattern.endsWith('*')) return value.startsWith(pattern.slice(0, -1));
  return pattern === value;
}

/** Whether `actor` may perform `action` on `resource` under `scope` (deny wins; default deny). */
export function isAllowed(ctx: SecurityContext, action: string, resource: string, _meta?: Record<string, unknown>): boolean {
  if (!ctx.actor || !ctx.scope) return false;
  let allowed = false;
  for (const p of ctx.scope.policies) {
    if (!p.actions.some((a) => matchPattern(a, action))) continue;
    if (p.resources && !p.resources.some((r) => matchPattern(r, resource))) continue;
    if (p.effect === 'deny') return false;
    allowed = true;
  }
  return allowed;
}

/** The error a host function returns (as `nil, err`) when `isAllowed` says no. */
export function permissionDenied(action: string, resource: string): LuaErrorInit {
  return {
    message: `permission denied: ${action} on '${resource}'`,
    kind: 'PERMISSION_DENIED',
    retryable: false,
    details: { action, resource },
  };
}

/**
 * Parses a CLI grant `ACTION[:RESOURCE]` into an allow policy (no `:RESOURCE`: any resource).
 * An empty resource (`fs.read:`, typically an unset `$VAR`) is an error, never "any resource".
 */
export function parseGrant(grant: string): Policy {
  const colon = grant.indexOf(':');
  const action = colon < 0 ? grant : grant.slice(0, colon);
  const resource = colon < 0 ? undefined : grant.slice(colon + 1);
  if (action === '') throw new Error(`invalid --allow '${grant}': expected ACTION[:RESOURCE]`);
  if (resource === '') {
    throw new Error(`invalid --allow '${grant}': the resource after ':' is empty (an unset variable?); write '${action}' alone to allow every resource`);
  }
  return { actions: [action], resources: resource === undefined ? undefined : [resource], effect: 'allow' };
}

/**
 * fs resources are paths relative to the fs root (`data/*`). In a policy whose actions are all
 * `fs.*` ones, an absolute resource inside the root (`/srv/root/data/*` with root `/srv/root`) is
 * rewritten relative to it; one outside the root can never match and is an error naming it.
 * `roots` are the root's spellings (as given and its real path).
 */
export function rootRelativeFsResources(policy: Policy, roots: readonly string[]): Policy {
  if (!policy.resources || !policy.actions.every((a) => a.startsWith('fs.') || a === 'fs*')) return policy;
  const resources = policy.resources.map((r) => {
    if (!r.startsWith('/')) return r;
    const star = r.endsWith('*');
    const path = star ? r.slice(0, -1) : r;
    for (const root of roots) {
      const base = root.endsWith('/') ? root : root + '/';
      if (path === root || path === base) return star ? '*' : '.';
      if (path.startsWith(base)) return path.slice(base.length) + (star ? '*' : '');
    }
    throw new Error(`resource '${r}' is outside the fs root ${roots[0]}: fs resources are paths relative to the root (e.g. 'data/*')`);
  });
  return { ...policy, resources };
}

/**
 * Reads a policy file's JSON: `{"policies": [{"actions": [...], "resources": [...], "effect": "allow"}]}`
 * (or the array alone). Throws an Error naming the JSON path of the first problem.
 */
export function parsePolicies(json: unknown): Policy[] {
  const list = Array.isArray(json) ? json : (json as { policies?: unknown } | null)?.policies;
  const base = Array.isArray(json) ? '$' : '$.policies';
  if (!Array.isArray(list)) throw new Error(`$: expected an object with a "policies" array`);
  return list.map((p: unknown, i) => {
    const at = `${base}[${i}]`;
    if (p === null || typeof p !== 'object') throw new Error(`${at}: expected an object`);
    const { actions, resources, effect } = p as Record<string, unknown>;
    if (!isStringList(actions) || actions.length === 0) throw new Error(`${at}.actions: expected a non-empty array of strings`);
    if (resources !== undefined && !isStringList(resources)) throw new Error(`${at}.resources: expected an array of strings`);
    if (effect !== 'allow' && effect !== 'deny') throw new Error(`${at}.effect: expected "allow" or "deny"`);
    return { actions, resources, effect };
  });
}

function isStringList(v: unknown): v is string[] {
  return Array.isArray(v) && v.every((x) => typeof x === 'string');
}
