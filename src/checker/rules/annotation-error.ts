// annotation-error: a `---@` annotation the checker cannot read (a type the notation rejects, a tag
// without its name or type), a type name nothing defines, or a `---@diagnostic` line naming a code
// that does not exist. The annotation then types nothing (any), so the mistake would be silent.
import { forEachRef } from '../../types/walk';
import { BUILTIN_TYPE_NAMES, LUACATS_NAMES } from '../builtin-type-names';
import type { CheckContext } from '../context';
import { suggest } from '../suggest';
import type { Suppressions } from '../suppress';

/** Names a misspelt type is compared with, besides the file's own classes and aliases. */
const BUILTIN_TYPES = BUILTIN_TYPE_NAMES.map(([name]) => name);

export function checkAnnotations(ctx: CheckContext, suppressions: Suppressions): void {
  for (const p of ctx.annotations.problems) ctx.report('annotation-error', [p.start, p.end], p.args);
  for (const a of ctx.annotations.types) {
    const text = ctx.text.slice(a.start, a.end);
    forEachRef(a.type, (name) => {
      if (LUACATS_NAMES.has(name) || ctx.resolve(name)) return;
      const i = text.indexOf(name);
      const start = i >= 0 ? a.start + i : a.start;
      const suggestion = suggest(name, [...BUILTIN_TYPES, ...ctx.annotations.userTypes.keys()]);
      // A word of older LuaDoc prose (`---@param fn Callback to call`): reported only as a likely typo.
      if (a.prose && (!suggestion || suggestion.toLowerCase() === name.toLowerCase())) return;
      ctx.report('annotation-error', [start, i >= 0 ? start + name.length : a.end], { variant: 'unknown-type', name, suggestion },
        suggestion ? { data: { suggestions: [suggestion] } } : {});
    });
  }
  for (const u of suppressions.unknownCodes) {
    ctx.report('annotation-error', [u.start, u.end], { variant: 'unknown-code', name: u.code, suggestion: u.suggestion },
      u.suggestion ? { data: { suggestions: [u.suggestion] } } : {});
  }
}
