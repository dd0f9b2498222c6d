// Renders a module's manifest as a markdown docs page (used by `luamod manifest NAME --format md`
// and to generate docs/modules/*.md): every member's signature, description, parameters,
// returns, errors, yields, deprecation and examples.
import { localTypeToString } from '../manifests';
import { definedStructure, hasOwn, type Field, type MemberDoc, type Type, type TypeManifest } from '../types';
import { isWorkflowSafe, type ModuleClass } from './module-def';

/** What the page needs to know about a module (a RegistryEntry fits). */
export interface ModuleDocSource {
  readonly name: string;
  readonly description: string;
  readonly classes: readonly string[];
  readonly manifest: TypeManifest;
}

/** The markdown page for one module. */
export function manifestToMarkdown(mod: ModuleDocSource): string {
  const m = mod.manifest;
  const show = (t: Type): string => localTypeToString(t, m);
  const out: string[] = [`# \`${mod.name}\``, ''];
  if (mod.description) out.push(mod.description.trim(), '');
  const safe = isWorkflowSafe({ class: mod.classes as readonly ModuleClass[] });
  out.push(`**Classes:** ${mod.classes.map((c) => `\`${c}\``).join(', ') || '(none)'} — ${safe ? 'usable in workflows' : 'not usable in workflows'}.`, '');
  out.push('```lua', `local ${luaName(mod.name)} = require("${mod.name}")`, '```', '');

  const exp = m.exportType;
  if (exp) {
    out.push('## Exports', '');
    if (m.exportDoc?.description) out.push(m.exportDoc.description.trim(), '');
    if (exp.kind === 'record' && exp.name === mod.name) {
      for (const [name, f] of Object.entries(exp.fields)) out.push(...member(`${mod.name}.${name}`, f, show));
    } else {
      out.push('```', show(exp), '```', '');
    }
  }

  if (m.types.size) {
    out.push('## Types', '');
    for (const entry of m.types.values()) {
      const qualified = `${m.name}.${entry.name}`;
      const t = entry.type;
      out.push(`### \`${qualified}\``, '');
      out.push(...docBody(entry));
      const s = definedStructure(t, qualified);
      if (s) {
        if (s.kind === 'interface') {
          out.push(`An interface (a value with methods). Call methods with \`value:method(...)\`.`, '');
          for (const [name, f] of Object.entries(s.methods)) out.push(...member(`${entry.name}:${name}`, f, show, 4));
        } else {
          out.push(`A table with these fields${s.open ? ' (and possibly others)' : ''}:`, '');
        }
        for (const [name, f] of Object.entries(s.fields ?? {})) out.push(...member(`${entry.name}.${name}`, f, show, 4));
      } else {
        out.push('```', `${entry.name} = ${show(t)}`, '```', '');
      }
    }
  }

  if (m.globals.size) {
    out.push('## Globals', '');
    for (const [name, f] of m.globals) out.push(...member(name, f, show));
  }
  return out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd() + '\n';
}

/** One member: heading, signature block, then its docs. */
function member(title: string, f: Field, show: (t: Type) => string, level = 3): string[] {
  const sig = show(f.type);
  const out = [`${'#'.repeat(level)} \`${title}\``, ''];
  if (f.deprecated !== undefined) out.push(`> **Deprecated.** ${f.deprecated}`.trimEnd(), '');
  out.push('```', `${title}${f.optional ? '?' : ''}: ${sig}`, '```', '');
  out.push(...docBody(f));
  if (f.type.kind === 'function') {
    const params = f.type.params.filter((p) => p.name !== 'self');
    if (params.length || f.type.variadic) {
      out.push('**Parameters:**', '');
      for (const p of params) {
        const text = f.params && hasOwn(f.params, p.name) ? f.params[p.name] : undefined;
        out.push(`- \`${p.name}${p.optional ? '?' : ''}\`: \`${show(p.type)}\`${text ? ` — ${text}` : ''}`);
      }
      const rest = f.params && hasOwn(f.params, '...') ? f.params['...'] : undefined;
      if (f.type.variadic) out.push(`- \`...\`: \`${show(f.type.variadic)}\`${rest ? ` — ${rest}` : ''}`);
      out.push('');
    }
    const returns = f.type.returns.map(show);
    if (f.type.variadicReturn) returns.push(`...${show(f.type.variadicReturn)}`);
    if (returns.length || f.returns) {
      out.push(`**Returns:** ${returns.length ? returns.map((r) => `\`${r}\``).join(', ') : ''}${f.returns ? `${returns.length ? ' — ' : ''}${f.returns}` : ''}`, '');
    }
    if (f.errors?.length) out.push(`**Errors:** ${f.errors.map((e) => `\`${e}\``).join(', ')}`, '');
    if (f.type.yields) out.push('**Yields:** suspends the script until the host completes the operation.', '');
  }
  if (f.readonly) out.push('*Read-only.*', '');
  for (const ex of f.examples ?? []) out.push('```lua', ex.trimEnd(), '```', '');
  return out;
}

function docBody(doc: MemberDoc): string[] {
  return doc.description ? [doc.description.trim(), ''] : [];
}

function luaName(module: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(module) ? module : module.replace(/[^A-Za-z0-9_]/g, '_');
}

/** Signatures in the notation, one per line (`luamod manifest NAME --format text`). */
export function manifestToText(mod: ModuleDocSource): string {
  const m = mod.manifest;
  const show = (t: Type): string => localTypeToString(t, m);
  const firstLine = mod.description.split('\n')[0] ?? '';
  const out = [`${mod.name}${firstLine ? ` — ${firstLine}` : ''}`, `classes: ${mod.classes.join(', ') || '(none)'}${isWorkflowSafe({ class: mod.classes as readonly ModuleClass[] }) ? ' (workflow-safe)' : ''}`];
  const exp = m.exportType;
  if (exp) {
    out.push('', 'exports:');
    if (exp.kind === 'record' && exp.name === mod.name) {
      for (const [name, f] of Object.entries(exp.fields)) out.push(`  ${fieldLine(name, f, show)}`);
    } else {
      out.push(`  ${show(exp)}`);
    }
  }
  if (m.types.size) {
    out.push('', 'types:');
    for (const entry of m.types.values()) {
      const t = entry.type;
      const qualified = `${m.name}.${entry.name}`;
      const s = definedStructure(t, qualified);
      if (s) {
        out.push(`  ${entry.name} (${s.kind}${s.kind === 'record' && s.open ? ', open' : ''}):`);
        if (s.kind === 'interface') for (const [name, f] of Object.entries(s.methods)) out.push(`    ${fieldLine(name, f, show)}`);
        for (const [name, f] of Object.entries(s.fields ?? {})) out.push(`    ${fieldLine(name, f, show)}`);
      } else {
        out.push(`  ${entry.name} = ${show(t)}`);
      }
    }
  }
  if (m.globals.size) {
    out.push('', 'globals:');
    for (const [name, f] of m.globals) out.push(`  ${fieldLine(name, f, show)}`);
  }
  return out.join('\n') + '\n';
}

function fieldLine(name: string, f: Field, show: (t: Type) => string): string {
  const flags = [f.type.kind === 'function' && f.type.yields ? 'yields' : '', f.deprecated !== undefined ? 'deprecated' : ''].filter(Boolean);
  return `${f.readonly ? 'readonly ' : ''}${name}${f.optional ? '?' : ''}: ${show(f.type)}${flags.length ? `  [${flags.join(', ')}]` : ''}`;
}
