// `luamod manifest`: list the modules the tools know, print one (text, JSON or markdown), and
// validate JSON manifest files. Exit codes: 0 ok, 1 invalid manifest, 2 bad usage / unreadable file.
import type { Command } from 'commander';
import { formatManifestError, loadManifestFile, manifestToJson, type LoadedManifest } from '../../manifests';
import { manifestToMarkdown, manifestToText } from '../../module/manifest-markdown';
import { ModuleRegistry, type RegistryEntry } from '../../module/registry';
import { configFor } from '../../config/config';
import { builtinModules } from '../../modules';
import { collect } from '../options';
import { resolve } from 'node:path';
import type { ModuleDef } from '../../module/module-def';
import { formatModuleFileError, loadModuleFilesSync, withHostModules } from '../../module/module-file';
import { writeModuleManifests } from '../../module/manifest-export';

export function registerManifest(program: Command): void {
  const manifest = program
    .command('manifest')
    .description('List modules, print one module\'s manifest, or validate JSON manifests.')
    .argument('[name]', 'a module to print (omit to list every module)')
    .option('-f, --format <format>', 'output for NAME: text (signatures), json (the JSON manifest form), md (a docs page)', 'text')
    .option('-m, --manifests <dir>', 'a folder of JSON manifests to add (repeatable; the `manifests` of the nearest .luamodrc.json are always added)', collect, [] as string[])
    .addHelpText('after', `
Examples:
  luamod manifest                          list built-in modules and manifests
  luamod manifest time                     signatures of the time module
  luamod manifest time --format md         a markdown docs page
  luamod manifest shop -m examples/shop/manifests --format json
  luamod manifest validate examples/shop/manifests/*.json
`)
    .action((name: string | undefined, opts: { format: string; manifests: string[] }) => {
      process.exitCode = name === undefined ? listModules(opts.manifests) : showModule(name, opts.format, opts.manifests);
    });

  manifest
    .command('export')
    .description('Write the JSON manifests of ModuleDefs (classes, docs, yields, error kinds), one <name>.json each.')
    .argument('[names...]', 'modules to export (default: the host modules of .luamodrc.json "modules", or every built-in module when there are none)')
    .option('-o, --out <dir>', 'the folder to write to (created if needed)')
    .addHelpText('after', '\nExamples:\n  luamod manifest export --out manifests      the host modules\n  luamod manifest export time json --out out\n\nExit status: 0 written, 2 bad usage, an unknown module, a broken module file or an unwritable folder.\n')
    .action((names: string[], opts: { out?: string }) => {
      process.exitCode = exportManifests(names, opts.out);
    });

  manifest
    .command('validate')
    .description('Check JSON manifest files: JSON syntax, the schema, the type notation and every type name.')
    .argument('<files...>', 'manifest files to check')
    .option('-m, --manifests <dir>', 'folders of other manifests the files may refer to (repeatable)', collect, [] as string[])
    .addHelpText('after', '\nExit status: 0 all valid, 1 some manifest invalid, 2 some file unreadable.\n')
    .action((files: string[], opts: { manifests: string[] }, cmd: Command) => {
      // commander hands `-m` to whichever of `manifest` / `validate` declares it first: take both.
      const parent = (cmd.parent?.opts() ?? {}) as { manifests?: string[] };
      process.exitCode = validate(files, [...(parent.manifests ?? []), ...opts.manifests]);
    });
}

/** Manifest folders: those of the nearest `.luamodrc.json` (from the current folder up), then `--manifests`. */
function manifestDirs(extra: readonly string[]): string[] {
  const r = configFor(process.cwd());
  if (r.error) process.stderr.write(`warning: ${r.error.message}\n`);
  return [...(r.config?.manifests ?? []), ...extra];
}

/** The host's ModuleDefs from the "modules" files of the nearest `.luamodrc.json`; undefined (reported) when one is broken. */
function hostModules(): ModuleDef[] | undefined {
  const r = configFor(process.cwd());
  if (!r.config) return [];
  const host = loadModuleFilesSync(r.config.modules, r.config.dir);
  for (const e of host.errors) process.stderr.write(`luamod manifest: ${formatModuleFileError(e)}\n`);
  return host.errors.length ? undefined : host.modules;
}

function loadRegistry(dirs: readonly string[]): ModuleRegistry | undefined {
  const host = hostModules();
  if (!host) return undefined;
  const registry = ModuleRegistry.load({ modules: withHostModules(builtinModules, host), manifestDirs: manifestDirs(dirs) });
  for (const e of registry.errors) process.stderr.write(`warning: ${formatManifestError(e)}\n`);
  return registry;
}

