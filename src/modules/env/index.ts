// The `env` module definition.
import { ModuleClass, type ModuleDef } from '../../module/module-def';
import { envFunctions } from './functions';
import { ENV_DESCRIPTION, envManifest } from './manifest';

export const envModule: ModuleDef = {
  name: 'env',
  description: ENV_DESCRIPTION,
  class: [ModuleClass.Process, ModuleClass.Nondeterministic],
  types: envManifest,
  build: () => ({ table: { ...envFunctions } }),
  source: 'src/modules/env/index.ts',
};
