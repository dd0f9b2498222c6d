// accidental-global: an assignment to an undeclared global inside a function body — usually a
// missing `local`. Top-level assignments define the file's globals and are not reported; neither
// are configured, standard-library or module globals, nor files that change their environment
// (`module(...)`, `setfenv`, `_ENV`). The first assignment of each name is reported, with the
// offset where `local ` makes it a local (the quick fix).
import type { Chunk, Identifier, Node } from 'luaparse';
import type { CheckContext } from '../context';

export function checkAccidentalGlobals(ctx: CheckContext, chunk: Chunk): void {
  const topLevel = new Set<string>();
  const inFunctions: Array<{ id: Identifier; statement: Node; single: boolean }> = [];
  let changesEnvironment = false;
  const visit = (node: unknown, depth: number): void => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) { for (const n of node) visit(n, depth); return; }
    const n = node as Node;
    switch (n.type) {
      case 'AssignmentStatement':
        for (const v of n.variables) {
          if (v.type !== 'Identifier' || ctx.binding.resolved.has(v)) continue;
          if (v.name === '_ENV') changesEnvironment = true;
          if (depth === 0) topLevel.add(v.name);
          else inFunctions.push({ id: v, statement: n, single: n.variables.length === 1 });
        }
        break;
      case 'FunctionDeclaration':
        if (!n.isLocal && n.identifier?.type === 'Identifier' && !ctx.binding.resolved.has(n.identifier)) {
          if (depth === 0) topLevel.add(n.identifier.name);
          else inFunctions.push({ id: n.identifier, statement: n, single: true });
        }
        visit(n.body, depth + 1);
        return;
      case 'CallExpression': case 'StringCallExpression':
        if (n.base.type === 'Identifier' && (n.base.name === 'module' || n.base.name === 'setfenv') && !ctx.binding.resolved.has(n.base)) changesEnvironment = true;
        break;
      default: break;
    }
    for (const key in n) {
      if (key === 'range' || key === 'loc') continue;
      const v = (n as unknown as Record<string, unknown>)[key];
      if (v && typeof v === 'object') visit(v, depth);
    }
  };
  visit(chunk.body, 0);
  if (changesEnvironment) return;
  const reported = new Set<string>();
  for (const { id, statement, single } of inFunctions) {
    const name = id.name;
    if (reported.has(name) || topLevel.has(name) || isKnownGlobal(ctx, name)) continue;
    reported.add(name);
    ctx.report('accidental-global', id, { name }, single ? { data: { makeLocal: statement.range[0] } } : {});
  }
}

function isKnownGlobal(ctx: CheckContext, name: string): boolean {
  return ctx.config.globals.has(name) || ctx.env.globals().has(name) || (ctx.config.globalModules && ctx.env.module(name) !== undefined);
}
