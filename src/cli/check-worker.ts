// The worker thread of `luamod check` (dist/check-worker.js): a bundle of the checker alone, so it
// starts in a fraction of the CLI's time. It takes files from the list the main thread sends, one
// at a time from the counter they share, and posts back each one's outcome (no text unless quoted).
import { resolve } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { configLookup, FileChecker, type CheckWorkerData, type CheckWorkerTask, type Outcome } from './commands/check';
import { loadConfig } from '../config/config';

const data = workerData as CheckWorkerData;
const configOf = configLookup(data.config ? loadConfig(data.config) : undefined);
const checker = new FileChecker(configOf, data.keepText);

// While the main thread plans the files, build the environment the first of them most likely needs.
const first = data.paths[0];
if (first !== undefined) {
  const c = configOf(first.endsWith('.lua') ? resolve(first) : resolve(first, '.luamodrc.json'));
  if (c.config) checker.envOf(c.config);
}

parentPort!.once('message', (task: CheckWorkerTask) => {
  const done: Array<[number, Outcome]> = [];
  for (let i = Atomics.add(task.next, 0, 1); i < task.files.length; i = Atomics.add(task.next, 0, 1)) done.push([i, checker.check(task.files[i]!, undefined, task.roots[i])]);
  parentPort!.postMessage(done);
});
