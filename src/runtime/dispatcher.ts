// The command registry: dispatchers register handlers by command id; two handlers for one id are a
// start-up error naming both dispatchers.
import type { CommandHandler, Dispatcher } from '../module/host-api';

export interface HandlerRegistry {
  /** The handler of `cmdId`, if any. */
  get(cmdId: string): CommandHandler | undefined;
  /** Registers one handler (owner names it in conflict errors). */
  register(cmdId: string, handler: CommandHandler, owner?: string): void;
  /** Calls every dispatcher's `registerAll`. */
  registerAll(dispatchers: readonly Dispatcher[]): void;
}

export function createHandlerRegistry(dispatchers: readonly Dispatcher[] = []): HandlerRegistry {
  const handlers = new Map<string, { handler: CommandHandler; owner: string }>();
  const registry: HandlerRegistry = {
    get: (cmdId) => handlers.get(cmdId)?.handler,
    register(cmdId, handler, owner = 'anonymous') {
      const existing = handlers.get(cmdId);
      if (existing) {
        throw new Error(`command '${cmdId}' has two handlers: dispatcher '${existing.owner}' and dispatcher '${owner}'`);
      }
      handlers.set(cmdId, { handler, owner });
    },
    registerAll(list) {
      for (const d of list) d.registerAll((cmdId, handler) => registry.register(cmdId, handler, d.name));
    },
  };
  registry.registerAll(dispatchers);
  return registry;
}
