// The `luamod` entry point: what a host needs to write modules (ModuleDef, LState, manifests, error
// helpers) and to run scripts against them (createRuntime).
export { ModuleClass, MODULE_CLASSES, isWorkflowSafe, type ModuleDef } from '../module/module-def';
export {
  registerTypeMethods, pushUserdata, checkUserdata, ERROR_KINDS,
  type LState, type LuaValue, type LuaUserdataRef, type LuaOpaque, type ErrorKind, type LuaErrorInit,
  type ProcessContext, type HostFunction, type Yield, type HandlerContext, type CommandHandler,
  type Dispatcher, type YieldType, type ModuleValue, type UserdataTypeDef, type ModuleBuild,
} from '../module/host-api';
export { newManifest, TypeManifest, type TypeEntry } from '../types/manifest';
export { parseType, tryParseType, TypeParseError } from '../types/parse';
export { typeToString } from '../types/print';
export type { Type, Field, FunctionType, RecordType, InterfaceType, MemberDoc } from '../types/type';
export { fn, constant, exportRecord, userdataInterface, t, type MemberSpec } from '../modules/manifest-kit';
export { fail, failWith, userdataOf } from '../modules/host-kit';
export { permissionDenied, isAllowed, type Actor, type Policy, type SecurityScope } from '../runtime/security';
export { sleepYield, CLOCK_SLEEP } from '../runtime/clock-dispatcher';
export { builtinModules } from '../modules';
export { createRuntime } from '../embed/create-runtime';
export { checkDuration, DURATION_TYPE, type DurationArgOptions } from '../modules/time/duration-arg';
export type { Runtime, RuntimeOptions, RuntimeLimits, Isolation, RunSource, RunOptions, RunResult, RunError } from '../embed/types';
export { loadModuleFiles, checkModuleDef, type LoadedModuleFiles, type ModuleFileError } from '../module/module-file';
