// Global names: configured globals, the standard library and always-present globals, modules bound
// as globals, and globals the file assigns itself. Anything else is an undefined-global.
import type { Identifier } from 'luaparse';
import type { Type } from '../types/type';
import type { CheckContext } from './context';
import type { ModuleInfo } from './environment';
import { reportDeprecated } from './rules/deprecated';
import { reportUndefinedGlobal } from './rules/undefined-global';
import { checkWorkflowModule } from './rules/workflow-unsafe';
import { ANY } from './type-ops';

/** The type of a read of global `id` (reporting undefined-global, deprecated, workflow-unsafe). */
export function globalType(ctx: CheckContext, id: Identifier): Type {
  const name = id.name;
  const configured = ctx.config.globals.get(name);
  if (configured) return configured;
  // A global the file assigns itself is the file's, even when the standard library or a module
  // has the same name (`function error(msg) ... end` in an old-style module).
  if (ctx.binding.globalWrites.has(name) || name === '_ENV') return ctx.declaredGlobals.get(name) ?? ANY;
  const g = ctx.env.globals().get(name);
  if (g) {
    if (g.deprecated !== undefined) reportDeprecated(ctx, id, name, g.deprecated);
    return g.type;
  }
  if (ctx.config.globalModules) {
    const m = ctx.env.module(name);
    if (m) return useModule(ctx, m, name, id.range, true);
  }
  const fromProject = ctx.config.project?.global(name);
  if (fromProject) return fromProject;
  // A global tested for existence (`unpack or table.unpack`, `if jit then`) is a feature test.
  if (!ctx.probes.has(id) && !moduleGlobals(ctx).has(name)) reportUndefinedGlobal(ctx, id);
  return ANY;
}

/** Records that the script uses module `m` (bound to `name`) and returns its export type. */
export function useModule(ctx: CheckContext, m: ModuleInfo, name: string, range: [number, number], asGlobal: boolean): Type {
  ctx.moduleTables.set(m.type, m);
  const key = asGlobal ? `global:${name}` : '';
  if (!asGlobal || !ctx.reportedWorkflowGlobals.has(key)) {
    if (asGlobal) ctx.reportedWorkflowGlobals.add(key);
    ctx.moduleBindings.push({ name, module: m.name, start: range[0], end: range[1], ...(m.file !== undefined ? { file: m.file } : {}) });
    checkWorkflowModule(ctx, m, range);
  }
  return m.type;
}

/** Every global name visible to the file (for completion and suggestions). */
export function globalNames(ctx: CheckContext): string[] {
  const names = new Set<string>([...ctx.config.globals.keys(), ...ctx.env.globals().keys(), ...ctx.binding.globalWrites]);
  if (ctx.config.globalModules) for (const m of ctx.env.moduleNames()) names.add(m);
  for (const g of ctx.config.project?.globalNames() ?? []) names.add(g);
  return [...names];
}

/**
 * Lua 5.1's `module("a.b", ...)` makes the module table the file's environment, with `_M`, `_NAME`
 * and `_PACKAGE` in it, and sets the global `a`: those names are defined in such a file.
 */
function moduleGlobals(ctx: CheckContext): ReadonlySet<string> {
  if (ctx.moduleGlobalNames) return ctx.moduleGlobalNames;
  const names = new Set<string>();
  const re = /(?:^|[;\s])module\s*\(\s*(?:(["'])([\w.]+)\1|\.\.\.)/g;
  for (const m of ctx.text.matchAll(re)) {
    names.add('_M').add('_NAME').add('_PACKAGE');
    if (m[2]) names.add(m[2].split('.')[0]!);
  }
  ctx.moduleGlobalNames = names;
  return names;
}
