// The `fs` module definition: every function yields to the fs dispatcher.
import { ModuleClass, type ModuleDef } from '../../module/module-def';
import { fsDispatcher } from './dispatcher';
import { FS_COMMANDS, fsFunctions } from './functions';
import { FS_DESCRIPTION, fsManifest } from './manifest';

export const fsModule: ModuleDef = {
  name: 'fs',
  description: FS_DESCRIPTION,
  class: [ModuleClass.IO, ModuleClass.Storage],
  types: fsManifest,
  build: () => ({
    table: { ...fsFunctions },
    yields: Object.values(FS_COMMANDS).map((cmdId) => ({ cmdId, description: `fs ${cmdId.slice(3)} under the fs root` })),
    dispatchers: [fsDispatcher],
  }),
  source: 'src/modules/fs/index.ts',
};
