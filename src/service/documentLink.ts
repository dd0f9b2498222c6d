// Document links: the module name inside each `require("…")` links to the project file it resolves
// to, or to the module's manifest JSON or ModuleDef source, when that file is known. Pure.
import type { DocumentLink } from 'vscode-languageserver-types';
import { decodeLuaString } from '../checker/positions';
import { walk } from './ast';
import { locate } from './manifest-symbols';
import type { Snapshot } from './snapshot';
import { projectFileOf } from './target';
import { pathToUri } from './uri';

export function documentLinks(snap: Snapshot): DocumentLink[] {
  const out: DocumentLink[] = [];
  walk(snap.syntax.chunk, (node) => {
    if (node.type !== 'CallExpression' && node.type !== 'StringCallExpression') return;
    if (node.base.type !== 'Identifier' || node.base.name !== 'require') return;
    const arg = node.type === 'StringCallExpression' ? node.argument : node.arguments[0];
    if (arg?.type !== 'StringLiteral') return;
    const name = decodeLuaString(arg.raw);
    const range = snap.rangeOf(arg.range[0] + 1, Math.max(arg.range[0] + 1, arg.range[1] - 1));
    const file = snap.project.registry.get(name) ? undefined : projectFileOf(snap, name);
    if (file) {
      out.push({ range, target: pathToUri(file), tooltip: `Open module '${name}' (${file})` });
      return;
    }
    const target = locate(snap.project, name, '');
    if (!target) return;
    out.push({
      range: snap.rangeOf(arg.range[0] + 1, Math.max(arg.range[0] + 1, arg.range[1] - 1)),
      target: `${target.uri}#L${target.range.start.line + 1}`,
      tooltip: `Open the definition of module '${name}'`,
    });
  });
  return out;
}
