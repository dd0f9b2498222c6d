// The static half of the no-drift check lives in src/module/module-drift.ts (public in luamod/testing).
export { staticDrift, yieldingMembers, functionAt } from '../../src/module/module-drift';
