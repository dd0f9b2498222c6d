// The generated docs pages of the built-in modules (docs/modules/<name>.md): exactly what
// `luamod manifest NAME --format md` prints. Written by scripts/gen-module-docs.mjs; a test keeps
// the committed pages in sync.
import { manifestToMarkdown } from '../module/manifest-markdown';
import { ModuleRegistry } from '../module/registry';
import { builtinModules } from './index';

export interface DocPage {
  /** Path relative to the repository root. */
  readonly file: string;
  readonly markdown: string;
}

/** One page per built-in module, in `builtinModules` order. */
export function moduleDocPages(): DocPage[] {
  const registry = ModuleRegistry.load({ modules: builtinModules });
  return builtinModules.map((def) => {
    const entry = registry.get(def.name);
    if (!entry) throw new Error(`module '${def.name}' is missing from the registry`);
    return { file: `docs/modules/${def.name}.md`, markdown: manifestToMarkdown(entry) };
  });
}
