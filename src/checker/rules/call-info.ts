// The facts about one call that the argument rules (missing-, redundant-parameter,
// param-type-mismatch) read.
import type { CallExpression, Expression, StringCallExpression, TableCallExpression } from 'luaparse';
import type { FunctionType, Param, Type } from '../../types/type';

export interface CallInfo {
  readonly fn: FunctionType;
  /** Parameters that the written arguments fill (the receiver of a `:` call removed). */
  readonly params: readonly Param[];
  readonly args: readonly Expression[];
  /** Argument values, the last argument expanded; `rest` when it gives an unknown number. */
  readonly values: { readonly types: readonly Type[]; readonly rest?: Type };
  readonly name: string;
  readonly call: CallExpression | StringCallExpression | TableCallExpression;
  /** 1 for a `:` call (argument #1 is then the first written argument, numbered from 1). */
  readonly skip: number;
}