/** `manifest export`: the JSON manifests of ModuleDefs (the host's, or the NAMES given, built-ins included). */
function exportManifests(names: readonly string[], out: string | undefined): number {
  if (!out) {
    process.stderr.write('luamod manifest export: --out DIR is required\n');
    return 2;
  }
  const host = hostModules();
  if (!host) return 2;
  const all = withHostModules(builtinModules, host);
  const unknown = names.filter((n) => !all.some((d) => d.name === n));
  if (unknown.length) {
    process.stderr.write(`luamod manifest export: unknown module${unknown.length > 1 ? 's' : ''} ${unknown.map((n) => `'${n}'`).join(', ')}; known: ${all.map((d) => d.name).join(', ')}\n`);
    return 2;
  }
  const defs = names.length ? all.filter((d) => names.includes(d.name)) : host.length ? host : all;
  try {
    for (const w of writeModuleManifests(defs, resolve(out))) process.stdout.write(`${w.file}\n`);
  } catch (e) {
    process.stderr.write(`luamod manifest export: cannot write to ${out}: ${(e as Error).message}\n`);
    return 2;
  }
  return 0;
}

function listModules(dirs: readonly string[]): number {
  const registry = loadRegistry(dirs);
  if (!registry) return 2;
  const entries = registry.list();
  const rows = entries.map((e) => [e.name, e.classes.join(',') || '-', firstLine(e.description)]);
  const w0 = Math.max(4, ...rows.map((r) => r[0]!.length));
  const w1 = Math.max(7, ...rows.map((r) => r[1]!.length));
  const line = (r: string[]): string => `${r[0]!.padEnd(w0)}  ${r[1]!.padEnd(w1)}  ${r[2]}`.trimEnd();
  process.stdout.write([line(['NAME', 'CLASSES', 'DESCRIPTION']), ...rows.map(line)].join('\n') + '\n');
  return 0;
}

function showModule(name: string, format: string, dirs: readonly string[]): number {
  if (!['text', 'json', 'md'].includes(format)) {
    process.stderr.write(`luamod manifest: unknown format '${format}' (use text, json or md)\n`);
    return 2;
  }
  const registry = loadRegistry(dirs);
  if (!registry) return 2;
  const entry = registry.get(name);
  if (!entry) {
    process.stderr.write(`luamod manifest: unknown module '${name}'; known: ${registry.list().map((e) => e.name).join(', ')}\n`);
    return 2;
  }
  if (format === 'md') process.stdout.write(manifestToMarkdown(entry));
  else if (format === 'json') process.stdout.write(JSON.stringify(entryJson(entry), null, 2) + '\n');
  else process.stdout.write(manifestToText(entry));
  return 0;
}

/** The JSON manifest form, with the registry entry's description and classes (a ModuleDef's are authoritative). */
function entryJson(entry: RegistryEntry): Record<string, unknown> {
  const { name, description: _d, class: _c, ...rest } = manifestToJson(entry.manifest);
  return {
    name,
    ...(entry.description ? { description: entry.description } : {}),
    ...(entry.classes.length ? { class: [...entry.classes] } : {}),
    ...rest,
  };
}

function validate(files: readonly string[], dirs: readonly string[]): number {
  const loaded: LoadedManifest[] = files.map((f) => loadManifestFile(f));
  // Names are checked against the built-ins, the --manifests folders and the files themselves.
  const host = hostModules();
  if (!host) return 2;
  // A file being validated stands for the host module of its name (e.g. one `manifest export` wrote).
  const validated = new Set(loaded.map((l) => l.manifest?.name));
  const registry = ModuleRegistry.load({ modules: withHostModules(builtinModules, host.filter((h) => !validated.has(h.name))), manifestDirs: manifestDirs(dirs), loaded });
  let invalid = false;
  let unreadable = false;
  for (const l of loaded) {
    const errors = registry.errors.filter((e) => e.file === l.file);
    if (l.unreadable) unreadable = true;
    else if (errors.length) invalid = true;
    for (const e of errors) process.stderr.write(`${formatManifestError(e)}\n`);
    if (!errors.length) process.stdout.write(`${l.file}: ok\n`);
  }
  return unreadable ? 2 : invalid ? 1 : 0;
}

function firstLine(text: string): string {
  return text.split('\n')[0]!.trim();
}
