// Workflow mode: only workflow-safe modules (deterministic or workflow class) may be used. The
// runtime binds only those; `workflowViolations` finds uses of the others in the source up front,
// so the error names the module and the line instead of failing later on a nil global.
import { isWorkflowSafe, type ModuleDef } from '../module/module-def';
import type { SourceProblem } from './require';
import { luaTokens, type LuaToken } from './lua-tokens';

export interface WorkflowViolation {
  readonly module: string;
  readonly line: number;
  readonly classes: readonly string[];
}

/** Modules a workflow script may bind. */
export function workflowModules(modules: readonly ModuleDef[]): ModuleDef[] {
  return modules.filter(isWorkflowSafe);
}

/**
 * Each non-workflow-safe module the source requires or indexes as a global, with its first line:
 * `require "fs"` / `require("fs")`, or `fs.x` / `fs:x` / `fs[...]` where `fs` is not a field
 * (`t.fs.x`) and the script declares no local of that name. One pass over the tokens, streamed
 * (constant memory besides the text); with `deadline` (a Date.now() value) it throws ScanTimeout
 * once the deadline passes.
 */
export function workflowViolations(source: string, modules: readonly ModuleDef[], deadline?: number): WorkflowViolation[] {
  const unsafe = new Map(modules.filter((d) => !isWorkflowSafe(d)).map((d) => [d.name, d]));
  const required = new Map<string, number>();
  const locals = new Set<string>();
  const globalUse = new Map<string, number>();
  let prev: LuaToken | undefined;
  /** What the previous tokens started: `require`, `require (`, a `local` name list, a module name. */
  let state: 'none' | 'require' | 'require(' | 'local' | 'local-name' | 'local-comma' = 'none';
  let candidate: LuaToken | undefined;
  let requireLine = 0;
  const punct = (t: LuaToken, text: string): boolean => t.kind === 'punct' && t.text === text;
  for (const t of luaTokens(source, deadline)) {
    if (candidate) {
      if ((punct(t, '.') || punct(t, ':') || punct(t, '[')) && !globalUse.has(candidate.text)) globalUse.set(candidate.text, candidate.line);
      candidate = undefined;
    }
    const was = state;
    state = 'none';
    if ((was === 'require' || was === 'require(') && t.kind === 'string') {
      if (unsafe.has(t.text) && !required.has(t.text)) required.set(t.text, requireLine);
    } else if (was === 'require' && punct(t, '(')) {
      state = 'require(';
    } else if (was === 'local' && t.kind === 'name' && t.text === 'function') {
      state = 'local-name';
    } else if ((was === 'local' || was === 'local-name') && t.kind === 'name') {
      locals.add(t.text);
      state = 'local-comma';
    } else if (was === 'local-comma' && punct(t, ',')) {
      state = 'local-name';
    } else if (t.kind === 'name') {
      if (t.text === 'require') { state = 'require'; requireLine = t.line; }
      else if (t.text === 'local') state = 'local';
      else if (unsafe.has(t.text) && !(prev && (punct(prev, '.') || punct(prev, ':')))) candidate = t;
    }
    prev = t;
  }
  const out: WorkflowViolation[] = [];
  for (const [name, def] of unsafe) {
    const lines = [required.get(name), locals.has(name) ? undefined : globalUse.get(name)].filter((l): l is number => l !== undefined);
    if (lines.length) out.push({ module: name, line: Math.min(...lines), classes: def.class });
  }
  return out.sort((a, b) => a.line - b.line);
}

/** The message of a violation, as `luamod run --workflow` prints it after `file:line: `. */
export function workflowViolationMessage(v: WorkflowViolation): string {
  return `module '${v.module}' is not workflow-safe (class: ${v.classes.join(', ')})`;
}

/**
 * The check a workflow run applies to each project file it requires (the rule is transitive): the
 * first use of a non-workflow-safe module among `modules` (all of them, not only the bound ones).
 */
export function workflowSourceCheck(modules: readonly ModuleDef[]): (source: string) => SourceProblem | undefined {
  return (source) => {
    const v = workflowViolations(source, modules)[0];
    return v ? { line: v.line, message: workflowViolationMessage(v) } : undefined;
  };
}

