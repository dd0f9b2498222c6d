// The `mailer` module: sends mail through the host. `mailer.send` yields (the host sends
// asynchronously while other scripts run) and needs the permission `mailer.send` on the recipient.
import { ModuleClass, fn, newManifest, permissionDenied, type Dispatcher, type LuaErrorInit, type ModuleDef } from 'luamod';

export const SEND = 'mailer.send';

export interface Mail { readonly to: string; readonly body: string; readonly from: string }

/** Where sent mail goes: the host's outbox (a real host would call its mail service here). */
export type Outbox = Mail[];

export const mailerModule: ModuleDef = {
  name: 'mailer',
  description: 'Sends mail on behalf of the script\'s actor (needs the `mailer.send` permission on the recipient).',
  class: [ModuleClass.Network],
  types: () => newManifest('mailer', 'Sends mail.').setExport({
    kind: 'record', name: 'mailer', fields: {
      send: fn({
        sig: 'fun(to: string, body: string) -> (string?, Error?)', yields: true,
        description: 'Sends `body` to `to`; returns the message id.',
        errors: ['PERMISSION_DENIED', 'INVALID', 'UNAVAILABLE'], example: 'local id, err = mailer.send("ops@example.com", "restock apples")',
      }),
    },
  }),
  build: () => ({
    table: {
      send: (l) => {
        const to = l.checkString(1);
        const body = l.checkString(2);
        const ctx = l.context();
        if (!ctx.isAllowed(SEND, to)) {
          l.push(null);
          l.pushError(permissionDenied(SEND, to));
          return 2;
        }
        if (!to.includes('@')) {
          l.push(null);
          l.pushError({ message: `not an address: '${to}'`, kind: 'INVALID' } satisfies LuaErrorInit);
          return 2;
        }
        return l.yield({ cmdId: SEND, toCommand: () => ({ to, body, from: ctx.actor?.id ?? 'unknown' } satisfies Mail) });
      },
    },
    yields: [{ cmdId: SEND, description: 'mailer.send: deliver one mail (the host\'s mail dispatcher)' }],
  }),
};

/** Handles `mailer.send`: appends to the outbox after a short delay (as a network call would take). */
export function mailDispatcher(outbox: Outbox): Dispatcher {
  return {
    name: 'mailer',
    registerAll: (register) => register(SEND, async (command) => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      outbox.push(command as Mail);
      return `msg-${outbox.length}`;
    }),
  };
}
