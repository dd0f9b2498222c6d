// The module file luamod's tools load (.luamodrc.json "modules": ["./dist/modules.js"]) and a
// "pool" runtime loads in each worker: it exports `modules` and `dispatchers`.
import { inventoryModule } from './inventory';
import { mailDispatcher, mailerModule, type Outbox } from './mailer';

export const outbox: Outbox = [];
export const modules = [inventoryModule(), mailerModule];
export const dispatchers = [mailDispatcher(outbox)];
