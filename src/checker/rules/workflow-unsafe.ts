// workflow-unsafe: a workflow script uses a module that is not workflow-safe (reported at the
// `require`, or at the first use of the module as a global). A project file is workflow-safe when
// every module it requires is, transitively (ModuleInfo.unsafeReason says which one is not).
import type { CheckContext } from '../context';
import type { ModuleInfo } from '../environment';

export function checkWorkflowModule(ctx: CheckContext, m: ModuleInfo, range: [number, number]): void {
  if (!ctx.config.workflow || m.workflowSafe) return;
  if (m.file !== undefined) ctx.report('workflow-unsafe', range, { module: m.name, variant: 'project', reason: m.unsafeReason ?? 'it uses a module that is not' });
  else ctx.report('workflow-unsafe', range, { module: m.name, classes: m.classes.join(', ') || 'none' });
}
