import { describe, expect, it } from 'vitest';
import { ModuleClass, type ModuleDef } from '../../src/module';
import { workflowModules, workflowViolations } from '../../src/runtime/workflow';
import { newManifest } from '../../src/types';

const mod = (name: string, ...cls: ModuleClass[]): ModuleDef => ({ name, description: '', class: cls, types: () => newManifest(name) });
const modules = [mod('fs', ModuleClass.IO), mod('json', ModuleClass.Deterministic), mod('flow', ModuleClass.IO, ModuleClass.Workflow)];

describe('workflow mode', () => {
  it('keeps only deterministic or workflow modules', () => {
    expect(workflowModules(modules).map((m) => m.name)).toEqual(['json', 'flow']);
  });
  it('finds required or global uses of other modules, with the line', () => {
    expect(workflowViolations('local x = 1\nlocal f = require("fs")', modules)).toEqual([{ module: 'fs', line: 2, classes: ['io'] }]);
    expect(workflowViolations('\n\nprint(fs.read_file("x"))', modules)[0]?.line).toBe(3);
    expect(workflowViolations('print(json.encode({}), flow.x)', modules)).toEqual([]);
  });
  it('ignores comments, other names and locals of the same name', () => {
    expect(workflowViolations('-- fs.read_file("x")\n--[[ require("fs") ]]', modules)).toEqual([]);
    expect(workflowViolations('local fsx = 1 print(myfs.x, t.fs.y)', modules)).toEqual([]);
    expect(workflowViolations('local fs = {read = print}\nfs.read("x")', modules)).toEqual([]);
  });
});
