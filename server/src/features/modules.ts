// luamod/listModules and luamod/moduleMarkdown: the modules of a document's project and each
// module's markdown page (the client's "Show Module Manifest" command).
import {
  ListModulesMethod,
  ModuleMarkdownMethod,
  type ListModulesResult,
  type ModuleMarkdownParams,
  type ModuleMarkdownResult,
} from '../../../src/protocol/luamod-protocol';
import { listModules, moduleMarkdown } from '../../../src/service/modules';
import { defineFeature } from '../feature';

export const listModulesFeature = defineFeature({
  method: ListModulesMethod,
  fallback: { modules: [] } as ListModulesResult,
  validate: (p) => (p === undefined || p === null || (typeof p === 'object' && ['string', 'undefined'].includes(typeof (p as { uri?: unknown }).uri)) ? undefined : 'params.uri must be a string when given'),
  handle: (p: { uri?: string } | null, ctx): ListModulesResult => ({ modules: listModules(ctx.projectFor(p?.uri ?? 'untitled:modules')) }),
});

export const moduleMarkdownFeature = defineFeature({
  method: ModuleMarkdownMethod,
  fallback: null as ModuleMarkdownResult | null,
  validate: (p) => (typeof (p as { name?: unknown } | null)?.name === 'string' ? undefined : 'params.name must be a string'),
  handle: (p: ModuleMarkdownParams, ctx): ModuleMarkdownResult | null => {
    const markdown = moduleMarkdown(ctx.projectFor(p.uri ?? 'untitled:modules'), p.name);
    return markdown === undefined ? null : { markdown };
  },
});
