// The built-in type names an annotation may use: the notation's own and the LuaCATS names it
// accepts as any. One list for the checker's suggestions and the editor's completion.

/** Each built-in type name with what it means. */
export const BUILTIN_TYPE_NAMES: ReadonlyArray<readonly [name: string, meaning: string]> = [
  ['string', 'a string'], ['number', 'a number (integer or float)'], ['integer', 'an integer'], ['boolean', 'true or false'],
  ['nil', 'nil'], ['table', 'any table'], ['function', 'any function'], ['any', 'anything (no checks)'],
  ['unknown', 'anything; must be narrowed before use'], ['never', 'no value at all'], ['self', 'the receiver of a method'],
  ['userdata', 'a host value (LuaCATS; checked as any)'], ['thread', 'a coroutine (LuaCATS; checked as any)'],
  ['lightuserdata', 'a host pointer (LuaCATS; checked as any)'],
];

/** LuaCATS names the notation has no kind of its own for: they parse as names and are accepted as any. */
export const LUACATS_NAMES: ReadonlySet<string> = new Set(['userdata', 'thread', 'lightuserdata']);
