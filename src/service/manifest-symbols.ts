// Symbols declared by manifests (modules, their exports, named types and members) with their
// locations in manifest JSON or ModuleDef sources: workspace symbols and go-to-definition use them.
import { existsSync } from 'node:fs';
import { SymbolKind, type Location, type WorkspaceSymbol } from 'vscode-languageserver-types';
import { fieldsOf } from '../types';
import type { Project } from './project';
import { pathToUri } from './uri';
import { isFunction } from './function-type';

/** Every module, export, type and type member of the project's registry (computed once per project). */
export function manifestSymbols(project: Project): readonly WorkspaceSymbol[] {
  return project.memo('manifestSymbols', () => collect(project));
}

function collect(project: Project): WorkspaceSymbol[] {
  const out: WorkspaceSymbol[] = [];
  for (const entry of project.registry.list()) {
    // Members without a known location fall back to the module's; without either they are left out.
    const moduleLoc = locate(project, entry.name, '');
    const loc = (member: string) => locate(project, entry.name, member) ?? moduleLoc;
    if (moduleLoc) out.push(symbol(entry.name, SymbolKind.Module, undefined, moduleLoc));
    for (const [name, field] of Object.entries(fieldsOf(entry.manifest.exportType) ?? {})) {
      const l = loc(name);
      if (l) out.push(symbol(name, isFunction(field.type) ? SymbolKind.Function : SymbolKind.Field, entry.name, l));
    }
    for (const [name, t] of entry.manifest.types) {
      const qualified = `${entry.name}.${name}`;
      const tl = loc(name);
      if (tl) out.push(symbol(qualified, t.type.kind === 'interface' ? SymbolKind.Interface : SymbolKind.Struct, entry.name, tl));
      for (const [member, field] of Object.entries(fieldsOf(t.type.kind === 'ref' ? undefined : t.type) ?? {})) {
        const ml = loc(`${name}.${member}`);
        if (ml) out.push(symbol(member, isFunction(field.type) ? SymbolKind.Method : SymbolKind.Field, qualified, ml));
      }
    }
  }
  return out;
}

/** The location of `member` of module `name` (`''` for the module itself), when known. */
export function locate(project: Project, name: string, member: string): Location | undefined {
  const at = project.registry.locateMember(name, member);
  // A ModuleDef's source may not ship with the package (e.g. inside the VS Code extension).
  if (!at || !existsSync(at.path)) return undefined;
  const pos = { line: at.line, character: at.character };
  return { uri: pathToUri(at.path), range: { start: pos, end: pos } };
}

function symbol(name: string, kind: SymbolKind, containerName: string | undefined, location: Location): WorkspaceSymbol {
  return { name, kind, ...(containerName ? { containerName } : {}), location };
}
