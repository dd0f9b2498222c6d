// Public face of the type model.
export * from './type';
export * from './manifest';
export { parseType, tryParseType, TypeParseError } from './parse';
export { typeToString, membersToLines, type PrintOptions } from './print';
export { normalize, sameType, typeKey } from './normalize';
export { isAssignable } from './assignable';
export { ErrorInterface, ERROR_TYPE_NAME } from './error-type';
export { mapType, forEachRef } from './walk';
export { setOwn, hasOwn } from './own-props';
