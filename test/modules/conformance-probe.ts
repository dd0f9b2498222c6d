// The dynamic half of the no-drift check: runs one Lua call per manifest function on the real
// engine and scheduler, recording which commands reached a dispatcher. A function marked `yields`
// must issue at least one command, each declared in build().yields; any other must issue none.
import type { Dispatcher, LuaValue } from '../../src/module/host-api';
import type { ModuleDef } from '../../src/module/module-def';
import { clockDispatcher } from '../../src/runtime/clock-dispatcher';
import { createEngine } from '../../src/runtime/engine';
import { createProcess } from '../../src/runtime/process';
import { createScheduler } from '../../src/runtime/scheduler';
import { ALLOW_ALL } from './vm';

/** Every function of a manifest by path: `fs.read` (export), `time.Time:add` (method). */
export function manifestFunctions(def: ModuleDef): { path: string; yields: boolean }[] {
  const m = def.types();
  const out: { path: string; yields: boolean }[] = [];
  const visit = (prefix: string, fields: Readonly<Record<string, import('../../src/types/type').Field>> | undefined) => {
    for (const [k, f] of Object.entries(fields ?? {})) if (f.type.kind === 'function') out.push({ path: prefix + k, yields: !!f.type.yields });
  };
  if (m.exportType?.kind === 'record') visit(`${def.name}.`, m.exportType.fields);
  for (const e of m.types.values()) if (e.type.kind === 'interface') visit(`${e.type.name}:`, e.type.methods);
  return out;
}

/** Wraps a dispatcher so that every command it receives is appended to `log`. */
function recording(d: Dispatcher, log: string[]): Dispatcher {
  return {
    name: d.name,
    registerAll(register) {
      d.registerAll((cmdId, handler) => register(cmdId, (cmd, ctx) => {
        log.push(cmdId);
        return handler(cmd, ctx);
      }));
    },
  };
}

export interface ProbeOutcome {
  readonly commands: string[];
  readonly error?: string;
  readonly values: LuaValue[];
}

/** A probe bench: one engine with `modules`, a scheduler whose dispatchers record commands. */
export function createProbeBench(modules: readonly ModuleDef[], host: { fsRoot?: string; env?: Record<string, string> }) {
  const engine = createEngine({ modules, fsRoot: host.fsRoot, env: host.env, output: () => undefined });
  const log: string[] = [];
  const dispatchers = [clockDispatcher(), ...engine.dispatchers].map((d) => recording(d, log));
  const scheduler = createScheduler({ dispatchers });
  let n = 0;
  return {
    /** cmdIds some dispatcher handles. */
    handles: (cmdId: string) => scheduler.registry.get(cmdId) !== undefined,
    async probe(script: string): Promise<ProbeOutcome> {
      log.length = 0;
      const p = createProcess(engine, engine.compile(script, 'probe.lua'), ALLOW_ALL);
      const r = await scheduler.execute(`probe-${++n}`, p);
      return { commands: [...log], values: r.values, ...(r.error ? { error: r.error.message } : {}) };
    },
    stop: () => scheduler.stop(),
  };
}

type Bench = ReturnType<typeof createProbeBench>;

/**
 * Probes every manifest function of `def` (calls from `probes`, keyed by path) and lists where the
 * behaviour disagrees with the manifest's `yields` flags or with build().yields.
 */
export async function yieldDrift(def: ModuleDef, bench: Bench, probes: Readonly<Record<string, string>>): Promise<string[]> {
  const declared = (def.build?.().yields ?? []).map((y) => y.cmdId);
  const problems: string[] = [];
  for (const cmdId of declared) if (!bench.handles(cmdId)) problems.push(`${cmdId}: declared but no dispatcher handles it`);
  for (const { path, yields } of manifestFunctions(def)) {
    const probe = probes[path];
    if (!probe) { problems.push(`${path}: no probe call (add one to PROBES)`); continue; }
    const r = await bench.probe(probe);
    if (r.error) { problems.push(`${path}: probe failed: ${r.error}`); continue; }
    if (yields && r.commands.length === 0) problems.push(`${path}: marked yields but issued no command`);
    if (!yields && r.commands.length > 0) problems.push(`${path}: not marked yields but issued ${r.commands.join(', ')}`);
    for (const c of r.commands) if (!declared.includes(c)) problems.push(`${path}: issued ${c}, not declared in build().yields`);
  }
  return problems;
}
