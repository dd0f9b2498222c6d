import { afterEach, describe, expect, it } from 'vitest';
import { isAllowed, matchPattern, parseGrant, parsePolicies, type Policy } from '../../src/runtime/security';
import { createTestScheduler, type TestScheduler } from '../../src/runtime/test-scheduler';
import { greetModule } from './fixtures';

const actor = { id: 'ann' };
const scope = (...policies: Policy[]) => ({ policies });

describe('security policies', () => {
  it('patterns: exact, * and prefix', () => {
    expect(matchPattern('fs.read', 'fs.read')).toBe(true);
    expect(matchPattern('fs.read', 'fs.readx')).toBe(false);
    expect(matchPattern('*', 'anything')).toBe(true);
    expect(matchPattern('fs.*', 'fs.write')).toBe(true);
    expect(matchPattern('/data/*', '/data/a/b')).toBe(true);
    expect(matchPattern('/data/*', '/etc/passwd')).toBe(false);
  });
  it('default deny: no actor, no scope, or nothing matching', () => {
    const allow = { actions: ['*'], effect: 'allow' } as const;
    expect(isAllowed({ scope: scope(allow) }, 'fs.read', '/x')).toBe(false);
    expect(isAllowed({ actor }, 'fs.read', '/x')).toBe(false);
    expect(isAllowed({ actor, scope: scope({ actions: ['net.*'], effect: 'allow' }) }, 'fs.read', '/x')).toBe(false);
    expect(isAllowed({ actor, scope: scope(allow) }, 'fs.read', '/x')).toBe(true);
  });
  it('deny wins over allow, whatever the order', () => {
    const s = scope(
      { actions: ['fs.*'], resources: ['/data/*'], effect: 'allow' },
      { actions: ['fs.read'], resources: ['/data/secret*'], effect: 'deny' },
    );
    expect(isAllowed({ actor, scope: s }, 'fs.read', '/data/a.txt')).toBe(true);
    expect(isAllowed({ actor, scope: s }, 'fs.read', '/data/secret.txt')).toBe(false);
    expect(isAllowed({ actor, scope: s }, 'fs.write', '/data/secret.txt')).toBe(true);
    expect(isAllowed({ actor, scope: s }, 'fs.read', '/other')).toBe(false);
  });
  it('parses CLI grants and policy files, naming the JSON path of a problem', () => {
    expect(parseGrant('fs.read')).toEqual({ actions: ['fs.read'], resources: undefined, effect: 'allow' });
    expect(parseGrant('fs.read:/data/*')).toEqual({ actions: ['fs.read'], resources: ['/data/*'], effect: 'allow' });
    expect(() => parseGrant(':x')).toThrow("invalid --allow ':x'");
    expect(parsePolicies({ policies: [{ actions: ['a'], effect: 'deny' }] })).toEqual([{ actions: ['a'], resources: undefined, effect: 'deny' }]);
    expect(() => parsePolicies({ policies: [{ actions: ['a'], effect: 'maybe' }] })).toThrow('$.policies[0].effect: expected "allow" or "deny"');
    expect(() => parsePolicies([{ actions: [] , effect: 'allow' }])).toThrow('$[0].actions');
    expect(() => parsePolicies(3)).toThrow('$: expected an object');
  });
});

describe('permission checks in host functions', () => {
  let ts: TestScheduler;
  afterEach(() => ts?.stop());
  it('a denied call returns nil, err PERMISSION_DENIED naming action and resource', async () => {
    ts = createTestScheduler({ modules: [greetModule] });
    const src = 'local v, e = greet.read("/etc/passwd") if e then return nil, e:kind(), e:message() end return v';
    const denied = await ts.run(src, { actor, scope: scope({ actions: ['fs.read'], resources: ['/data/*'], effect: 'allow' }) });
    expect(denied.values).toEqual([null, 'PERMISSION_DENIED', "permission denied: fs.read on '/etc/passwd'"]);
    const strict = await ts.run(src);
    expect(strict.values[1]).toBe('PERMISSION_DENIED');
    const allowed = await ts.run(src, { actor, scope: scope({ actions: ['fs.read'], effect: 'allow' }) });
    expect(allowed.values).toEqual(['contents of /etc/passwd']);
  });
});
