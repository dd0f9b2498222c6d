// The built-in modules, in the order `luamod manifest` lists them.
import type { ModuleDef } from '../module/module-def';

export const builtinModules: readonly ModuleDef[] = [];
