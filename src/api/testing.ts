// The `luamod/testing` entry point: test a host module on the real VM (createTestScheduler) and
// check that its manifest and its build agree (checkModuleDrift).
export { createTestScheduler, type TestScheduler, type TestSchedulerOptions, type TestRun } from '../runtime/test-scheduler';
export { checkModuleDrift } from '../module/module-drift';
export type { ProcessResult } from '../runtime/scheduler';
export type { ScriptFailure } from '../runtime/failure';
export { clockDispatcher } from '../runtime/clock-dispatcher';
