// The `time` module definition.
import { ModuleClass, type ModuleDef } from '../../module/module-def';
import { durationType, timeConstants, timeFunctions, timeType } from './functions';
import { TIME_DESCRIPTION, timeManifest } from './manifest';
import { SLEEP_COMMAND } from './sleep';

export const timeModule: ModuleDef = {
  name: 'time',
  description: TIME_DESCRIPTION,
  class: [ModuleClass.Time, ModuleClass.Nondeterministic],
  types: timeManifest,
  build: () => ({
    table: { ...timeConstants, ...timeFunctions },
    userdata: [timeType, durationType],
    yields: [{ cmdId: SLEEP_COMMAND, description: 'time.sleep: resume after a delay (clock dispatcher)' }],
  }),
  source: 'src/modules/time/index.ts',
};
