// The function a value's type denotes, seen through `?`: an optional callback is still a function
// to describe, complete, hint or colour.
import type { FunctionType, Type } from '../types/type';

/** `t` when it is a function type, the function inside an optional type, else undefined. */
export function asFunction(t: Type | undefined): FunctionType | undefined {
  if (!t) return undefined;
  if (t.kind === 'function') return t;
  return t.kind === 'optional' ? asFunction(t.type) : undefined;
}

/** Whether `t` is a function type, optional or not. */
export function isFunction(t: Type | undefined): boolean {
  return asFunction(t) !== undefined;
}
