// Option parsers shared by the `luamod` commands (commander argParser callbacks).

/** Collects a repeatable option (`-a x -a y`) into an array, in the order given. */
export const collect = (value: string, previous: string[]): string[] => [...previous, value];
