// The built-in modules, in the order `luamod manifest` lists them.
import type { ModuleDef } from '../module/module-def';
import { base64Module } from './base64';
import { envModule } from './env';
import { errorsModule } from './errors';
import { fsModule } from './fs';
import { hashModule } from './hash';
import { jsonModule } from './json';
import { loggerModule } from './logger';
import { timeModule } from './time';
import { uuidModule } from './uuid';

export const builtinModules: readonly ModuleDef[] = [
  timeModule, jsonModule, base64Module, hashModule, uuidModule, envModule, loggerModule, fsModule,
  // Always present in every engine as a global; listed so the checker, hover and docs know it.
  errorsModule,
];
