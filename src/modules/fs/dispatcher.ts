// The fs dispatcher: handles the `fs.*` commands with async node:fs I/O confined to the process's
// fs root (`ProcessContext.host.fsRoot`). Without a root every command is PERMISSION_DENIED.
import type { CommandHandler, Dispatcher } from '../../module/host-api';
import { FS_COMMANDS } from './functions';
import { FsError, runFsCommand, type FsCommand } from './operations';

const handle: CommandHandler = async (command, ctx) => {
  const root = ctx.process.host.fsRoot;
  if (typeof root !== 'string' || root === '') {
    if ((command as FsCommand).op === 'exists') return false;
    throw new FsError('PERMISSION_DENIED', 'no fs root is configured for this engine');
  }
  try {
    // The policy is asked again about the path the command really reaches (after symlinks).
    return await runFsCommand(root, command as FsCommand, (action, path) => ctx.process.isAllowed(action, path));
  } catch (e) {
    if (e instanceof FsError && (command as FsCommand).op === 'exists') return false;
    throw e;
  }
};

/** The dispatcher the `fs` module registers (one handler for every `fs.*` command). */
export const fsDispatcher: Dispatcher = {
  name: 'fs',
  registerAll(register) {
    for (const cmdId of Object.values(FS_COMMANDS)) register(cmdId, handle);
  },
};
