// assign-type-mismatch: a value assigned to an annotated variable (`---@type`) or a declared field
// (`---@field`, a manifest record field) that does not fit its type.
import type { Expression, Identifier } from 'luaparse';
import type { Type } from '../../types/type';
import type { CheckContext } from '../context';
import { explainMismatch } from './mismatch';

export function checkAssignType(ctx: CheckContext, name: string, node: Expression | Identifier, value: Type, declared: Type): void {
  const m = explainMismatch(ctx, node, value, declared);
  if (!m) return;
  const detail = m.variant === 'field' ? { expected: m.expected, got: `${m.got} in field '${m.field}'` }
    : m.variant === 'missing-field' ? { expected: `${m.expected} in field '${m.field}'`, got: 'nothing' }
    : m.variant === 'extra-field' ? { expected: m.expected, got: `a table with field '${m.field}'` }
    : { expected: m.expected, got: m.got };
  ctx.report('assign-type-mismatch', m.range[1] > m.range[0] ? m.range : node.range, { name, ...detail });
}
