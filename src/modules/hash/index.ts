// The `hash` module definition.
import { ModuleClass, type ModuleDef } from '../../module/module-def';
import { hashFunctions } from './functions';
import { HASH_DESCRIPTION, hashManifest } from './manifest';

export const hashModule: ModuleDef = {
  name: 'hash',
  description: HASH_DESCRIPTION,
  class: [ModuleClass.Encoding, ModuleClass.Deterministic],
  types: hashManifest,
  build: () => ({ table: { ...hashFunctions } }),
  source: 'src/modules/hash/index.ts',
};
