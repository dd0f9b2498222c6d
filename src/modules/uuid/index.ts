// The `uuid` module definition.
import { ModuleClass, type ModuleDef } from '../../module/module-def';
import { uuidFunctions } from './functions';
import { UUID_DESCRIPTION, uuidManifest } from './manifest';

export const uuidModule: ModuleDef = {
  name: 'uuid',
  description: UUID_DESCRIPTION,
  class: [ModuleClass.Nondeterministic],
  types: uuidManifest,
  build: () => ({ table: { ...uuidFunctions } }),
  source: 'src/modules/uuid/index.ts',
};
