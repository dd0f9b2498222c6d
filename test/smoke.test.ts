import { describe, expect, it } from 'vitest';
import { isWorkflowSafe, ModuleClass } from '../src/module';
import { newManifest } from '../src/types';

describe('foundation smoke', () => {
  it('workflow rule: deterministic or workflow', () => {
    expect(isWorkflowSafe({ class: [ModuleClass.Deterministic] })).toBe(true);
    expect(isWorkflowSafe({ class: [ModuleClass.IO, ModuleClass.Workflow] })).toBe(true);
    expect(isWorkflowSafe({ class: [ModuleClass.IO] })).toBe(false);
  });
  it('manifest member lookup', () => {
    const m = newManifest('t');
    m.setExport({ kind: 'record', fields: { now: { type: { kind: 'number' } } } });
    expect(m.lookupMember('now')?.type.kind).toBe('number');
    expect(m.lookupMember('t.now')?.type.kind).toBe('number');
    expect(m.lookupMember('nope')).toBeUndefined();
  });
});
