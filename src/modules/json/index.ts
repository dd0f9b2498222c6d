// The `json` module definition.
import { ModuleClass, type ModuleDef } from '../../module/module-def';
import { jsonFunctions } from './functions';
import { JSON_DESCRIPTION, jsonManifest } from './manifest';

export const jsonModule: ModuleDef = {
  name: 'json',
  description: JSON_DESCRIPTION,
  class: [ModuleClass.Encoding, ModuleClass.Deterministic],
  types: jsonManifest,
  build: () => ({ table: { ...jsonFunctions } }),
  source: 'src/modules/json/index.ts',
};
