// Why a value does not fit a slot: the whole value (`expected string, got number`) or, for a table
// constructor against a record, the first field that does not fit. Shared by the *-type-mismatch rules.
import type { Expression } from 'luaparse';
import { fits, showType } from '../display';
import { hasOwn } from '../../types/own-props';
import type { Type } from '../../types/type';
import type { CheckContext } from '../context';
import { mayBeNil, members, nonNil, widen } from '../type-ops';

export interface Mismatch {
  readonly variant?: 'field' | 'missing-field' | 'extra-field';
  readonly field?: string;
  readonly expected: string;
  readonly got: string;
  readonly range: [number, number];
}

/** undefined when `value` (written as `node`) fits `target`. */
export function explainMismatch(ctx: CheckContext, node: Expression | undefined, value: Type, target: Type): Mismatch | undefined {
  const resolver = ctx.lenientResolver;
  const range: [number, number] = node ? node.range : [0, 0];
  const to = ctx.deref(mayBeNil(target) && node?.type === 'TableConstructorExpression' ? nonNil(target) : target);
  if (node?.type === 'TableConstructorExpression' && to.kind === 'record' && !ctx.tables.get(to)?.cls) {
    const seen = new Set<string>();
    for (const f of node.fields) {
      if (f.type !== 'TableKeyString') continue;
      const name = f.key.name;
      seen.add(name);
      const slot = hasOwn(to.fields, name) ? to.fields[name] : undefined;
      if (!slot) {
        if (!to.open && !to.indexer) return { variant: 'extra-field', field: name, expected: showType(target), got: '', range: f.key.range };
        continue;
      }
      const ft = ctx.nodeTypes.get(f.value) ?? { kind: 'any' };
      const slotType: Type = slot.optional ? { kind: 'optional', type: slot.type } : slot.type;
      const inner = explainMismatch(ctx, f.value, ft, slotType);
      if (inner) return inner.variant ? inner : { variant: 'field', field: name, expected: inner.expected, got: inner.got, range: f.value.range };
    }
    for (const [name, slot] of Object.entries(to.fields)) {
      if (seen.has(name) || slot.optional || mayBeNil(ctx.deref(slot.type))) continue;
      const t = ctx.deref(slot.type);
      if (t.kind === 'any' || t.kind === 'unknown') continue;
      return { variant: 'missing-field', field: name, expected: showType(slot.type), got: '', range };
    }
    return undefined;
  }
  if (fits(value, target, resolver, ctx.config.integers)) return undefined;
  // Lua 5.3 converts a float with an integral value where an integer is expected.
  if (fits(floatsAsIntegers(value), target, resolver, ctx.config.integers)) return undefined;
  const shown = members(ctx.deref(target)).some((m) => m.kind === 'literal') ? value : widen(value);
  return { expected: showType(target), got: showType(shown), range };
}

/** `number` read as `integer` (members of unions and optionals too). */
function floatsAsIntegers(t: Type): Type {
  switch (t.kind) {
    case 'number': return { kind: 'integer' };
    case 'optional': return { kind: 'optional', type: floatsAsIntegers(t.type) };
    case 'union': return { kind: 'union', types: t.types.map(floatsAsIntegers) };
    default: return t;
  }
}
