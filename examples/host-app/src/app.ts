// The host application: one luamod runtime (each module built once) that runs customers' scripts
// with their own permissions and a time limit.
import { readFile } from 'node:fs/promises';
import { createRuntime, type RunResult, type Runtime } from 'luamod';
import { createStock, inventoryModule, type Item } from './inventory';
import { mailDispatcher, mailerModule, type Outbox } from './mailer';

export interface App {
  readonly stock: Map<string, Item>;
  readonly outbox: Outbox;
  /** Runs a customer's script as `customer`, who may mail the addresses in `mailTo`. */
  runFile(path: string, customer: string, mailTo?: readonly string[]): Promise<RunResult>;
  close(): Promise<void>;
}

export function createApp(): App {
  const stock = createStock();
  const outbox: Outbox = [];
  const runtime: Runtime = createRuntime({
    modules: [inventoryModule(stock), mailerModule],
    dispatchers: [mailDispatcher(outbox)],
    limits: { timeoutMs: 2000 },
  });
  return {
    stock,
    outbox,
    async runFile(path, customer, mailTo = []) {
      return runtime.run(await readFile(path, 'utf8'), {
        name: path,
        actor: { id: customer },
        permissions: [{ actions: ['mailer.send'], resources: [...mailTo], effect: 'allow' }],
      });
    },
    close: () => runtime.close(),
  };
}
