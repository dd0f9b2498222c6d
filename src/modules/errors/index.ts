// The `errors` library as a ModuleDef, so the checker, hover and the docs know it. The runtime
// installs the same build in every engine as an always-present global.
import { ModuleClass, type ModuleDef } from '../../module/module-def';
import { errorsBuild } from '../../runtime/errors';
import { ERRORS_DESCRIPTION, errorsManifest } from './manifest';

export const errorsModule: ModuleDef = {
  name: 'errors',
  description: ERRORS_DESCRIPTION,
  class: [ModuleClass.Deterministic],
  types: errorsManifest,
  // The `Error` userdata type is registered by every engine itself (its type is the shared
  // ErrorInterface, not an interface of this manifest), so the build declares only the table.
  build: errorsBuild,
  source: 'src/modules/errors/index.ts',
};
