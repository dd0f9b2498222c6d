// The `logger` module definition: the module value is the root `logger.Logger` userdata.
import { ModuleClass, type ModuleDef } from '../../module/module-def';
import { LOGGER_TYPE, loggerType, rootLogger } from './functions';
import { LOGGER_DESCRIPTION, loggerManifest } from './manifest';

export const loggerModule: ModuleDef = {
  name: 'logger',
  description: LOGGER_DESCRIPTION,
  class: [ModuleClass.IO],
  types: loggerManifest,
  build: () => ({ table: {}, userdata: [loggerType], value: { typeName: LOGGER_TYPE, value: rootLogger } }),
  source: 'src/modules/logger/index.ts',
};
