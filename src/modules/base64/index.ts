// The `base64` module definition.
import { ModuleClass, type ModuleDef } from '../../module/module-def';
import { base64Functions } from './functions';
import { BASE64_DESCRIPTION, base64Manifest } from './manifest';

export const base64Module: ModuleDef = {
  name: 'base64',
  description: BASE64_DESCRIPTION,
  class: [ModuleClass.Encoding, ModuleClass.Deterministic],
  types: base64Manifest,
  build: () => ({ table: { ...base64Functions } }),
  source: 'src/modules/base64/index.ts',
};
