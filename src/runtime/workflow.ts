// Workflow mode: only workflow-safe modules (deterministic or workflow class) may be used. The
// runtime binds only those; `workflowViolations` finds uses of the others in the source up front,
// so the error names the module and the line instead of failing later on a nil global.
import { isWorkflowSafe, type ModuleDef } from '../module/module-def';
import type { SourceProblem } from './require';

export interface WorkflowViolation {
  readonly module: string;
  readonly line: number;
  readonly classes: readonly string[];
}

/** Modules a workflow script may bind. */
export function workflowModules(modules: readonly ModuleDef[]): ModuleDef[] {
  return modules.filter(isWorkflowSafe);
}

/** Each non-workflow-safe module the source requires or indexes as a global, with its first line. */
export function workflowViolations(source: string, modules: readonly ModuleDef[]): WorkflowViolation[] {
  const code = stripComments(source);
  const out: WorkflowViolation[] = [];
  for (const def of modules) {
    if (isWorkflowSafe(def)) continue;
    const name = def.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const required = new RegExp(`require\\s*\\(?\\s*["']${name}["']`).exec(code);
    // A script that declares its own local of that name uses the local, not the module.
    const local = new RegExp(`\\blocal\\s+(function\\s+)?([\\w\\s,]*,\\s*)?${name}\\b`).test(code);
    const global = local ? null : new RegExp(`(?<![\\w.:])${name}\\s*[.:\\[]`).exec(code);
    const m = required && global ? (required.index < global.index ? required : global) : (required ?? global);
    if (m) out.push({ module: def.name, line: code.slice(0, m.index).split('\n').length, classes: def.class });
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

/** Blanks comments (keeping newlines) so that `-- fs.read` does not count. */
function stripComments(source: string): string {
  return source.replace(/--\[(=*)\[[\s\S]*?\]\1\]|--[^\n]*/g, (c) => c.replace(/[^\n]/g, ' '));
}
