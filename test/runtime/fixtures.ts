// Test-only ModuleDefs used by the runtime tests: sync functions, userdata, yields, permissions.
import type { Dispatcher, LState, ModuleDef, Yield } from '../../src/module';
import { ModuleClass } from '../../src/module';
import { newManifest } from '../../src/types';
import { permissionDenied } from '../../src/runtime/security';
import { sleepYield } from '../../src/runtime/clock-dispatcher';

export interface Counter { n: number }

const fetchYield = (url: string): Yield => ({
  cmdId: 'test.fetch',
  toCommand: () => ({ url }),
  handleResult(l, data, err) {
    if (err) { l.push(null); l.pushError({ message: String((err as Error).message), kind: 'UNAVAILABLE', retryable: true }); return 2; }
    const d = data as { status: number; body: string };
    l.push({ status: d.status, body: d.body });
    return 1;
  },
});

/** `greet`: the reference note's example module, plus helpers for every runtime feature. */
export const greetModule: ModuleDef = {
  name: 'greet',
  description: 'Test module.',
  class: [ModuleClass.Deterministic],
  types: () => newManifest('greet'),
  build: () => ({
    table: {
      greet: (l: LState) => {
        const name = l.checkString(1);
        const greeting = l.optString(2, 'Hello');
        l.push(`${greeting}, ${name}!`);
        return 1;
      },
      add: (l) => { l.push(l.checkInt(1) + l.checkInt(2)); return 1; },
      num: (l) => { l.push(l.checkNumber(1)); return 1; },
      flag: (l) => { l.push(!l.checkBool(1)); return 1; },
      echo: (l) => { l.push(l.checkAny(1)); return 1; },
      keys: (l) => { const t = l.checkTable(1); l.push(Object.keys(t).sort().join(',')); return 1; },
      big: (l) => { l.push(3_000_000_000); l.push(2147483647); l.push(-2147483648); l.push(0.5); l.push(2 ** 53); return 5; },
      boom: () => { throw new Error('kaput'); },
      cyclic: (l) => { const a: { self?: unknown } = {}; a.self = a; l.push(a as never); return 1; },
      noreturn: (() => undefined) as unknown as (l: LState) => number,
      fail: (l) => { l.push(null); l.pushError({ message: 'no such thing', kind: 'NOT_FOUND', details: { id: 7 } }); return 2; },
      raise: (l) => l.raiseError({ message: 'raised', kind: 'CONFLICT', retryable: false }),
      fetch: (l) => l.yield(fetchYield(l.checkString(1))),
      orphan: (l) => l.yield({ cmdId: 'test.nobody', toCommand: () => ({}) }),
      sleep: (l) => l.yield(sleepYield(l.checkNumber(1))),
      read: (l) => {
        const path = l.checkString(1);
        if (!l.context().isAllowed('fs.read', path)) { l.push(null); l.pushError(permissionDenied('fs.read', path)); return 2; }
        l.push(`contents of ${path}`);
        return 1;
      },
      env: (l) => { l.push((l.context().host.env as Record<string, string>)[l.checkString(1)] ?? null); return 1; },
      counter: (l) => { l.pushUserdata({ n: l.optInt(1, 0) } satisfies Counter, 'greet.Counter'); return 1; },
      units: { second: 1000, minute: 60000 },
      VERSION: '1.0',
    },
    userdata: [{
      typeName: 'greet.Counter',
      methods: {
        inc: (l) => { const c = l.checkUserdata<Counter>(1, 'greet.Counter'); c.n += l.optInt(2, 1); l.pushUserdata(c, 'greet.Counter'); return 1; },
        get: (l) => { l.push(l.checkUserdata<Counter>(1, 'greet.Counter').n); return 1; },
        add: (l) => {
          const a = l.checkUserdata<Counter>(1, 'greet.Counter');
          const b = l.checkUserdata<Counter>(2, 'greet.Counter');
          l.pushUserdata({ n: a.n + b.n }, 'greet.Counter');
          return 1;
        },
      },
      metamethods: {
        __tostring: (l) => { l.push(`Counter(${l.checkUserdata<Counter>(1, 'greet.Counter').n})`); return 1; },
        __eq: (l) => { l.push(l.checkUserdata<Counter>(1, 'greet.Counter').n === l.checkUserdata<Counter>(2, 'greet.Counter').n); return 1; },
      },
    }],
  }),
};

/** Answers `test.fetch` at once (or fails for urls containing "down"). */
export const fetchDispatcher: Dispatcher = {
  name: 'fetcher',
  registerAll(register) {
    register('test.fetch', (cmd) => {
      const url = (cmd as { url: string }).url;
      if (url.includes('down')) throw new Error(`${url} is down`);
      return url.includes('slow') ? new Promise((r) => setTimeout(() => r({ status: 200, body: url }), 5)) : { status: 200, body: url };
    });
  },
};
